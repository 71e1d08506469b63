import { readSync } from 'node:fs';
import type { Header as TarHeader, HeaderData } from 'tar';
import { ImageContentError } from '../sources/errors.js';

/** An entry of an uncompressed tar stored in a file: where its content is, not the content. */
export interface WalkedEntry {
  path: string;
  type: string;
  size: number;
  linkpath?: string;
  /** File offset of the content. */
  offset: number;
}

const META = new Set([
  'ExtendedHeader',
  'OldExtendedHeader',
  'GlobalExtendedHeader',
  'NextFileHasLongPath',
  'OldGnuLongPath',
  'NextFileHasLongLinkpath',
]);

/**
 * Reads a file through a window, so consecutive small entries cost one read between them. What `read`
 * returns is a view of the window, valid until the next read: callers copy what they keep.
 */
export class FileWindow {
  private readonly buffer: Buffer;
  private window: Buffer = Buffer.alloc(0);
  private start = 0;
  /** For reads bigger than the window (metadata, the duplicate check's 1 MiB chunks), reused too. */
  private large: Buffer = Buffer.alloc(0);

  constructor(
    readonly fd: number,
    size = 64 * 1024,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** `length` bytes at `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Buffer {
    if (offset >= this.start && offset + length <= this.start + this.window.length) {
      return this.window.subarray(offset - this.start, offset - this.start + length);
    }
    if (length > this.buffer.length) {
      if (this.large.length < length) this.large = Buffer.allocUnsafe(length);
      return this.large.subarray(0, readSync(this.fd, this.large, 0, length, offset));
    }
    this.window = this.buffer.subarray(0, readSync(this.fd, this.buffer, 0, this.buffer.length, offset));
    this.start = offset;
    return this.window.subarray(0, Math.min(length, this.window.length));
  }
}

/**
 * Walks the headers of an uncompressed tar lying in a file between `start` and `end`, skipping over
 * contents: node-tar decodes each header (and pax / GNU long-name records, as its parser does); only
 * the stepping from header to header is ours. A checksum failure or an entry running past `end` is a
 * corrupt or truncated tar.
 */
export async function walkTar(
  file: FileWindow,
  start: number,
  end: number,
  label: string,
  onEntry: (entry: WalkedEntry) => void | Promise<void>,
): Promise<void> {
  // Loaded when a tar is read, not when the action starts.
  const { Header, Pax } = await import('tar');
  let position = start;
  let extended: HeaderData | undefined;
  let global: HeaderData | undefined;
  let sawNull = false;
  let count = 0;
  const corrupt = (detail: string) => new ImageContentError(`${label} is truncated or corrupt: ${detail}`);
  while (position < end) {
    if (position + 512 > end) throw corrupt(`a header is cut off at byte ${position - start}`);
    const block = file.read(position, 512);
    if (block.length < 512) throw corrupt(`the file ends inside a header at byte ${position - start}`);
    let header: TarHeader;
    try {
      header = new Header(block, 0, extended, global);
    } catch (error) {
      throw corrupt(`${(error as Error).message} in the header at byte ${position - start}`);
    }
    position += 512;
    if (header.nullBlock) {
      // Two zero blocks end the archive; what follows is padding.
      if (sawNull) return;
      sawNull = true;
      continue;
    }
    sawNull = false;
    if (!header.cksumValid) throw corrupt(`checksum failure in the header at byte ${position - 512 - start}`);
    if (!header.path) throw corrupt(`a header without a path at byte ${position - 512 - start}`);
    const size = header.size ?? 0;
    const next = position + Math.ceil(size / 512) * 512;
    if (next > end) throw corrupt(`${header.path} needs ${next - end} more bytes than there are`);
    const type = header.type;
    if (META.has(type)) {
      const text = file.read(position, size).toString('utf8');
      if (type === 'GlobalExtendedHeader') global = Pax.parse(text, global, true);
      else if (type === 'ExtendedHeader' || type === 'OldExtendedHeader')
        extended = Pax.parse(text, extended, false);
      else
        extended = {
          ...extended,
          [type === 'NextFileHasLongLinkpath' ? 'linkpath' : 'path']: text.replace(/\0.*/s, ''),
        };
    } else {
      // Pax and GNU long-name records override the header's own fields (a global path never applies).
      const entry = {
        path: extended?.path ?? header.path,
        type,
        size,
        linkpath: extended?.linkpath ?? global?.linkpath ?? header.linkpath,
        offset: position,
      };
      extended = undefined;
      const pending = onEntry(entry);
      if (pending) await pending;
      // Reads are synchronous: let the event loop breathe now and then.
      if (++count % 4096 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    position = next;
  }
}
