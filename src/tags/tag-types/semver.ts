import * as semver from 'semver';
import { renderTemplate } from '../expressions.js';
import { isRawPattern } from './raw-pattern.js';
import type { TagTypeEvaluator } from './tag-type.js';
import { applyVersionMatch, versionSource } from './version-source.js';

/** `type=semver`: the pattern over the parsed version; a prerelease forces `{{version}}` unless the pattern is `{{raw}}`. */
export const semverTag: TagTypeEvaluator = (entry, env) => {
  const source = versionSource(entry, env);
  if (source === undefined) return undefined;
  const raw = applyVersionMatch(source, entry, env).replace(/\//g, '-');
  if (!semver.valid(raw)) {
    env.logger.warning(`${raw} is not a valid semver. More info: https://semver.org/`);
    return undefined;
  }
  const parsed = semver.parse(raw, { loose: true }) as semver.SemVer;
  const prerelease = semver.prerelease(raw) !== null;
  const pattern = prerelease && !isRawPattern(entry.attrs.pattern) ? '{{version}}' : entry.attrs.pattern;
  return {
    value: env.affix(renderTemplate(pattern, parsed), entry),
    autoLatest: !prerelease,
    version: parsed.version,
  };
};
