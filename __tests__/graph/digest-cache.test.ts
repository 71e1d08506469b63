import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashContext } from '../../src/graph/context-hash.js';
import { fileDigestCache } from '../../src/graph/digest-cache.js';
import { digestCacheDir } from '../../src/pipeline/graph-images.js';

/** A context of a few files, and a cache directory; `later` is a clock past the racy window. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'ib-digest-cache-'));
  const context = join(root, 'context');
  mkdirSync(join(context, 'app'), { recursive: true });
  writeFileSync(join(context, 'app/main.py'), 'print("one")\n');
  writeFileSync(join(context, 'app/util.py'), 'x = 1\n');
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY app /app\n');
  const cacheDir = join(root, 'cache');
  const later = () => Date.now() + 60_000;
  return { context, cacheDir, later };
}

describe('the context digest cache', () => {
  it('gives the same context digest, reading no file whose stat is unchanged', async () => {
    const { context, cacheDir, later } = setup();
    const plain = await hashContext(context);
    const first = fileDigestCache(cacheDir, context, later);
    expect((await hashContext(context, undefined, first)).digest).toBe(plain.digest);

    const second = fileDigestCache(cacheDir, context, later);
    const hits: string[] = [];
    const counting = {
      ...second,
      lookup: (path: string, info: Stats) => {
        const found = second.lookup(path, info);
        if (found) hits.push(path);
        return found;
      },
    };
    expect((await hashContext(context, undefined, counting)).digest).toBe(plain.digest);
    expect(hits.sort()).toEqual(['Dockerfile', 'app/main.py', 'app/util.py']);
  });

  it('reads a file again after an edit of the same size with its old mtime put back (ctime moved)', async () => {
    const { context, cacheDir, later } = setup();
    const original = (await hashContext(context, undefined, fileDigestCache(cacheDir, context, later)))
      .digest;
    const path = join(context, 'app/main.py');
    const before = lstatSync(path);
    writeFileSync(path, 'print("two")\n');
    utimesSync(path, before.atime, before.mtime);
    expect(lstatSync(path).size).toBe(before.size);
    // The entry recorded before the edit is not trusted for the edited file...
    const stale = fileDigestCache(cacheDir, context, later);
    expect(stale.lookup('app/main.py', lstatSync(path))).toBeUndefined();
    expect(stale.lookup('app/util.py', lstatSync(join(context, 'app/util.py')))).toMatch(/^[0-9a-f]{64}$/);
    // ...so the digest follows the new content.
    const again = await hashContext(context, undefined, stale);
    expect(again.digest).toBe((await hashContext(context)).digest);
    expect(again.digest).not.toBe(original);
  });

  it('keeps no entry for a file changed within the last two seconds (its change could hide in one clock tick)', async () => {
    const { context, cacheDir } = setup();
    await hashContext(context, undefined, fileDigestCache(cacheDir, context));
    const next = fileDigestCache(cacheDir, context);
    expect(next.lookup('app/main.py', lstatSync(join(context, 'app/main.py')))).toBeUndefined();
  });

  it('treats a malformed cache file as an empty cache', async () => {
    const { context, cacheDir, later } = setup();
    await hashContext(context, undefined, fileDigestCache(cacheDir, context, later));
    const [file] = readdirSync(cacheDir);
    for (const text of ['not json', '[]', JSON.stringify({ 'app/main.py': [1, 2, 3] })]) {
      writeFileSync(join(cacheDir, file), text);
      const cache = fileDigestCache(cacheDir, context, later);
      expect(cache.lookup('app/main.py', lstatSync(join(context, 'app/main.py')))).toBeUndefined();
    }
  });

  it('lives under IMAGE_BUILD_CACHE_DIR, XDG_CACHE_HOME or HOME, and is off when the variable is empty', () => {
    expect(digestCacheDir({ IMAGE_BUILD_CACHE_DIR: '/c', HOME: '/h' })).toBe('/c/context-digests');
    expect(digestCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/image-build/context-digests');
    expect(digestCacheDir({ HOME: '/h' })).toBe('/h/.cache/image-build/context-digests');
    expect(digestCacheDir({ IMAGE_BUILD_CACHE_DIR: '', HOME: '/h' })).toBeUndefined();
    expect(digestCacheDir({})).toBeUndefined();
  });
});
