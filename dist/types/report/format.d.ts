/** Sizes in binary units (1 MiB = 1,048,576 bytes), as `docker` and dive print them. */
export declare function formatBytes(bytes: number): string;
/** A size change with its sign: `+1.20 MiB`, `-300 B`, `±0 B`. */
export declare function formatDelta(bytes: number): string;
export declare function formatPercent(ratio: number, digits?: number): string;
export declare function formatSeconds(seconds: number): string;
