import { createHash } from 'node:crypto';

/** metadata-action's tag sanitising: every run of characters a tag cannot hold becomes `-`. */
export function sanitizeTag(value: string): string {
  return value.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

export const MAX_TAG_LENGTH = 128;

/**
 * Makes a sanitised tag acceptable to every registry (`[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`): drops a
 * leading `.`/`-` and shortens a tag over 128 characters, ending it with a short hash of the
 * original so two long tags that share a prefix stay distinct. Returns the tag unchanged when valid.
 */
export function fixTagForRegistry(tag: string): string {
  let fixed = tag.replace(/^[.-]+/, '');
  if (fixed.length === 0) fixed = `x${hash(tag)}`;
  if (fixed.length > MAX_TAG_LENGTH) {
    const suffix = `-${hash(tag)}`;
    fixed = fixed.slice(0, MAX_TAG_LENGTH - suffix.length).replace(/[.-]+$/, '') + suffix;
  }
  return fixed;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
