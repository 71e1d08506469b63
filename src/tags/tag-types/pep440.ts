import { renderTemplate } from '../expressions.js';
import { isRawPattern } from './raw-pattern.js';
import type { TagTypeEvaluator } from './tag-type.js';
import { applyVersionMatch, versionSource } from './version-source.js';

/** `type=pep440`: like semver with PEP 440 rules; pre, post and dev releases keep the cleaned version. */
export const pep440Tag: TagTypeEvaluator = (entry, env) => {
  const pep440 = env.libs.pep440;
  if (!pep440) throw new Error('type=pep440 needs @renovate/pep440 (see loadEngineLibs)');
  const source = versionSource(entry, env);
  if (source === undefined) return undefined;
  const raw = applyVersionMatch(source, entry, env).replace(/\//g, '-');
  if (!pep440.valid(raw)) {
    env.logger.warning(
      `${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`,
    );
    return undefined;
  }
  const explained = pep440.explain(raw);
  if (explained.is_prerelease || explained.is_postrelease || explained.is_devrelease) {
    const value = isRawPattern(entry.attrs.pattern) ? raw : pep440.clean(raw);
    return { value: env.affix(value, entry), autoLatest: false };
  }
  const value = renderTemplate(entry.attrs.pattern, {
    raw: () => raw,
    version: () => pep440.clean(raw),
    major: () => pep440.major(raw),
    minor: () => pep440.minor(raw),
    patch: () => pep440.patch(raw),
  });
  return { value: env.affix(value, entry), autoLatest: true };
};
