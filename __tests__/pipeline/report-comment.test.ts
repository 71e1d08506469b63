import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentReport } from '../../src/pipeline/report-comment.js';
import { buildImageReport, reportCommentMarker, unavailableImageModel } from '../../src/report/index.js';
import { capturingLogger } from '../helpers/ecr-recorders.js';
import { startGitHubApiServer, type GitHubApiServer } from '../helpers/github-api-server.js';

const TOKEN = 'ghs_emulated0123456789';
const report = buildImageReport({ model: unavailableImageModel('registry.test/acme/app') });
const pullRequest = {
  number: 7,
  pull_request: {
    number: 7,
    base: { repo: { full_name: 'acme/app' } },
    head: { repo: { full_name: 'acme/app' } },
  },
};

let api: GitHubApiServer;
beforeEach(async () => {
  api = await startGitHubApiServer([{ owner: 'acme', name: 'app', pulls: [7] }], TOKEN);
});
afterEach(() => api.close());

const options = (overrides: Partial<Parameters<typeof commentReport>[1]> = {}) => ({
  enabled: true,
  eventName: 'pull_request',
  payload: pullRequest,
  env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: api.url },
  token: TOKEN,
  logger: capturingLogger(),
  ...overrides,
});

describe('commentReport', () => {
  it('writes one comment per image on a pull request, starting with its marker', async () => {
    const [result] = await commentReport([report], options());
    expect(result.status).toBe('created');
    const [comment] = api.comments('acme', 'app', 7);
    expect(comment.body.split('\n')[0]).toBe(reportCommentMarker('registry.test/acme/app'));
  });

  it.each([
    ['a push', { eventName: 'push' }],
    ['comment: false', { enabled: false }],
    ['no token', { token: '' }],
  ])('%s: no request at all', async (_name, overrides) => {
    expect(await commentReport([report], options(overrides))).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it('never fails the run: a read-only token is a notice, a broken API a warning', async () => {
    api.setReadOnly(true);
    const logger = capturingLogger();
    const [skipped] = await commentReport([report], options({ logger }));
    expect(skipped.status).toBe('skipped');
    expect(
      logger.lines.some((line) => line.startsWith('notice: Skipped the pull request comment on #7')),
    ).toBe(true);
    api.setReadOnly(false);
    api.injectFault({ status: 404, times: 10 });
    const broken = capturingLogger();
    const [failed] = await commentReport([report], options({ logger: broken }));
    expect(failed.status).toBe('failed');
    expect(
      broken.lines.some((line) => line.startsWith('warning: Could not write the pull request comment')),
    ).toBe(true);
  });
});
