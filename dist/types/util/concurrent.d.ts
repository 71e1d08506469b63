/**
 * `fn` over every item, at most `limit` at a time, the results in the items' order. The first
 * rejection rejects the whole (the calls already started still run to their end).
 */
export declare function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]>;
