import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar, { type ExtractEvents, type Header } from 'tar-stream';
import { ImageContentError } from '../sources/errors.js';

export type EntryKind = 'file' | 'directory' | 'link' | 'other' | 'whiteout' | 'opaque';

/** One tar entry of a layer, as the filesystem model needs it. Whiteouts name the path they delete. */
export interface LayerEntry {
  path: string;
  kind: EntryKind;
  bytes: number;
  /** Size plus hashes of the first and last 4 KiB: cheap, and enough to find duplicate candidates. */
  fingerprint?: string;
}

export interface ScanOptions {
  /** Files smaller than this are not fingerprinted for the duplicate search (default 1 KiB). */
  minDuplicateBytes?: number;
  /** Names the layer in errors (`layer 3 (sha256:ab…) of image.tar`). */
  label: string;
}

/** Bytes hashed at each end of a file for its fingerprint: a file up to twice this is hashed whole. */
export const SAMPLE = 4096;
const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const OPAQUE = '.wh..wh..opq';
const WHITEOUT = '.wh.';

/**
 * Reads one layer blob (tar, gzip'd or not) entry by entry and hands each to `onEntry`; nothing is kept,
 * so memory stays flat whatever the layer's size. Returns the uncompressed tar length.
 */
export async function scanLayer(
  blob: Readable,
  onEntry: (entry: LayerEntry) => void,
  options: ScanOptions,
): Promise<{ tarBytes: number }> {
  const minDuplicate = options.minDuplicateBytes ?? 1024;
  let tarBytes = 0;
  await readTar(blob, options.label, (header, stream, next) => {
    const size = header.size ?? 0;
    tarBytes += 512 + Math.ceil(size / 512) * 512;
    const entry = toEntry(header.name, header.type, size);
    if (entry && entry.kind === 'file' && size >= minDuplicate) {
      fingerprintOf(stream, size).then((fingerprint) => {
        entry.fingerprint = fingerprint;
        onEntry(entry);
        next();
      }, next);
      return;
    }
    if (entry) onEntry(entry);
    skip(stream, next);
  });
  return { tarBytes: tarBytes + 1024 };
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
  await readTar(blob, label, (header, stream, next) => {
    const path = normalisePath(header.name);
    if (path === undefined || header.type !== 'file' || !wanted.has(path)) {
      skip(stream, next);
      return;
    }
    const hash = createHash('sha256');
    stream.on('data', (data: unknown) => hash.update(data as Buffer));
    stream.on('error', next);
    stream.on('end', () => {
      hashes.set(path, hash.digest('hex'));
      next();
    });
  });
  return hashes;
}

type EntryHandler = (header: Header, stream: EntryStream, next: (error?: Error | null) => void) => void;

async function readTar(blob: Readable, label: string, onEntry: EntryHandler): Promise<void> {
  const head = await peek(blob);
  if (!head.length) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
  if (startsWith(head, ZSTD)) {
    blob.destroy();
    throw new ImageContentError(
      `${label} is zstd-compressed, which this Node.js cannot read (gzip and plain tar can)`,
    );
  }
  const extract = tar.extract();
  extract.on('entry', onEntry);
  const stages: NodeJS.ReadWriteStream[] = startsWith(head, GZIP) ? [createGunzip()] : [];
  try {
    await pipeline([blob, ...stages, extract as unknown as NodeJS.WritableStream]);
  } catch (error) {
    throw new ImageContentError(`${label} is truncated or corrupt: ${(error as Error).message}`);
  }
}

function skip(stream: EntryStream, next: () => void): void {
  stream.on('end', next);
  stream.resume();
}

function toEntry(name: string, type: string | null | undefined, size: number): LayerEntry | undefined {
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
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return { path, kind: 'file', bytes: size };
    case 'directory':
      return { path, kind: 'directory', bytes: 0 };
    case 'symlink':
    case 'link':
      return { path, kind: 'link', bytes: 0 };
    default:
      return { path, kind: 'other', bytes: 0 };
  }
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

/** An entry's content stream (streamx's, from tar-stream). */
type EntryStream = ExtractEvents['entry'][1];

function fingerprintOf(stream: EntryStream, size: number): Promise<string> {
  const first = createHash('sha1');
  let firstBytes = 0;
  let tail: Buffer[] = [];
  let tailBytes = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      if (firstBytes < SAMPLE) {
        const part = chunk.subarray(0, SAMPLE - firstBytes);
        first.update(part);
        firstBytes += part.length;
      }
      tail.push(chunk);
      tailBytes += chunk.length;
      while (tail.length > 1 && tailBytes - tail[0].length >= SAMPLE) tailBytes -= tail.shift()!.length;
    });
    stream.on('error', reject);
    stream.on('end', () => {
      const last = Buffer.concat(tail);
      tail = [];
      const end = createHash('sha1')
        .update(last.subarray(Math.max(0, last.length - SAMPLE)))
        .digest('base64');
      resolve(`${size}:${first.digest('base64').slice(0, 16)}:${end.slice(0, 16)}`);
    });
  });
}

/** The first bytes of a stream, put back so the stream reads from the start. */
export function peek(stream: Readable): Promise<Buffer> {
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

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}
