import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsCacheClient } from '../../src/cache/index.js';
import { localCacheClient, localCacheRoot, onDiskCacheClient } from '../../src/pipeline/local-cache.js';

describe('where the local cache lives', () => {
  it('per user: XDG_CACHE_HOME, else ~/.cache; RUNNER_TEMP on a runner; never a shared /tmp path', () => {
    expect(localCacheRoot({ RUNNER_TEMP: '/home/runner/work/_temp' })).toBe(
      '/home/runner/work/_temp/image-build-cache',
    );
    expect(localCacheRoot({ XDG_CACHE_HOME: '/home/ada/.xdg', HOME: '/home/ada' })).toBe(
      '/home/ada/.xdg/image-build',
    );
    expect(localCacheRoot({ XDG_CACHE_HOME: 'relative', HOME: '/home/ada' })).toBe(
      '/home/ada/.cache/image-build',
    );
    expect(localCacheRoot({ HOME: '/home/ada' })).toBe('/home/ada/.cache/image-build');
    expect(localCacheRoot({})).toBe(join(homedir(), '.cache', 'image-build'));
    expect(localCacheRoot({})).not.toMatch(/^\/tmp\//);
  });
});

describe('which cache client saves it', () => {
  it('@actions/cache only when the Actions cache service is reachable', () => {
    const service = {
      GITHUB_ACTIONS: 'true',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/',
    };
    expect(localCacheClient(service)).toBe(actionsCacheClient);
    expect(localCacheClient({ GITHUB_ACTIONS: 'true' })).toBe(onDiskCacheClient);
    expect(localCacheClient({})).toBe(onDiskCacheClient);
  });

  it('on disk: a directory with entries is restored (never as the primary key, so the newest export is kept)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ib-disk-cache-')), 'app');
    expect(
      await onDiskCacheClient.restoreCache([dir], 'image-build-app-1', ['image-build-app-']),
    ).toBeUndefined();
    mkdirSync(dir);
    expect(await onDiskCacheClient.restoreCache([dir], 'image-build-app-1', [])).toBeUndefined();
    writeFileSync(join(dir, 'index.json'), '{}');
    const key = await onDiskCacheClient.restoreCache([dir], 'image-build-app-1', []);
    expect(key).toBe(`on disk (${dir})`);
    expect(await onDiskCacheClient.saveCache([dir], 'image-build-app-1')).toBe(0);
  });
});
