import { dateHelpers, renderTemplate } from '../expressions.js';
import type { TagTypeEvaluator } from './tag-type.js';

/** `type=schedule`: the pattern (date helpers only) on scheduled runs. */
export const scheduleTag: TagTypeEvaluator = (entry, env) => {
  if (!/schedule/.test(env.scope.context.eventName)) return undefined;
  const value = renderTemplate(entry.attrs.pattern, dateHelpers(env.scope));
  return { value: env.affix(value, entry), autoLatest: false };
};
