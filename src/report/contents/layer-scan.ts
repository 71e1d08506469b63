import { createHash } from 'node:crypto';
import { crc32, createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { ImageContentError } from '../sources/errors.js';
import { walkTar, type FileWindow } from './tar-walk.js';

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

export interface ScanOptions {
  /** Files smaller than this are not fingerprinted for the duplicate search (default 1 KiB). */
  minDuplicateBytes?: number;
  /** Names the layer in errors (`layer 3 (sha256:ab…) of image.tar`). */
  label: string;
  /** Positions of the source stream's chunks, to locate file contents for a later exact read. */
  positions?: StreamPositions;
}

/** Bytes hashed at each end of a file for its fingerprint: a file up to twice this is hashed whole. */
export const SAMPLE = 4096;
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const OPAQUE = '.wh..wh..opq';
const WHITEOUT = '.wh.';

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

/** The tar parser for one layer: strict, so a corrupt or truncated tar is an error, not a warning. */
export function layerParser(
  label: string,
  onEntry: (entry: ReadEntry) => void,
): { parser: Parser; done: Promise<void> } {
  // It is only ever given plain tar: gzip is undone before it, where the bytes are counted.
  const parser = new Parser({ strict: true });
  parser.on('entry', onEntry);
  const done = new Promise<void>((resolve, reject) => {
    parser.on('error', (error: Error) =>
      reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`)),
    );
    parser.on('end', () => resolve());
  });
  done.catch(() => undefined);
  return { parser, done };
}

/**
 * Handles one layer's tar entries (gzip'd or not; the parser tells): each is handed to `onEntry` and
 * its content read past, fingerprinted for the duplicate search when big enough. Nothing is kept, so
 * memory stays flat whatever the layer's size. Returns the uncompressed tar length.
 */
export function layerEntryHandler(
  onEntry: (entry: LayerEntry) => void,
  options: ScanOptions,
): { handle: (entry: ReadEntry) => void } {
  const minDuplicate = options.minDuplicateBytes ?? 1024;
  const handle = (entry: ReadEntry) => {
    const size = entry.size ?? 0;
    const scanned = toEntry(entry.path, entry.type, size, entry.linkpath);
    if (scanned?.kind === 'file' && size >= minDuplicate) {
      fingerprint(entry, size, options.positions, (print, offset) => {
        scanned.fingerprint = print;
        if (offset !== undefined) scanned.offset = offset;
        onEntry(scanned);
      });
      return;
    }
    if (scanned) onEntry(scanned);
    entry.resume();
  };
  return { handle };
}

/**
 * Reads one uncompressed layer stored in a file (a `docker save` member, an OCI layout blob) by its
 * headers only: contents are skipped, their offsets kept for the duplicate check to read later.
 */
export async function scanLayerFile(
  file: FileWindow,
  range: { start: number; end: number },
  onEntry: (entry: LayerEntry) => void,
  label: string,
): Promise<{ tarBytes: number }> {
  await walkTar(file, range.start, range.end, label, (walked) => {
    const scanned = toEntry(walked.path, walked.type, walked.size, walked.linkpath);
    if (!scanned) return;
    if (scanned.kind === 'file') scanned.offset = walked.offset;
    onEntry(scanned);
  });
  return { tarBytes: range.end - range.start };
}

/** What a layer blob starts with: gzip and zstd are streamed, a plain tar in a file is walked. */
export function compression(head: Buffer): 'gzip' | 'zstd' | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (startsWith(head, ZSTD)) return 'zstd';
  return undefined;
}

/** Reads one layer blob (plain or gzip'd tar) from a stream; see `layerEntryHandler`. */
export async function scanLayer(
  blob: Readable,
  onEntry: (entry: LayerEntry) => void,
  options: ScanOptions,
): Promise<{ tarBytes: number }> {
  const { handle } = layerEntryHandler(onEntry, options);
  const { parser, done } = layerParser(options.label, handle);
  const tarBytes = await feed(blob, parser, options.label, options.positions);
  await done;
  return { tarBytes };
}

/**
 * SHA-256 of the whole content of the `wanted` files of a layer (the last version when a layer writes a
 * path twice): the exact check behind a duplicate that fingerprints only suggested.
 */
export async function hashLayerFiles(
  blob: Readable,
  wanted: ReadonlySet<string>,
  label: string,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const { parser, done } = layerParser(label, (entry) => {
    const path = normalisePath(entry.path);
    if (path === undefined || !isFile(entry.type) || !wanted.has(path)) {
      entry.resume();
      return;
    }
    const hash = createHash('sha256');
    entry.on('data', (chunk: Buffer) => hash.update(chunk));
    entry.on('end', () => hashes.set(path, hash.digest('hex')));
  });
  await feed(blob, parser, label);
  await done;
  return hashes;
}

/**
 * Writes a layer stream into the parser chunk by chunk (as they come, so positions stay exact),
 * gunzipping it first when it is gzip'd. Returns the uncompressed tar length.
 */
async function feed(
  blob: Readable,
  parser: Parser,
  label: string,
  positions?: StreamPositions,
): Promise<number> {
  const head = await peek(blob);
  if (!head.length) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
  const kind = compression(head);
  if (kind === 'zstd') {
    blob.destroy();
    throw new ImageContentError(
      `${label} is zstd-compressed, which this Node.js cannot read (gzip and plain tar can)`,
    );
  }
  const source = kind === 'gzip' ? blob.pipe(createGunzip()) : blob;
  blob.on('error', (error) => source.destroy(error));
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (kind !== 'gzip') positions?.track(chunk);
      if (!parser.write(chunk)) {
        source.pause();
        parser.once('drain', () => source.resume());
      }
    });
    source.on('end', () => resolve());
    source.on('error', (error) =>
      reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`)),
    );
  });
  parser.end();
  return bytes;
}

/** The first bytes of a stream, put back so the stream reads from the start. */
function peek(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (chunk: Buffer) => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
      if (chunk.length) stream.unshift(chunk);
      resolve(chunk);
    };
    const onReadable = () => {
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null) done(chunk);
    };
    const onEnd = () => done(Buffer.alloc(0));
    stream.on('readable', onReadable).on('end', onEnd).on('error', reject);
  });
}

export function isFile(type: string): boolean {
  return type === 'File' || type === 'OldFile' || type === 'ContiguousFile';
}

function toEntry(name: string, type: string, size: number, linkpath?: string): LayerEntry | undefined {
  const path = normalisePath(name);
  if (path === undefined) return undefined;
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (base.startsWith(WHITEOUT)) {
    const dir = slash < 0 ? '' : path.slice(0, slash);
    if (base === OPAQUE) return { path: dir, kind: 'opaque', bytes: 0 };
    // Other `.wh..wh.` names are AUFS bookkeeping (hard-link dirs), not deletions.
    if (base.startsWith(`${WHITEOUT}${WHITEOUT}`)) return undefined;
    const target = base.slice(WHITEOUT.length);
    return { path: dir ? `${dir}/${target}` : target, kind: 'whiteout', bytes: 0 };
  }
  if (!path) return undefined;
  if (isFile(type)) return { path, kind: 'file', bytes: size };
  if (type === 'Directory') return { path, kind: 'directory', bytes: 0 };
  // A symbolic link takes its target's length on disk (what `docker history` counts); a hard link nothing.
  if (type === 'SymbolicLink') return { path, kind: 'link', bytes: Buffer.byteLength(linkpath ?? '') };
  if (type === 'Link') return { path, kind: 'link', bytes: 0 };
  return { path, kind: 'other', bytes: 0 };
}

/** `./usr/bin/`, `/usr/bin` and `usr//bin` are one path; `..` cannot climb out of the image root. */
export function normalisePath(name: string): string | undefined {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.join('/');
}

/**
 * The fingerprint as the content streams by: SHA-256 of the whole content for a file up to 8 KiB (that
 * decides a duplicate outright), CRC-32 of the first and last 4 KiB for a bigger one (that only
 * selects candidates, for a full hash to confirm). Notes where the content starts in the source.
 */
function fingerprint(
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

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}
