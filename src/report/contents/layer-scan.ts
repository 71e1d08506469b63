import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Parser, ReadEntry } from 'tar';
import { ImageContentError } from '../sources/errors.js';
import { compression, isFile, normalisePath, toEntry, type LayerEntry } from './entries.js';
import { fingerprint, type StreamPositions } from './fingerprint.js';
import { LinkNameCleaner } from './link-names.js';
import { walkTar, type FileWindow } from './tar-walk.js';

export interface ScanOptions {
  /** Files smaller than this are not fingerprinted for the duplicate search (default 1 KiB). */
  minDuplicateBytes?: number;
  /** Names the layer in errors (`layer 3 (sha256:ab…) of image.tar`). */
  label: string;
  /** Positions of the source stream's chunks, to locate file contents for a later exact read. */
  positions?: StreamPositions;
}

/**
 * The tar parser for one layer: strict, so a corrupt or truncated tar is an error, not a warning. A
 * layer of zero bytes only is an empty tar (BuildKit's empty layer, sha256:4f4fb700…, is 1 KiB of
 * zeros gzip'd), which node-tar calls an unrecognized archive: `onlyZeros` (asked once the whole
 * layer was fed) tells that one apart from a corrupt layer.
 */
export async function layerParser(
  label: string,
  onEntry: (entry: ReadEntry) => void,
  onlyZeros: () => boolean = () => false,
): Promise<{ parser: Parser; done: Promise<void> }> {
  // node-tar is loaded when a layer is read, not when the action starts. The parser is only ever
  // given plain tar: gzip is undone before it, where the bytes are counted.
  const { Parser: TarParser } = await import('tar');
  const parser = new TarParser({ strict: true });
  parser.on('entry', onEntry);
  const done = new Promise<void>((resolve, reject) => {
    const corrupt = (error: Error) =>
      reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`));
    let unrecognized: Error | undefined;
    parser.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'TAR_BAD_ARCHIVE') unrecognized ??= error;
      else corrupt(error);
    });
    parser.on('end', () => (unrecognized && !onlyZeros() ? corrupt(unrecognized) : resolve()));
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

/** Reads one layer blob (plain or gzip'd tar) from a stream; see `layerEntryHandler`. */
export async function scanLayer(
  blob: Readable,
  onEntry: (entry: LayerEntry) => void,
  options: ScanOptions,
): Promise<{ tarBytes: number }> {
  const { handle } = layerEntryHandler(onEntry, options);
  const zeros = { only: true };
  const { parser, done } = await layerParser(options.label, handle, () => zeros.only);
  const tarBytes = await feed(blob, parser, options.label, options.positions, zeros);
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
  const zeros = { only: true };
  const { parser, done } = await layerParser(
    label,
    (entry) => {
      const path = normalisePath(entry.path);
      if (path === undefined || !isFile(entry.type) || !wanted.has(path)) {
        entry.resume();
        return;
      }
      const hash = createHash('sha256');
      entry.on('data', (chunk: Buffer) => hash.update(chunk));
      entry.on('end', () => hashes.set(path, hash.digest('hex')));
    },
    () => zeros.only,
  );
  await feed(blob, parser, label, undefined, zeros);
  await done;
  return hashes;
}

/**
 * Writes a layer stream into the parser chunk by chunk (as they come, so positions stay exact),
 * gunzipping it first when it is gzip'd. Returns the uncompressed tar length; `zeros.only` stays true
 * while every byte was zero (checked until the first that is not: a tar header's first byte is a name).
 */
async function feed(
  blob: Readable,
  parser: Parser,
  label: string,
  positions?: StreamPositions,
  zeros: { only: boolean } = { only: false },
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
  const cleaner = new LinkNameCleaner(await import('tar'));
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (zeros.only) zeros.only = chunk.every((byte) => byte === 0);
      if (kind !== 'gzip') positions?.track(chunk);
      let flowing = true;
      for (const piece of cleaner.pieces(chunk)) flowing = parser.write(piece) && flowing;
      if (!flowing) {
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
