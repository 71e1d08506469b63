/** Fingerprints of file contents for the duplicate search, and where contents lie in their source. */
import type { ReadEntry } from 'tar';
/** Bytes hashed at each end of a file for its fingerprint: a file up to twice this is hashed whole. */
export declare const SAMPLE = 4096;
/**
 * Where a chunk of the source stream sits in it. Parsers hand content on as views of the chunks they
 * were given (no copy), so a view's buffer and offset locate it in the source. Views of copies (a
 * gunzip's output, a re-assembled block) are simply not found, and their files are read again instead.
 */
export declare class StreamPositions {
    private readonly bases;
    private position;
    /** Records the next chunk read from the source. */
    track(chunk: Buffer): void;
    at(view: Buffer): number | undefined;
}
/**
 * The fingerprint as the content streams by: SHA-256 of the whole content for a file up to 8 KiB (that
 * decides a duplicate outright), CRC-32 of the first and last 4 KiB for a bigger one (that only
 * selects candidates, for a full hash to confirm). Notes where the content starts in the source.
 */
export declare function fingerprint(entry: ReadEntry, size: number, positions: StreamPositions | undefined, done: (fingerprint: string, offset: number | undefined) => void): void;
/** A file of up to 8 KiB is fingerprinted by its whole content: equal fingerprints, equal files. */
export declare function smallFingerprint(content: Buffer): string;
/** `size:head:tail` of a file over 8 KiB: it only selects candidates, a full hash decides. */
export declare function fingerprintText(size: number, head: number, tail: number): string;
