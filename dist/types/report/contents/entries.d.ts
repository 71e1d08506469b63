/** Layer tar entries as the filesystem model takes them: kinds, whiteouts, normalised paths. */
export type EntryKind = 'file' | 'directory' | 'link' | 'other' | 'whiteout' | 'opaque';
/** One tar entry of a layer, as the filesystem model needs it. Whiteouts name the path they delete. */
export interface LayerEntry {
    path: string;
    kind: EntryKind;
    bytes: number;
    /** Size and content hash (up to 8 KiB) or checksums of the first and last 4 KiB: finds duplicate candidates. */
    fingerprint?: string;
    /** Where the content starts in the source stream, when it is stored there uncompressed. */
    offset?: number;
}
/** What a layer blob starts with: gzip and zstd are streamed, a plain tar in a file is walked. */
export declare function compression(head: Buffer): 'gzip' | 'zstd' | undefined;
export declare function isFile(type: string): boolean;
export declare function toEntry(name: string, type: string, size: number, linkpath?: string): LayerEntry | undefined;
/** `./usr/bin/`, `/usr/bin` and `usr//bin` are one path; `..` cannot climb out of the image root. */
export declare function normalisePath(name: string): string | undefined;
export declare function startsWith(buffer: Buffer, magic: number[]): boolean;
