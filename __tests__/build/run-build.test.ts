import { describe, expect, it } from 'vitest';
import { buildImage } from '../../src/build/build-image.js';
import { defaultBuildInputs } from '../../src/build/inputs.js';
import type { BuildPlan } from '../../src/build/plan.js';
import { parseReference } from '../../src/registry/reference.js';
import { BuildFailedError, runBuild } from '../../src/build/run-build.js';
import type { CommandRunner, ExecOptions } from '../../src/util/exec.js';
import type { Logger } from '../../src/util/log.js';
import { buildx, classic, makeContext } from './helpers.js';

function recordingLogger(): Logger & { events: string[] } {
  const events: string[] = [];
  const add = (kind: string) => (message: string) => events.push(`${kind}:${message}`);
  return {
    events,
    debug: add('debug'),
    info: add('info'),
    notice: add('notice'),
    warning: add('warning'),
    error: add('error'),
    startGroup: (title, options) => events.push(`group${options?.untrusted ? '(untrusted)' : ''}:${title}`),
    endGroup: () => events.push('endgroup'),
    setSecret: add('secret'),
  };
}

const DIGEST = `sha256:${'a'.repeat(64)}`;
const CACHE_DIGEST = `sha256:${'b'.repeat(64)}`;

function scriptedRunner(
  script: (
    args: readonly string[],
    options: ExecOptions,
  ) => { exitCode?: number; stdout?: string; stderr?: string },
) {
  const calls: { args: readonly string[]; env?: NodeJS.ProcessEnv }[] = [];
  const runner: CommandRunner = {
    run: async (_file, args, options = {}) => {
      calls.push({ args, env: options.env });
      const result = script(args, options);
      // Deliver output in awkward chunks, the way pipes do.
      const stderr = result.stderr ?? '';
      options.onStderr?.(stderr.slice(0, 7));
      options.onStderr?.(stderr.slice(7));
      options.onStdout?.(result.stdout ?? '');
      return { exitCode: result.exitCode ?? 0, stdout: result.stdout ?? '', stderr };
    },
  };
  return { runner, calls };
}

const classicPlan: BuildPlan = {
  builder: classic,
  commands: [
    { role: 'stage-cache', stage: 'builder', args: ['build', '--target', 'builder', '.'] },
    { role: 'image', args: ['build', '--tag', 'r/app:1', '.'] },
  ],
  tags: ['r/app:1'],
  pushes: ['r/app:1', 'r/app:buildcache'],
  pushedByBuilder: [],
  env: { DOCKER_BUILDKIT: '1', IB_BUILD_SECRET_0: 'hush' },
  iidFile: '/w/iid',
  notices: ['annotations: skipped'],
};

describe('runBuild', () => {
  it('streams whole lines into one group, merges steps, pushes, and reports the pushed digest', async () => {
    const { runner, calls } = scriptedRunner((args) => {
      if (args[0] === 'push') {
        const tag = args[1].split(':')[1];
        return { stdout: `abc: Pushed\n${tag}: digest: ${tag === '1' ? DIGEST : CACHE_DIGEST} size: 527\n` };
      }
      if (args.includes('--target')) return { stderr: '#1 [builder 1/1] RUN make\n#1 DONE 2.0s\n' };
      return {
        stderr:
          '#1 [builder 1/1] RUN make\n#1 CACHED\n#2 [stage-1 1/1] COPY --from=builder /a /a\n#2 DONE 0.1s\n',
      };
    });
    const logger = recordingLogger();
    const result = await runBuild(classicPlan, {
      runner,
      logger,
      env: { DOCKER_HOST: 'unix:///x.sock' },
      readFile: (path) => (path === '/w/iid' ? 'sha256:config\n' : undefined),
    });
    expect(calls.map((call) => call.args.join(' '))).toEqual([
      'build --target builder .',
      'build --tag r/app:1 .',
      'push r/app:1',
      'push r/app:buildcache',
    ]);
    expect(calls[0].env).toMatchObject({
      DOCKER_HOST: 'unix:///x.sock',
      DOCKER_BUILDKIT: '1',
      IB_BUILD_SECRET_0: 'hush',
    });
    expect(result).toEqual({
      imageId: 'sha256:config',
      digest: DIGEST,
      metadata: {
        'containerimage.config.digest': 'sha256:config',
        'containerimage.digest': DIGEST,
        'image.name': 'r/app:1',
      },
      steps: [
        { stage: 'builder', position: '1/1', instruction: 'RUN make', cached: false, durationSeconds: 2 },
        {
          stage: 'stage-1',
          position: '1/1',
          instruction: 'COPY --from=builder /a /a',
          cached: false,
          durationSeconds: 0.1,
        },
      ],
      pushed: [
        { ref: 'r/app:1', digest: DIGEST },
        { ref: 'r/app:buildcache', digest: CACHE_DIGEST },
      ],
    });
    expect(logger.events[0]).toBe('secret:hush');
    expect(logger.events[1]).toBe('notice:annotations: skipped');
    // Builder output comes from the (possibly pull request's) Dockerfile: the group is marked untrusted.
    expect(logger.events[2]).toMatch(/^group\(untrusted\):Building with the engine builder/);
    expect(logger.events).toContain('info:#1 [builder 1/1] RUN make');
    expect(logger.events.at(-1)).toBe('endgroup');
    expect(logger.events.slice(1).join('\n')).not.toContain('hush');
  });

  it('buildx: takes imageid and digest from its metadata file', async () => {
    const { runner } = scriptedRunner(() => ({ stderr: '#3 [1/1] RUN true\n#3 DONE 0.2s\n' }));
    const plan: BuildPlan = {
      ...classicPlan,
      builder: buildx,
      commands: [{ role: 'image', args: ['buildx', 'build', '.'] }],
      pushes: [],
      metadataFile: '/w/meta.json',
    };
    const metadata = { 'containerimage.digest': DIGEST, 'containerimage.config.digest': 'sha256:cfg' };
    const result = await runBuild(plan, {
      runner,
      logger: recordingLogger(),
      env: {},
      readFile: (path) => (path === '/w/meta.json' ? JSON.stringify(metadata) : 'sha256:cfg'),
    });
    expect(result.digest).toBe(DIGEST);
    expect(result.metadata).toEqual(metadata);
    expect(result.pushed).toEqual([]);
  });

  it('buildx --push: every pushed ref is listed with the digest from the metadata file', async () => {
    const { runner, calls } = scriptedRunner(() => ({ stderr: '#3 [1/1] RUN true\n#3 DONE 0.2s\n' }));
    const plan: BuildPlan = {
      ...classicPlan,
      builder: buildx,
      commands: [{ role: 'image', args: ['buildx', 'build', '--push', '.'] }],
      pushes: [],
      pushedByBuilder: ['r/app:1', 'ghcr.io/acme/app:1', 'r/app:buildcache'],
      metadataFile: '/w/meta.json',
    };
    const result = await runBuild(plan, {
      runner,
      logger: recordingLogger(),
      env: {},
      readFile: (path) =>
        path === '/w/meta.json' ? JSON.stringify({ 'containerimage.digest': DIGEST }) : 'sha256:cfg',
    });
    expect(calls).toHaveLength(1);
    expect(result.pushed).toEqual([
      { ref: 'r/app:1', digest: DIGEST },
      { ref: 'ghcr.io/acme/app:1', digest: DIGEST },
      { ref: 'r/app:buildcache', digest: DIGEST },
    ]);
  });

  it('classic without cache builds the image before the stage images: image.name comes from the image build', async () => {
    const { runner } = scriptedRunner(() => ({}));
    const plan: BuildPlan = {
      ...classicPlan,
      commands: [
        {
          role: 'image',
          args: ['build', '--no-cache', '--tag', 'r/app:1', '--tag', 'r/app:buildcache', '.'],
        },
        { role: 'stage-cache', stage: 'builder', args: ['build', '--tag', 'r/app:buildcache-builder', '.'] },
      ],
      pushes: [],
    };
    const result = await runBuild(plan, {
      runner,
      logger: recordingLogger(),
      env: {},
      readFile: () => undefined,
    });
    expect(result.metadata['image.name']).toBe('r/app:1,r/app:buildcache');
  });

  it('a failing build throws with the failing stage, the output tail and the steps so far; no push happens', async () => {
    const { runner, calls } = scriptedRunner((args) =>
      args.includes('--target')
        ? { exitCode: 1, stderr: '#4 [builder 1/1] RUN make\n#4 ERROR: exit code: 2\n' }
        : {},
    );
    const logger = recordingLogger();
    const error = await runBuild(classicPlan, { runner, logger, env: {}, readFile: () => undefined }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BuildFailedError);
    expect((error as BuildFailedError).message).toBe('the build failed (exit 1) in stage builder');
    expect((error as BuildFailedError).output).toContain('ERROR: exit code: 2');
    expect((error as BuildFailedError).steps[0].error).toBe('exit code: 2');
    expect(calls).toHaveLength(1);
    expect(logger.events.at(-1)).toBe('endgroup');
  });
});

describe('buildImage as the pipeline calls it: push, one primary ref per registry', () => {
  const PRIMARY = ['r/app:1.2.3', 'ghcr.io/acme/app:1.2.3'];
  const digestOf = (ref: string) => `sha256:${(ref.length % 10).toString().repeat(64)}`;

  it('classic: docker build with the cache plan, then docker push of the primaries (first one is the result), then the cache images', async () => {
    const context = makeContext();
    const { runner, calls } = scriptedRunner((args) =>
      args[0] === 'push'
        ? { stdout: `${parseReference(args[1]).tag}: digest: ${digestOf(args[1])} size: 527\n` }
        : {},
    );
    const outcome = await buildImage({
      inputs: defaultBuildInputs({ context, tags: PRIMARY, push: true, cache: 'inline' }),
      runner,
      logger: recordingLogger(),
      env: {},
      builder: classic,
      cwd: context,
    });
    const commands = calls.map((call) => call.args);
    const builds = commands.filter((args) => args[0] === 'build');
    const pushes = commands.filter((args) => args[0] === 'push').map((args) => args[1]);
    // Every build runs before the first push.
    expect(commands.findIndex((args) => args[0] === 'push')).toBe(builds.length);
    expect(pushes).toEqual([...PRIMARY, 'r/app:buildcache-builder', 'r/app:buildcache']);
    const tagsOf = (args: readonly string[]) =>
      args.flatMap((arg, index) => (args[index - 1] === '--tag' ? [arg] : []));
    // The builder stage's cache image, then the image, which carries its own inline cache and is
    // also tagged as the cache ref (a standalone build pushes it; the pipeline PUTs that tag instead).
    expect(builds).toHaveLength(2);
    const [stageBuild, imageBuild] = builds;
    expect(tagsOf(stageBuild)).toEqual(['r/app:buildcache-builder']);
    expect(imageBuild).toEqual(expect.arrayContaining(['--cache-from', 'r/app:buildcache']));
    expect(imageBuild).toContain('BUILDKIT_INLINE_CACHE=1');
    expect(tagsOf(imageBuild)).toEqual([...PRIMARY, 'r/app:buildcache']);
    expect(outcome.result.digest).toBe(digestOf(PRIMARY[0]));
    expect(outcome.result.pushed).toEqual(pushes.map((ref) => ({ ref, digest: digestOf(ref) })));
  });
});

describe('runBuild: pushes the registry or the network broke are retried', () => {
  const buildxPlan: BuildPlan = {
    builder: buildx,
    commands: [{ role: 'image', args: ['buildx', 'build', '--push', '--tag', 'r/app:1', '.'] }],
    tags: ['r/app:1'],
    pushes: [],
    pushedByBuilder: ['r/app:1'],
    env: {},
    iidFile: '/nonexistent/iid',
    metadataFile: '/nonexistent/metadata.json',
    notices: [],
  };
  const noWait = { sleep: async () => undefined, random: () => 0.5 };

  it('buildx: a push that failed with a 503 is built again (the cache answers) and succeeds', async () => {
    let attempt = 0;
    const { runner, calls } = scriptedRunner(() =>
      ++attempt === 1
        ? {
            exitCode: 1,
            stderr:
              '#5 [1/1] RUN true\n#5 DONE 0.1s\n#6 exporting to image\n#6 ERROR: failed to push r/app:1: unexpected status: 503 Service Unavailable\nERROR: failed to solve: failed to push r/app:1: unexpected status: 503 Service Unavailable\n',
          }
        : { stderr: '#5 [1/1] RUN true\n#5 CACHED\n' },
    );
    const logger = recordingLogger();
    const result = await runBuild(buildxPlan, {
      runner,
      logger,
      env: {},
      readFile: (path) =>
        path.endsWith('metadata.json') ? JSON.stringify({ 'containerimage.digest': DIGEST }) : 'sha256:id',
      retry: noWait,
    });
    expect(calls).toHaveLength(2);
    expect(result.digest).toBe(DIGEST);
    expect(logger.events.filter((event) => event.startsWith('warning:'))).toEqual([
      'warning:the push failed (ERROR: failed to solve: failed to push r/app:1: unexpected status: 503 Service Unavailable); attempt 2 in 1 s',
    ]);
  });

  it('a step that failed is not retried, even when its own output mentions a 503', async () => {
    const { runner, calls } = scriptedRunner(() => ({
      exitCode: 1,
      stderr:
        '#5 [1/1] RUN curl http://x\n#5 0.2 HTTP 503 Service Unavailable\n#5 ERROR: process "/bin/sh -c curl" did not complete successfully: exit code: 22\n',
    }));
    await expect(
      runBuild(buildxPlan, {
        runner,
        logger: recordingLogger(),
        env: {},
        readFile: () => undefined,
        retry: noWait,
      }),
    ).rejects.toBeInstanceOf(BuildFailedError);
    expect(calls).toHaveLength(1);
  });

  it('classic: docker push of a primary ref is retried; a denied push fails at once with its output', async () => {
    let pushes = 0;
    const { runner } = scriptedRunner((args) =>
      args[0] === 'push'
        ? ++pushes === 1
          ? { exitCode: 1, stderr: 'read: connection reset by peer' }
          : { stdout: `${parseReference(args[1]).tag}: digest: ${DIGEST} size: 1\n` }
        : {},
    );
    const result = await runBuild(
      { ...classicPlan, pushes: ['r/app:1'] },
      { runner, logger: recordingLogger(), env: {}, readFile: () => 'sha256:id', retry: noWait },
    );
    expect(pushes).toBe(2);
    expect(result.pushed).toEqual([{ ref: 'r/app:1', digest: DIGEST }]);

    const denied = scriptedRunner((args) =>
      args[0] === 'push' ? { exitCode: 1, stderr: 'denied: no' } : {},
    );
    const error = await runBuild(
      { ...classicPlan, pushes: ['r/app:1'] },
      {
        runner: denied.runner,
        logger: recordingLogger(),
        env: {},
        readFile: () => 'sha256:id',
        retry: noWait,
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildFailedError);
    expect((error as BuildFailedError).message).toBe('docker push r/app:1 failed (exit 1): denied: no');
    expect((error as BuildFailedError).output).toBe('denied: no');
  });
});
