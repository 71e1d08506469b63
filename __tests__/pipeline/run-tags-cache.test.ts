import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRunTags, createRunTagsCache } from '../../src/pipeline/tags.js';
import { recordingRunner } from '../helpers/ecr-recorders.js';
import { startGitHubApiServer, type GitHubApiServer } from '../helpers/github-api-server.js';
import { inputs, recordingLogger, SHA } from '../tags/fixtures.js';

/** Answers the three git commands of a `git` context; anything else fails. */
const gitRunner = () =>
  recordingRunner((file, args) => {
    if (file !== 'git') return { exitCode: 1, stdout: '', stderr: 'not git' };
    if (args[0] === 'rev-parse') return { exitCode: 0, stdout: `${SHA}\n`, stderr: '' };
    if (args[0] === 'symbolic-ref') return { exitCode: 0, stdout: 'refs/heads/main\n', stderr: '' };
    return { exitCode: 0, stdout: '2020-01-01T00:00:00Z\n', stderr: '' };
  });

const git = inputs({ images: 'name/app', context: 'git', tags: 'type=sha' });

describe('computeRunTags with a run cache (the images of one graph)', () => {
  it('reads the git context once for every image, and each still gets its tags', async () => {
    const runner = gitRunner();
    const tagsCache = createRunTagsCache();
    const deps = { env: {}, runner, logger: recordingLogger().logger, tagsCache };
    const results = await Promise.all([computeRunTags(git, deps), computeRunTags(git, deps)]);
    await computeRunTags(inputs({ images: 'name/other', context: 'git', tags: 'type=sha' }), deps);
    expect(runner.commands.map((command) => command.args[0])).toEqual(['rev-parse', 'symbolic-ref', 'log']);
    expect(results[0].metadata.tags).toEqual([`name/app:sha-${SHA.slice(0, 7)}`]);
    expect(results[1].metadata.tags).toEqual(results[0].metadata.tags);
  });

  it('without a cache every call reads git again', async () => {
    const runner = gitRunner();
    const deps = { env: {}, runner, logger: recordingLogger().logger };
    await computeRunTags(git, deps);
    await computeRunTags(git, deps);
    expect(runner.commands).toHaveLength(6);
  });

  it('does not keep a failed read: the next image reads again', async () => {
    let fail = true;
    const runner = recordingRunner((file, args) => {
      if (fail) return { exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' };
      return gitRunner().run(file, args) as never;
    });
    const tagsCache = createRunTagsCache();
    const deps = { env: {}, runner, logger: recordingLogger().logger, tagsCache };
    await expect(computeRunTags(git, deps)).rejects.toThrow(/not a git repository/);
    fail = false;
    await expect(computeRunTags(git, deps)).resolves.toBeDefined();
  });
});

describe('computeRunTags with a run cache and the GitHub API', () => {
  let api: GitHubApiServer;
  beforeAll(async () => {
    api = await startGitHubApiServer([{ owner: 'octocat', name: 'Hello-World', defaultBranch: 'trunk' }]);
  });
  afterAll(() => api.close());

  const env = (repository: string) => ({
    GITHUB_REPOSITORY: repository,
    GITHUB_API_URL: api.url,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: SHA,
  });
  const withToken = inputs({ images: 'name/app', tags: 'type=sha', 'github-token': 'secret-token' });

  it('asks the API for the repository once, however many images', async () => {
    const tagsCache = createRunTagsCache();
    const before = api.requests.length;
    const deps = { env: env('octocat/Hello-World'), runner: gitRunner(), tagsCache };
    for (let image = 0; image < 3; image++) {
      await computeRunTags(withToken, { ...deps, logger: recordingLogger().logger });
    }
    const repoReads = api.requests
      .slice(before)
      .filter((request) => /\/repos\/octocat\/Hello-World$/.test(request.path));
    expect(repoReads).toHaveLength(1);
  });

  it("repeats the API's warning in each image's log", async () => {
    const tagsCache = createRunTagsCache();
    const logs = [recordingLogger(), recordingLogger()];
    for (const log of logs) {
      await computeRunTags(withToken, {
        env: env('octocat/missing'),
        runner: gitRunner(),
        logger: log.logger,
        tagsCache,
      });
    }
    for (const log of logs) expect(log.warnings.join('\n')).toMatch(/Cannot read repository data/);
  });
});
