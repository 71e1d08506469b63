import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ActionsCacheClient,
  findLockFiles,
  localCacheKeys,
  type LocalCacheState,
  saveLocalCache,
} from '../../src/cache/local.js';
import { buildImage } from '../../src/build/build-image.js';
import type { Builder } from '../../src/engine/builder.js';
import { defaultBuildInputs } from '../../src/build/inputs.js';
import type { CommandRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { buildx, classic, makeContext } from '../build/helpers.js';

function fakeClient(): ActionsCacheClient & { saved: { paths: string[]; key: string; content: string }[] } {
  const saved: { paths: string[]; key: string; content: string }[] = [];
  return {
    saved,
    restoreCache: async () => undefined,
    saveCache: async (paths, key) => {
      saved.push({ paths, key, content: readFileSync(join(paths[0], 'index.json'), 'utf8') });
      return saved.length;
    },
  };
}

const noRunner: CommandRunner = {
  run: async () => {
    throw new Error('no process expected');
  },
};

function directoryState(matchedKey?: string): LocalCacheState {
  const root = mkdtempSync(join(tmpdir(), 'ib-local-unit-'));
  const dir = join(root, 'cache');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.json'), 'old');
  return {
    layout: { dir, newDir: `${dir}-new`, mode: 'buildx-directory' },
    primaryKey: 'image-build-app-1',
    restoreKeys: ['image-build-app-'],
    matchedKey,
    images: [],
    docker: 'docker',
  };
}

describe('saveLocalCache (buildx directory mode)', () => {
  const options = (client: ActionsCacheClient) => ({
    client,
    runner: noRunner,
    env: {},
    logger: silentLogger,
    docker: 'docker',
  });

  it('replaces the old cache with what the last build exported: it never accumulates', async () => {
    const state = directoryState('image-build-app-0');
    mkdirSync(state.layout.newDir);
    writeFileSync(join(state.layout.newDir, 'index.json'), 'new');
    const client = fakeClient();
    expect(await saveLocalCache(state, options(client))).toBe('saved');
    expect(client.saved).toEqual([{ paths: [state.layout.dir], key: 'image-build-app-1', content: 'new' }]);
    expect(existsSync(state.layout.newDir)).toBe(false);
  });

  it('an exact hit saves nothing and keeps the restored cache', async () => {
    const state = directoryState('image-build-app-1');
    const client = fakeClient();
    expect(await saveLocalCache(state, options(client))).toBe('skipped');
    expect(client.saved).toEqual([]);
    expect(readFileSync(join(state.layout.dir, 'index.json'), 'utf8')).toBe('old');
  });

  it('a build that exported nothing leaves the old cache in place (no wipe)', async () => {
    const state = directoryState('image-build-app-0');
    const client = fakeClient();
    expect(await saveLocalCache(state, options(client))).toBe('skipped');
    expect(readFileSync(join(state.layout.dir, 'index.json'), 'utf8')).toBe('old');
  });
});

describe('local cache keys', () => {
  it('change with the Dockerfile or a lock file, and share an image prefix for restore', () => {
    const base = localCacheKeys('r/app', 'FROM x', [{ path: 'poetry.lock', content: 'a' }]);
    expect(base.restoreKeys).toEqual(['image-build-r-app-']);
    expect(base.primaryKey.startsWith('image-build-r-app-')).toBe(true);
    expect(localCacheKeys('r/app', 'FROM x', [{ path: 'poetry.lock', content: 'a' }]).primaryKey).toBe(
      base.primaryKey,
    );
    expect(localCacheKeys('r/app', 'FROM y', [{ path: 'poetry.lock', content: 'a' }]).primaryKey).not.toBe(
      base.primaryKey,
    );
    expect(localCacheKeys('r/app', 'FROM x', [{ path: 'poetry.lock', content: 'b' }]).primaryKey).not.toBe(
      base.primaryKey,
    );
  });

  it('finds lock files in the context, skipping dependency folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-locks-'));
    for (const file of [
      'package-lock.json',
      'svc/poetry.lock',
      'node_modules/x/yarn.lock',
      'src/app.py',
      'requirements.txt',
    ]) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
    expect(findLockFiles(dir).map((path) => path.slice(dir.length + 1))).toEqual([
      'package-lock.json',
      'requirements.txt',
      'svc/poetry.lock',
    ]);
  });
});

/** An engine that knows only the images its builds tagged; `docker save` of anything else fails. */
function fakeEngine() {
  const images = new Set<string>();
  const calls: string[][] = [];
  const runner: CommandRunner = {
    run: async (_file, args) => {
      calls.push([...args]);
      if (args[0] === 'save') {
        const missing = args.slice(3).filter((image) => !images.has(image));
        if (missing.length)
          return {
            exitCode: 1,
            stdout: '',
            stderr: `Error response from daemon: No such image: ${missing[0]}`,
          };
        writeFileSync(args[2], 'archive');
      } else if (args.includes('build')) {
        args.forEach((arg, index) => args[index - 1] === '--tag' && images.add(arg));
      }
      return { exitCode: 0, stdout: '', stderr: '' };
    },
  };
  return { runner, calls, images };
}

describe('local preset without a cache exporter: the images saved are the images built', () => {
  const client: ActionsCacheClient = { restoreCache: async () => undefined, saveCache: async () => 1 };
  const dockerDriver: Builder = { ...buildx, driver: 'docker', canExportCache: false };

  it.each([
    ["buildx's docker driver", dockerDriver],
    ['the classic builder', classic],
  ] as const)('%s: docker save finds every image it names', async (_name, builder) => {
    const context = makeContext();
    const engine = fakeEngine();
    const options = { runner: engine.runner, logger: silentLogger, env: {} };
    const outcome = await buildImage({
      ...options,
      inputs: defaultBuildInputs({ context, tags: ['r/app:1'], cache: 'local' }),
      builder,
      localRoot: mkdtempSync(join(tmpdir(), 'ib-local-root-')),
      actionsCache: client,
      cwd: context,
    });
    const state = outcome.localCache!;
    expect(state.images).toContain('r/app:buildcache');
    const result = await saveLocalCache(state, { ...options, client, docker: builder.docker });
    expect(engine.calls.at(-1)?.slice(0, 3)).toEqual([
      'save',
      '--output',
      join(state.layout.newDir, 'images.tar'),
    ]);
    expect(result).toBe('saved');
    expect(readFileSync(join(state.layout.dir, 'images.tar'), 'utf8')).toBe('archive');
  });
});
