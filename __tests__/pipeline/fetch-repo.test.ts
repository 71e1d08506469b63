import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { octokitRepository } from '../../src/github/repository.js';
import { fetchRepoInfo } from '../../src/pipeline/tags.js';
import { startGitHubApiServer, type GitHubApiServer } from '../helpers/github-api-server.js';
import { recordingLogger, runContext } from '../tags/fixtures.js';

let api: GitHubApiServer;
beforeAll(async () => {
  api = await startGitHubApiServer([
    {
      owner: 'octocat',
      name: 'Hello-World',
      description: 'from the API',
      defaultBranch: 'trunk',
      license: 'MIT',
    },
  ]);
});
afterAll(() => api.close());

const payload = {
  repository: {
    name: 'Hello-World',
    description: 'from the payload',
    html_url: 'https://github.com/octocat/Hello-World',
    default_branch: 'master',
    license: { spdx_id: 'Apache-2.0' },
  },
};

describe('fetchRepoInfo', () => {
  it('reads the repository from the API when a client is given', async () => {
    const github = octokitRepository({ token: 't', apiUrl: api.url, owner: 'octocat', repo: 'Hello-World' });
    const repo = await fetchRepoInfo(runContext({ payload }), github, recordingLogger().logger);
    expect(repo).toMatchObject({
      description: 'from the API',
      default_branch: 'trunk',
      license: { spdx_id: 'MIT' },
    });
  });

  it('uses the event payload without a client', async () => {
    const repo = await fetchRepoInfo(runContext({ payload }), undefined, recordingLogger().logger);
    expect(repo).toMatchObject({ description: 'from the payload', default_branch: 'master' });
  });

  it('warns and falls back to the payload when the API fails', async () => {
    const log = recordingLogger();
    const github = octokitRepository({ token: 't', apiUrl: api.url, owner: 'octocat', repo: 'missing' });
    const repo = await fetchRepoInfo(runContext({ payload }), github, log.logger);
    expect(repo.description).toBe('from the payload');
    expect(log.warnings[0]).toMatch(/Not Found/);
  });
});
