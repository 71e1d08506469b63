/** True when the pattern is exactly `{{raw}}` (the only pattern kept for prereleases). */
export declare function isRawPattern(pattern: string): boolean;
