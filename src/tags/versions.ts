import * as semver from 'semver';

/**
 * The release channel of a version: `rc` for `v1.0.0-rc.1`, `beta` for `2.0.0-beta2`, empty for a
 * release or a value that is not semver.
 */
export function prereleaseChannel(value: string): string {
  const parsed = semver.parse(value, { loose: true });
  const first = parsed?.prerelease[0];
  if (first === undefined) return '';
  const channel = /^[A-Za-z]+/.exec(String(first));
  return channel ? channel[0].toLowerCase() : '';
}
