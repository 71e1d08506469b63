import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRunnerCommands } from '../../src/action/runner.js';
import { runTagsAction } from '../../src/action/tags-action.js';
import { processRunner } from '../../src/util/exec.js';
import { startGitHubApiServer, type GitHubApiServer } from '../helpers/github-api-server.js';
import { recordingLogger } from '../tags/fixtures.js';

const SHA = '90dd6032fac8bda1b6c4436a2e65de27961ed071';
let api: GitHubApiServer;
const savedEnv = { ...process.env };

beforeAll(async () => {
  api = await startGitHubApiServer(
    [
      {
        owner: 'acme',
        name: 'rag-worker',
        description: 'RAG worker',
        defaultBranch: 'main',
        license: 'Apache-2.0',
      },
    ],
    'ghs_token',
  );
});
afterAll(() => api.close());
afterEach(() => {
  process.env = { ...savedEnv };
});

/** Parses the GITHUB_OUTPUT / GITHUB_ENV file-command format (`name<<delimiter … delimiter`). */
function readFileCommands(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!head) continue;
    const body: string[] = [];
    for (i++; lines[i] !== head[2]; i++) body.push(lines[i]);
    values[head[1]] = body.join('\n');
  }
  return values;
}

function actionEnv(inputs: Record<string, string>, event: string, payload: object, ref: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ib-tags-action-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  for (const name of ['output', 'env']) writeFileSync(join(dir, name), '');
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_') || key.startsWith('DOCKER_METADATA_'))
      delete process.env[key];
  }
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: ref,
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/rag-worker',
    GITHUB_API_URL: api.url,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    RUNNER_TEMP: dir,
  });
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  return { output: join(dir, 'output'), envFile: join(dir, 'env'), dir };
}

// The same runner commands the bundled action uses, reading this process's INPUT_* and GITHUB_* env.
const coreIO = (logger = recordingLogger().logger) => {
  const runner = createRunnerCommands(process.env);
  return {
    getInput: (name: string) => runner.getInput(name, { trimWhitespace: !name.startsWith('sep-') }),
    setOutput: runner.setOutput,
    exportVariable: runner.exportVariable,
    logger,
  };
};

describe('tags action end to end (INPUT_* env, event payload, GitHub API emulator, GITHUB_OUTPUT)', () => {
  it('computes the outputs of a tag push and writes them as file commands', async () => {
    const files = actionEnv(
      {
        images: 'ghcr.io/acme/rag-worker',
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=sha',
        'github-token': 'ghs_token',
      },
      'push',
      { ref: 'refs/tags/v1.2.3', head_commit: { id: SHA, timestamp: '2024-05-01T10:00:00Z' } },
      'refs/tags/v1.2.3',
    );
    await runTagsAction(coreIO(), {
      env: process.env,
      runner: processRunner,
      now: new Date('2024-05-02T00:00:00Z'),
    });

    const outputs = readFileCommands(files.output);
    expect(outputs.version).toBe('1.2.3');
    expect(outputs.tags.split('\n')).toEqual([
      'ghcr.io/acme/rag-worker:1.2.3',
      'ghcr.io/acme/rag-worker:1.2',
      'ghcr.io/acme/rag-worker:sha-90dd603',
      'ghcr.io/acme/rag-worker:latest',
    ]);
    expect(outputs['tag-names']).toBe('1.2.3\n1.2\nsha-90dd603\nlatest');
    // Repository data came from the emulator (repos.get), not from the payload.
    expect(outputs.labels).toContain('org.opencontainers.image.licenses=Apache-2.0');
    expect(outputs.labels).toContain('org.opencontainers.image.description=RAG worker');
    expect(outputs.labels).toContain('org.opencontainers.image.created=2024-05-02T00:00:00.000Z');
    expect(api.requests.some((r) => r.path === '/repos/acme/rag-worker')).toBe(true);
    expect(JSON.parse(outputs.json).tags).toHaveLength(4);
    const bake = JSON.parse(readFileSync(outputs['bake-file-tags'], 'utf8'));
    expect(bake.target['docker-metadata-action'].args.DOCKER_META_VERSION).toBe('1.2.3');
    expect(outputs['bake-file']).toBe(
      join(files.dir, 'docker-metadata-action', 'docker-metadata-action-bake.json'),
    );

    const exported = readFileCommands(files.envFile);
    expect(exported.DOCKER_METADATA_OUTPUT_VERSION).toBe('1.2.3');
    expect(exported.DOCKER_METADATA_OUTPUT_TAGS).toBe(outputs.tags);
    expect(exported.DOCKER_METADATA_OUTPUT_BAKE_FILE_LABELS).toBe(outputs['bake-file-labels']);
  });

  it('prints labels and tags through the runner as inert single lines: no value can issue a runner command', async () => {
    actionEnv(
      {
        images: 'ghcr.io/acme/rag-worker',
        tags: 'type=raw,value=v1',
        labels:
          '"evil=a\n::add-mask::b"\nlegacy=x ##[set-output name=pwned;]1\n"cr=a\r  ::stop-commands::t"\n::add-mask::k=v',
      },
      'push',
      {},
      'refs/heads/main',
    );
    const lines: string[] = [];
    const runner = createRunnerCommands(process.env, (line) => lines.push(line));
    await runTagsAction(coreIO(runner.logger), { env: process.env, runner: processRunner });
    const commands = lines
      .filter((line) => /^\s*::/.test(line))
      .map((line) => /^\s*::([\w-]+)/.exec(line)?.[1]);
    expect(new Set(commands)).toEqual(new Set(['group', 'endgroup']));
    expect(lines.some((line) => line.includes('##['))).toBe(false);
    expect(lines).toContain('evil=a\\n::add-mask::b');
    expect(lines).toContain(': :add-mask::k=v');
    expect(lines).toContain('legacy=x ## [set-output name=pwned;]1');
    expect(lines).toContain('cr=a\\r  ::stop-commands::t');
  });

  it('pull_request_target uses the PR merge ref; DOCKER_METADATA_PR_HEAD_SHA the head sha; no token reads the payload', async () => {
    const head = 'f'.repeat(40);
    const files = actionEnv(
      { images: 'ghcr.io/acme/rag-worker', tags: 'type=ref,event=pr\ntype=sha', 'sep-tags': ',' },
      'pull_request_target',
      {
        number: 42,
        pull_request: { number: 42, head: { sha: head, ref: 'fix' }, base: { ref: 'main' } },
        repository: {
          name: 'rag-worker',
          html_url: 'https://github.com/acme/rag-worker',
          default_branch: 'main',
          license: null,
        },
      },
      'refs/heads/main',
    );
    process.env.DOCKER_METADATA_PR_HEAD_SHA = 'true';
    process.env.DOCKER_METADATA_SET_OUTPUT_ENV = 'false';
    const before = api.requests.length;
    await runTagsAction(coreIO(), { env: process.env, runner: processRunner });
    const outputs = readFileCommands(files.output);
    expect(outputs.tags).toBe('ghcr.io/acme/rag-worker:pr-42,ghcr.io/acme/rag-worker:sha-fffffff');
    expect(outputs.labels).toContain(`org.opencontainers.image.revision=${head}`);
    expect(outputs.labels).toContain('org.opencontainers.image.licenses=\n');
    expect(api.requests.length).toBe(before);
    expect(readFileSync(files.envFile, 'utf8')).toBe('');
  });

  it('fails with an InputError before writing any output', async () => {
    const files = actionEnv({ images: 'user/app', tags: 'type=nope' }, 'push', {}, 'refs/heads/main');
    await expect(runTagsAction(coreIO(), { env: process.env, runner: processRunner })).rejects.toThrow(
      /input "tags", line 1, field "type"/,
    );
    expect(readFileSync(files.output, 'utf8')).toBe('');
  });
});
