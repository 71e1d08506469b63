/**
 * The release channel of a version: `rc` for `v1.0.0-rc.1`, `beta` for `2.0.0-beta2`, empty for a
 * release or a value that is not semver.
 */
export declare function prereleaseChannel(value: string): string;
