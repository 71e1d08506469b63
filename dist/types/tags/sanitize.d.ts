/** metadata-action's tag sanitising: every run of characters a tag cannot hold becomes `-`. */
export declare function sanitizeTag(value: string): string;
export declare const MAX_TAG_LENGTH = 128;
/**
 * Makes a sanitised tag acceptable to every registry (`[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`): drops a
 * leading `.`/`-` and shortens a tag over 128 characters, ending it with a short hash of the
 * original so two long tags that share a prefix stay distinct. Returns the tag unchanged when valid.
 */
export declare function fixTagForRegistry(tag: string): string;
