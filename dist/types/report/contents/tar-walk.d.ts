/** An entry of an uncompressed tar stored in a file: where its content is, not the content. */
export interface WalkedEntry {
    path: string;
    type: string;
    size: number;
    linkpath?: string;
    /** File offset of the content. */
    offset: number;
}
/**
 * Reads a file through a window, so consecutive small entries cost one read between them. What `read`
 * returns is a view of the window, valid until the next read: callers copy what they keep.
 */
export declare class FileWindow {
    readonly fd: number;
    private readonly buffer;
    private window;
    private start;
    /** For reads bigger than the window (metadata, the duplicate check's 1 MiB chunks), reused too. */
    private large;
    constructor(fd: number, size?: number);
    /** `length` bytes at `offset` (fewer at the end of the file). */
    read(offset: number, length: number): Buffer;
}
/**
 * Walks the headers of an uncompressed tar lying in a file between `start` and `end`, skipping over
 * contents: node-tar decodes each header (and pax / GNU long-name records, as its parser does); only
 * the stepping from header to header is ours. A checksum failure or an entry running past `end` is a
 * corrupt or truncated tar.
 */
export declare function walkTar(file: FileWindow, start: number, end: number, label: string, onEntry: (entry: WalkedEntry) => void | Promise<void>): Promise<void>;
