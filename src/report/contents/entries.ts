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

const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const OPAQUE = '.wh..wh..opq';
const WHITEOUT = '.wh.';

/** What a layer blob starts with: gzip and zstd are streamed, a plain tar in a file is walked. */
export function compression(head: Buffer): 'gzip' | 'zstd' | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (startsWith(head, ZSTD)) return 'zstd';
  return undefined;
}

export function isFile(type: string): boolean {
  return type === 'File' || type === 'OldFile' || type === 'ContiguousFile';
}

export function toEntry(name: string, type: string, size: number, linkpath?: string): LayerEntry | undefined {
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

export function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}
