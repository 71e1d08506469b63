/** Fingerprints of file contents for the duplicate search, and where contents lie in their source. */

import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ReadEntry } from 'tar';

/** Bytes hashed at each end of a file for its fingerprint: a file up to twice this is hashed whole. */
export const SAMPLE = 4096;

/**
 * Where a chunk of the source stream sits in it. Parsers hand content on as views of the chunks they
 * were given (no copy), so a view's buffer and offset locate it in the source. Views of copies (a
 * gunzip's output, a re-assembled block) are simply not found, and their files are read again instead.
 */
export class StreamPositions {
  private readonly bases = new WeakMap<ArrayBufferLike, number>();
  private position = 0;

  /** Records the next chunk read from the source. */
  track(chunk: Buffer): void {
    // A chunk sharing its memory with others (a pooled buffer) cannot be told apart from them.
    if (chunk.byteOffset === 0 && chunk.length === chunk.buffer.byteLength)
      this.bases.set(chunk.buffer, this.position);
    this.position += chunk.length;
  }

  at(view: Buffer): number | undefined {
    const base = this.bases.get(view.buffer);
    return base === undefined ? undefined : base + view.byteOffset;
  }
}

/**
 * The fingerprint as the content streams by: SHA-256 of the whole content for a file up to 8 KiB (that
 * decides a duplicate outright), CRC-32 of the first and last 4 KiB for a bigger one (that only
 * selects candidates, for a full hash to confirm). Notes where the content starts in the source.
 */
export function fingerprint(
  entry: ReadEntry,
  size: number,
  positions: StreamPositions | undefined,
  done: (fingerprint: string, offset: number | undefined) => void,
): void {
  const small = size <= 2 * SAMPLE;
  const chunks: Buffer[] = [];
  let headCrc = 0;
  let headBytes = 0;
  let last: Buffer | undefined;
  let previous: Buffer | undefined;
  let offset: number | undefined;
  let contiguous = true;
  let seen = 0;
  entry.on('data', (chunk: Buffer) => {
    const at = positions?.at(chunk);
    if (seen === 0) offset = at;
    else if (offset !== undefined && at !== offset + seen) contiguous = false;
    seen += chunk.length;
    if (small) {
      chunks.push(chunk);
      return;
    }
    if (headBytes < SAMPLE) {
      const part = chunk.subarray(0, SAMPLE - headBytes);
      headCrc = crc32(part, headCrc);
      headBytes += part.length;
    }
    // The last 4 KiB lie in the last chunk or the two last ones.
    if (chunk.length >= SAMPLE) previous = undefined;
    else if (last) previous = last.length >= SAMPLE ? last.subarray(last.length - SAMPLE) : last;
    last = chunk;
  });
  entry.on('end', () => {
    if (small) {
      done(
        smallFingerprint(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
        contiguous ? offset : undefined,
      );
      return;
    }
    done(fingerprintText(size, headCrc, tailCrc(previous, last)), contiguous ? offset : undefined);
  });
}

/** CRC-32 of the last 4 KiB, given the last chunk and the one before it (when the last is short). */
function tailCrc(previous: Buffer | undefined, last: Buffer | undefined): number {
  if (!last) return 0;
  if (last.length >= SAMPLE || !previous) return crc32(last.subarray(Math.max(0, last.length - SAMPLE)));
  const need = SAMPLE - last.length;
  return crc32(last, crc32(previous.subarray(Math.max(0, previous.length - need))));
}

/** A file of up to 8 KiB is fingerprinted by its whole content: equal fingerprints, equal files. */
export function smallFingerprint(content: Buffer): string {
  return `${content.length}:${createHash('sha256').update(content).digest('base64')}`;
}

/** `size:head:tail` of a file over 8 KiB: it only selects candidates, a full hash decides. */
export function fingerprintText(size: number, head: number, tail: number): string {
  return `${size}:${head.toString(36)}:${tail.toString(36)}`;
}
