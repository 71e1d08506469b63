import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClassicBuilder } from '../../src/build/index.js';
import { createEcrClient } from '../../src/ecr/index.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { runImageBuild, type PostState } from '../../src/pipeline/image-build.js';
import { InputError } from '../../src/util/errors.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';

const ECR_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app';
const builder: ClassicBuilder = {
  kind: 'classic',
  docker: '/usr/local/bin/docker',
  engineVersion: '20.10.24',
  platforms: ['linux/amd64'],
};

function workflowEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'ib-run-'));
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ repository: { name: 'app', default_branch: 'main' } }));
  return {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/tags/v1.0.0',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REPOSITORY: 'acme/app',
    RUNNER_TEMP: dir,
    HOME: dir,
  };
}

function contextDir(withDockerfile: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ib-run-ctx-'));
  if (withDockerfile) writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  return dir;
}

function inputsFor(context: string, overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    images: ECR_IMAGE,
    tags: 'type=semver,pattern={{version}}\ntype=sha',
    context,
    push: 'true',
    'github-token': '',
    ...overrides,
  };
  return readImageBuildInputs((name) => values[name] ?? '');
}

describe('runImageBuild: the order of effects', () => {
  let emulator: EcrEmulator;
  // The emulator keeps images in a registry; here every repository is new, so one that knows none will do.
  const emptyRegistry = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known' }] }),
    );
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => emptyRegistry.listen(0, '127.0.0.1', resolve));
    emulator = await startEcrEmulator({
      registry: `127.0.0.1:${(emptyRegistry.address() as AddressInfo).port}`,
    });
  });
  beforeEach(() => {
    emulator.calls.length = 0;
    emulator.repositories.clear();
  });
  afterAll(async () => {
    await emulator.close();
    emptyRegistry.close();
  });
  const ecrClientFor = () =>
    createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials: EMULATOR_CREDENTIALS });

  it('rejects a missing Dockerfile before any ECR call or command', async () => {
    const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
    const run = runImageBuild(inputsFor(contextDir(false)), {
      env: workflowEnv(),
      runner,
      logger: capturingLogger(),
      builder,
      ecrClientFor,
    });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(/input "file"|input "context"/);
    expect(emulator.calls).toEqual([]);
    expect(runner.commands).toEqual([]);
  });

  it.each([
    ['build', {}],
    ['promote', { 'promote-from': `${ECR_IMAGE}:rc` }],
  ])(
    'rejects a primary-tag that is not among the tags (%s) before any ECR call or command',
    async (_mode, extra) => {
      const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
      const run = runImageBuild(inputsFor(contextDir(true), { 'primary-tag': 'v9.9.9', ...extra }), {
        env: workflowEnv(),
        runner,
        logger: capturingLogger(),
        builder,
        ecrClientFor,
      });
      await expect(run).rejects.toThrow(/^input "primary-tag": "v9\.9\.9" is not one of the tags to publish/);
      expect(emulator.calls).toEqual([]);
      expect(runner.commands).toEqual([]);
    },
  );

  it('stops on missing AWS credentials before building anything', async () => {
    const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
    const run = runImageBuild(inputsFor(contextDir(true)), {
      env: workflowEnv(),
      runner,
      logger: capturingLogger(),
      builder,
      ecrClientFor: () =>
        createEcrClient({
          region: 'us-east-1',
          endpoint: emulator.endpoint,
          credentials: async () => {
            throw Object.assign(new Error('Could not load credentials from any providers'), {
              name: 'CredentialsProviderError',
            });
          },
        }),
    });
    await expect(run).rejects.toThrow(/input "AWS credentials"/);
    expect(emulator.calls).toEqual([]);
    expect(runner.commands.filter((c) => c.args.includes('build'))).toEqual([]);
  });

  it('creates the repository, logs in and checks the registry before the build, and never exposes the ECR password', async () => {
    const logger = capturingLogger();
    // docker login succeeds; the build then fails, which ends the run after every ECR step ran.
    const runner = recordingRunner((_file, args) =>
      args.includes('build')
        ? { exitCode: 1, stdout: '', stderr: 'failed to solve' }
        : { exitCode: 0, stdout: 'Login Succeeded', stderr: '' },
    );
    const saved: PostState[] = [];
    const run = runImageBuild(inputsFor(contextDir(true)), {
      env: workflowEnv(),
      runner,
      logger,
      builder,
      ecrClientFor,
      saveState: (state) => saved.push(state),
    });
    await expect(run).rejects.toThrow(/the build failed/);

    const operations = emulator.calls.map((call) => call.operation);
    expect(operations.slice(0, 3)).toEqual([
      'DescribeRepositories',
      'CreateRepository',
      'GetAuthorizationToken',
    ]);
    // On this release (a v1.0.0 tag push) the look for the commit's image (one BatchGetImage, none
    // found), then the registry check (the tag list the floating-tag guard needs), before the build.
    expect(operations[3]).toBe('BatchGetImage');
    expect(operations.slice(4).length).toBeGreaterThan(0);
    expect(new Set(operations.slice(4))).toEqual(new Set(['ListImages']));
    const verbs = runner.commands.map((c) => c.args.find((a) => ['login', 'build', 'push'].includes(a)));
    expect(verbs.indexOf('login')).toBeLessThan(verbs.indexOf('build'));
    expect(verbs).not.toContain('push');
    // The post step can log out even though main failed.
    expect(saved.at(-1)?.ecrLogin?.registries).toHaveLength(1);

    const printed = [
      ...logger.lines,
      ...runner.commands.flatMap((c) => [...c.args, c.result.stdout, c.result.stderr]),
      JSON.stringify(saved),
    ].join('\n');
    expect(printed).not.toContain(emulator.password);
    expect(printed).not.toContain(emulator.token);
    const login = runner.commands.find((c) => c.args.includes('login'));
    expect(login?.options.input).toBe(emulator.password);
    expect(login?.file).toBe(builder.docker);
  });

  it('reports each phase as it starts (the CLI shows them): tags, checks (ECR, registries), build', async () => {
    const runner = recordingRunner((_file, args) =>
      args.includes('build')
        ? { exitCode: 1, stdout: '', stderr: 'failed to solve' }
        : { exitCode: 0, stdout: 'Login Succeeded', stderr: '' },
    );
    const phases: string[] = [];
    const run = runImageBuild(inputsFor(contextDir(true)), {
      env: workflowEnv(),
      runner,
      logger: capturingLogger(),
      builder,
      ecrClientFor,
      onPhase: (phase) => {
        phases.push(`${phase} after ${emulator.calls.length} ECR calls, ${runner.commands.length} commands`);
      },
    });
    await expect(run).rejects.toThrow(/the build failed/);
    expect(phases).toEqual([
      'tags after 0 ECR calls, 0 commands',
      'checks after 0 ECR calls, 0 commands',
      expect.stringMatching(/^build after [1-9]\d* ECR calls, 1 commands$/),
    ]);
  });

  it('takes whole references in tags as build-push-action does: they are built and published as given', async () => {
    const runner = recordingRunner((_file, args) =>
      args.includes('build')
        ? { exitCode: 1, stdout: '', stderr: 'failed to solve' }
        : { exitCode: 0, stdout: 'Login Succeeded', stderr: '' },
    );
    const inputs = inputsFor(contextDir(true), {
      images: '',
      tags: `${ECR_IMAGE}:1.0.0\n${ECR_IMAGE}:latest`,
    });
    const run = runImageBuild(inputs, {
      env: workflowEnv(),
      runner,
      logger: capturingLogger(),
      builder,
      ecrClientFor,
    });
    await expect(run).rejects.toThrow(/the build failed/);
    expect(emulator.calls.find((call) => call.operation === 'CreateRepository')?.body).toMatchObject({
      repositoryName: 'team/app',
    });
    const build = runner.commands.find((c) => c.args.includes('build'));
    const tags = build?.args.flatMap((arg, i, all) => (all[i - 1] === '--tag' ? [arg] : []));
    expect(tags).toEqual([`${ECR_IMAGE}:1.0.0`, `${ECR_IMAGE}:latest`]);
  });
});
