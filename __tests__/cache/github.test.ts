import { describe, expect, it } from 'vitest';
import { githubCacheContext } from '../../src/cache/github.js';

const runner = {
  GITHUB_ACTIONS: 'true',
  ACTIONS_RUNTIME_TOKEN: 't',
  ACTIONS_RESULTS_URL: 'https://results/',
};

describe('githubCacheContext', () => {
  it('uses the PR head branch, else the pushed branch', () => {
    expect(
      githubCacheContext({ ...runner, GITHUB_HEAD_REF: 'feat/x', GITHUB_REF_NAME: '12/merge' }, 'main'),
    ).toEqual({
      branch: 'feat/x',
      defaultBranch: 'main',
    });
    expect(githubCacheContext({ ...runner, GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'dev' })).toEqual({
      branch: 'dev',
      defaultBranch: undefined,
    });
    expect(githubCacheContext({ ...runner, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1' }, 'main')).toEqual({
      branch: undefined,
      defaultBranch: 'main',
    });
  });
  it('is absent without the cache service (not on Actions, or no token)', () => {
    expect(githubCacheContext({})).toBeUndefined();
    expect(githubCacheContext({ ...runner, ACTIONS_RUNTIME_TOKEN: '' })).toBeUndefined();
    expect(githubCacheContext({ GITHUB_ACTIONS: 'true', ACTIONS_RUNTIME_TOKEN: 't' })).toBeUndefined();
  });
});
