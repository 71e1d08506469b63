import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Content digests of a context's files from an earlier run, trusted while a file's identity and
 * change times are the same: what BuildKit's and git's own stat caches trust. A write always moves
 * ctime (which no tool can set back), so an edited file is read again; so is a file changed within
 * `RACY_MS` of when the cache was written, whose change a coarse clock could hide (git's racy-clean).
 */
export interface FileDigestCache {
  /** The digest recorded for this file, when its stat says it is unchanged since. */
  lookup(path: string, info: Stats): string | undefined;
  record(path: string, info: Stats, digest: string): void;
  /** Writes what was recorded (best effort: a cache that cannot be written is no cache). */
  save(): void;
}

/** Entries changed this recently are not kept: a same-size edit in the same clock tick would hide. */
const RACY_MS = 2000;
/** Most entries one context's cache keeps. */
const MAX_ENTRIES = 200_000;

type Stamp = [size: number, mtimeMs: string, ctimeMs: string, ino: number, dev: number];
type Entry = [...Stamp, digest: string];

const stamp = (info: Stats): Stamp => [
  info.size,
  String(info.mtimeMs),
  String(info.ctimeMs),
  info.ino,
  info.dev,
];

/**
 * The cache of one context directory, kept as JSON in `dir` (image-build's cache directory) under the
 * hash of the context's absolute path. Missing, unreadable or malformed files are an empty cache.
 */
export function fileDigestCache(dir: string, context: string, now: () => number = Date.now): FileDigestCache {
  const file = join(dir, `${createHash('sha256').update(context).digest('hex').slice(0, 32)}.json`);
  const known = new Map<string, Entry>();
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [path, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (isEntry(value)) known.set(path, value);
      }
    }
  } catch {
    // No cache yet, or not one we wrote: every file is read.
  }
  const seen = new Map<string, Entry>();
  // Rewritten only when it would differ: a run where every file was unchanged writes nothing.
  let changed = false;
  return {
    lookup(path, info) {
      const entry = known.get(path);
      if (!entry) return undefined;
      const current = stamp(info);
      return current.every((value, index) => value === entry[index]) ? entry[5] : undefined;
    },
    record(path, info, digest) {
      const changedAt = Math.max(info.mtimeMs, info.ctimeMs);
      if (now() - changedAt < RACY_MS || seen.size >= MAX_ENTRIES) {
        changed = true;
        return;
      }
      const entry: Entry = [...stamp(info), digest];
      const before = known.get(path);
      if (!before || before.some((value, index) => value !== entry[index])) changed = true;
      seen.set(path, entry);
    },
    save() {
      if (!changed && seen.size === known.size) return;
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(Object.fromEntries(seen)));
        renameSync(temporary, file);
      } catch {
        // A read-only home or a full disk: the next run reads every file again, as this one would have.
      }
    },
  };
}

function isEntry(value: unknown): value is Entry {
  return (
    Array.isArray(value) &&
    value.length === 6 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string' &&
    typeof value[3] === 'number' &&
    typeof value[4] === 'number' &&
    typeof value[5] === 'string' &&
    /^[0-9a-f]{64}$/.test(value[5])
  );
}
