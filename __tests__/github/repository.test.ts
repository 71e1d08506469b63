import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { octokitRepository } from '../../src/github/repository.js';
import { startGitHubApiServer, type GitHubApiServer } from '../helpers/github-api-server.js';

let api: GitHubApiServer;
beforeAll(async () => {
  api = await startGitHubApiServer(
    [
      {
        owner: 'octocat',
        name: 'Hello-World',
        description: 'This your first repo!',
        defaultBranch: 'master',
        license: 'MIT',
        commits: { abc123: '2020-01-09T22:00:00Z' },
      },
      { owner: 'octocat', name: 'unlicensed', license: null },
    ],
    's3cret',
  );
});
afterAll(() => api.close());

describe('octokitRepository against the GitHub REST emulator', () => {
  it('reads repos.get with the token, through GITHUB_API_URL', async () => {
    const repo = octokitRepository({
      token: 's3cret',
      apiUrl: api.url,
      owner: 'octocat',
      repo: 'Hello-World',
    });
    expect(await repo.getRepo()).toEqual({
      name: 'Hello-World',
      description: 'This your first repo!',
      html_url: 'https://github.com/octocat/Hello-World',
      default_branch: 'master',
      license: { spdx_id: 'MIT' },
    });
    const last = api.requests.at(-1);
    expect(last?.path).toBe('/repos/octocat/Hello-World');
    expect(last?.authorization).toMatch(/s3cret$/);
  });

  it('maps a repository without a license to null', async () => {
    const repo = octokitRepository({
      token: 's3cret',
      apiUrl: api.url,
      owner: 'octocat',
      repo: 'unlicensed',
    });
    expect((await repo.getRepo()).license).toBeNull();
  });

  it('reads the committer date of a commit', async () => {
    const repo = octokitRepository({
      token: 's3cret',
      apiUrl: api.url,
      owner: 'octocat',
      repo: 'Hello-World',
    });
    expect(await repo.getCommitDate('abc123')).toEqual(new Date('2020-01-09T22:00:00Z'));
    await expect(repo.getCommitDate('missing')).rejects.toThrow(/No commit found/);
  });

  it('surfaces a bad token and a missing repository as errors', async () => {
    const bad = octokitRepository({ token: 'wrong', apiUrl: api.url, owner: 'octocat', repo: 'Hello-World' });
    await expect(bad.getRepo()).rejects.toThrow(/Bad credentials/);
    const missing = octokitRepository({ token: 's3cret', apiUrl: api.url, owner: 'octocat', repo: 'nope' });
    await expect(missing.getRepo()).rejects.toThrow(/Not Found/);
  });
});
