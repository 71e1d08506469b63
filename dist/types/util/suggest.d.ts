/**
 * The candidate closest to `word` (case-insensitive edit distance at most 2, and less than half the
 * word), for "did you mean" hints; undefined when nothing is that close.
 */
export declare function closestMatch(word: string, candidates: Iterable<string>): string | undefined;
