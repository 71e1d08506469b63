import type { TagTypeEvaluator } from './tag-type.js';

/** `type=raw`: the rendered value, always. */
export const rawTag: TagTypeEvaluator = (entry, env) => ({
  value: env.affix(env.render(entry.attrs.value), entry),
  autoLatest: false,
});
