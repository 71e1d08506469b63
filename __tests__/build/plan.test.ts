import { describe, expect, it } from 'vitest';
import { type BuildInputName, readBuildInputs } from '../../src/build/inputs.js';
import type { Builder } from '../../src/engine/builder.js';
import { planBuild } from '../../src/build/plan.js';
import { validateBuild } from '../../src/build/validate.js';
import type { CachePlan } from '../../src/cache/types.js';
import { resolveCache } from '../../src/cache/presets.js';
import { buildx, classic, makeContext, noCache } from './helpers.js';

const files = { iidFile: '/w/iid', metadataFile: '/w/meta.json' };

function inputsFor(context: string, values: Partial<Record<BuildInputName, string>>) {
  return readBuildInputs((name) => (name === 'context' ? context : (values[name] ?? '')));
}

/** The args a single input adds, found by planning with and without it. */
function plan(
  values: Partial<Record<BuildInputName, string>>,
  builder: Builder = buildx,
  cache: CachePlan = noCache,
) {
  const context = makeContext(undefined, { 'secret.txt': 's3cr3t' });
  const inputs = inputsFor(context, {
    ...values,
    'secret-files': values['secret-files']?.replace('CTX', context) ?? '',
  });
  const result = planBuild(validateBuild(inputs, builder, undefined, context), builder, cache, files);
  return { context, result, args: result.commands.find((command) => command.role === 'image')!.args };
}

describe('planBuild for buildx: the exact argument list', () => {
  it('with no inputs: iidfile, metadata file, plain progress, single-platform provenance off, context last', () => {
    const { args, context } = plan({});
    expect(args).toEqual([
      'buildx',
      'build',
      '--iidfile',
      '/w/iid',
      '--metadata-file',
      '/w/meta.json',
      '--progress',
      'plain',
      '--provenance',
      'false',
      context,
    ]);
  });

  const cases: [string, Partial<Record<BuildInputName, string>>, string[]][] = [
    [
      'add-hosts',
      { 'add-hosts': 'db:10.0.0.2,cache:10.0.0.3' },
      ['--add-host', 'db:10.0.0.2', '--add-host', 'cache:10.0.0.3'],
    ],
    [
      'annotations',
      { annotations: 'index:a=b\nmanifest:c=d,e' },
      ['--annotation', 'index:a=b', '--annotation', 'manifest:c=d,e'],
    ],
    ['build-args (commas kept)', { 'build-args': 'A=1,2\nB' }, ['--build-arg', 'A=1,2', '--build-arg', 'B']],
    [
      'build-contexts',
      { 'build-contexts': 'alpine=docker-image://alpine:3' },
      ['--build-context', 'alpine=docker-image://alpine:3'],
    ],
    ['builder', { builder: 'ci' }, ['--builder', 'ci']],
    ['file', { file: 'CTX_FILE' }, ['--file', 'CTX_FILE']],
    ['labels', { labels: 'a=1\nb=2' }, ['--label', 'a=1', '--label', 'b=2']],
    ['load', { load: 'true' }, ['--load']],
    ['network', { network: 'none' }, ['--network', 'none']],
    ['no-cache', { 'no-cache': 'true' }, ['--no-cache']],
    [
      'no-cache-filters',
      { 'no-cache-filters': 'builder,base' },
      ['--no-cache-filter', 'builder', '--no-cache-filter', 'base'],
    ],
    ['outputs', { outputs: 'type=local,dest=out' }, ['--output', 'type=local,dest=out']],
    [
      'platforms',
      { platforms: 'linux/amd64,linux/arm64' },
      // Multi-platform is an index anyway: provenance mode=min replaces the single-image default "false".
      ['--platform', 'linux/amd64,linux/arm64', 'mode=min'],
    ],
    ['provenance (replaces the default value)', { provenance: 'mode=max' }, ['mode=max']],
    ['pull', { pull: 'true' }, ['--pull']],
    ['push', { push: 'true' }, ['--push']],
    ['sbom', { sbom: 'true' }, ['--sbom', 'true']],
    ['secret-envs', { 'secret-envs': 'npm=NPM_TOKEN' }, ['--secret', 'id=npm,env=NPM_TOKEN']],
    ['shm-size', { 'shm-size': '2g' }, ['--shm-size', '2g']],
    ['ssh', { ssh: 'default' }, ['--ssh', 'default']],
    ['tags', { tags: 'r/app:1,r/app:latest' }, ['--tag', 'r/app:1', '--tag', 'r/app:latest']],
    ['target', { target: 'builder' }, ['--target', 'builder']],
    ['ulimit', { ulimit: 'nofile=1024:2048' }, ['--ulimit', 'nofile=1024:2048']],
  ];
  it.each(cases)('%s', (_name, values, expected) => {
    const context = makeContext();
    const resolved = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, value.replace('CTX_FILE', `${context}/Dockerfile`)]),
    );
    const base = planBuild(
      validateBuild(inputsFor(context, {}), buildx, undefined, context),
      buildx,
      noCache,
      files,
    );
    const withInput = planBuild(
      validateBuild(inputsFor(context, resolved), buildx, undefined, context),
      buildx,
      noCache,
      files,
    );
    const added = [...withInput.commands[0].args];
    // Remove the baseline args in order; what is left is exactly what the input added.
    for (const arg of base.commands[0].args) {
      const index = added.indexOf(arg);
      if (index >= 0) added.splice(index, 1);
    }
    const expectedResolved = expected.map((arg) => arg.replace('CTX_FILE', `${context}/Dockerfile`));
    expect(added).toEqual(expectedResolved);
  });

  it('secrets: the value goes into the environment under a generated name, never into argv', () => {
    const { result } = plan({ secrets: 'GIT_AUTH_TOKEN=ghp_verysecret\nnpmrc=//registry/:_authToken=x' });
    const argv = result.commands[0].args.join(' ');
    expect(argv).not.toContain('ghp_verysecret');
    expect(argv).not.toContain('_authToken=x');
    expect(argv).toContain(
      '--secret id=GIT_AUTH_TOKEN,env=IB_BUILD_SECRET_0 --secret id=npmrc,env=IB_BUILD_SECRET_1',
    );
    expect(result.env).toMatchObject({
      IB_BUILD_SECRET_0: 'ghp_verysecret',
      IB_BUILD_SECRET_1: '//registry/:_authToken=x',
    });
  });

  it('secret-files: passed by path', () => {
    const { result, context } = plan({ 'secret-files': 'cfg=CTX/secret.txt' });
    expect(result.commands[0].args.join(' ')).toContain(`--secret id=cfg,src=${context}/secret.txt`);
  });

  it('automatic build args: only those the Dockerfile declares, after the user args, never overriding them', () => {
    const context = makeContext();
    const inputs = inputsFor(context, { 'build-args': 'VERSION=9.9.9' });
    const result = planBuild(validateBuild(inputs, buildx, undefined, context), buildx, noCache, {
      ...files,
      automaticBuildArgs: {
        VERSION: '1.0.0',
        ENVIRONMENT: 'prod',
        GIT_COMMIT: 'abc1234',
        BUILD_TIMESTAMP: '20260101',
      },
    });
    const buildArgs = result.commands[0].args.flatMap((arg, i, all) =>
      all[i - 1] === '--build-arg' ? [arg] : [],
    );
    expect(buildArgs).toEqual(['VERSION=9.9.9', 'GIT_COMMIT=abc1234']);
  });

  it('automatic build args: an empty one is not passed, so the Dockerfile keeps its ARG default', () => {
    const context = makeContext('FROM busybox\nARG VERSION\nARG ENVIRONMENT=development\nARG GIT_COMMIT\n');
    const result = planBuild(
      validateBuild(inputsFor(context, {}), buildx, undefined, context),
      buildx,
      noCache,
      {
        ...files,
        automaticBuildArgs: { VERSION: '1.0.0', ENVIRONMENT: '', GIT_COMMIT: 'abc1234' },
      },
    );
    const buildArgs = result.commands[0].args.flatMap((arg, i, all) =>
      all[i - 1] === '--build-arg' ? [arg] : [],
    );
    expect(buildArgs).toEqual(['VERSION=1.0.0', 'GIT_COMMIT=abc1234']);
  });

  it('cache specs from the cache plan', () => {
    const cache: CachePlan = {
      ...noCache,
      preset: 'registry',
      cacheFrom: ['type=registry,ref=r/a:buildcache'],
      cacheTo: ['type=registry,ref=r/a:buildcache,mode=max'],
    };
    const { args } = plan({}, buildx, cache);
    expect(args.slice(2, 6)).toEqual([
      '--cache-from',
      'type=registry,ref=r/a:buildcache',
      '--cache-to',
      'type=registry,ref=r/a:buildcache,mode=max',
    ]);
  });

  it('buildx older than 0.10 gets no --provenance flag it would not understand', () => {
    const { args } = plan({}, { ...buildx, version: '0.9.1' });
    expect(args).not.toContain('--provenance');
  });
});

describe('planBuild for the classic builder', () => {
  it('the full argument list, input by input, with a push after the build', () => {
    const { result, context } = plan(
      {
        'add-hosts': 'db:10.0.0.2',
        'build-args': 'A=1',
        labels: 'a=1',
        network: 'none',
        'no-cache': 'true',
        platforms: 'linux/amd64',
        pull: 'true',
        secrets: 'tok=abc',
        'secret-envs': 'npm=NPM_TOKEN',
        'shm-size': '1g',
        ssh: 'default',
        target: 'builder',
        ulimit: 'nofile=1024',
        outputs: 'type=local,dest=out',
        tags: 'r/app:1',
        push: 'true',
      },
      classic,
    );
    expect(result.commands).toHaveLength(1);
    expect(result.commands[0].args).toEqual([
      'build',
      '--add-host',
      'db:10.0.0.2',
      '--build-arg',
      'A=1',
      '--label',
      'a=1',
      '--network',
      'none',
      '--no-cache',
      '--platform',
      'linux/amd64',
      '--progress',
      'plain',
      '--pull',
      '--secret',
      'id=tok,env=IB_BUILD_SECRET_0',
      '--secret',
      'id=npm,env=NPM_TOKEN',
      '--shm-size',
      '1g',
      '--ssh',
      'default',
      '--target',
      'builder',
      '--ulimit',
      'nofile=1024',
      '--iidfile',
      '/w/iid',
      '--output',
      'type=local,dest=out',
      '--tag',
      'r/app:1',
      context,
    ]);
    expect(result.pushes).toEqual(['r/app:1']);
    expect(result.env).toEqual({ DOCKER_BUILDKIT: '1', IB_BUILD_SECRET_0: 'abc' });
  });

  it('inline cache: one build per stage cache image, each importing only its own, then the image, then its cache image', () => {
    const cache: CachePlan = {
      ...noCache,
      preset: 'inline',
      inline: true,
      cacheFrom: ['r/app:buildcache'],
      finalImage: 'r/app:buildcache',
      stageImages: [
        { stage: 'base', ref: 'r/app:buildcache-base' },
        { stage: 'builder', ref: 'r/app:buildcache-builder' },
      ],
      pushCacheImages: true,
    };
    const { result, context } = plan({ tags: 'r/app:1', push: 'true' }, classic, cache);
    expect(result.commands.map((command) => [command.role, command.stage])).toEqual([
      ['stage-cache', 'base'],
      ['stage-cache', 'builder'],
      ['image', undefined],
      ['stage-cache', 'final'],
    ]);
    expect(result.commands[1].args).toEqual([
      'build',
      '--build-arg',
      'BUILDKIT_INLINE_CACHE=1',
      '--cache-from',
      'r/app:buildcache-builder',
      '--progress',
      'plain',
      '--target',
      'builder',
      '--tag',
      'r/app:buildcache-builder',
      context,
    ]);
    // The published image carries no inline cache records (they differ from build to build, so the
    // image would never be the same twice); its cache image is built after it, all from the engine.
    expect(result.commands[2].args).toEqual([
      'build',
      '--cache-from',
      'r/app:buildcache',
      '--progress',
      'plain',
      '--iidfile',
      '/w/iid',
      '--tag',
      'r/app:1',
      context,
    ]);
    expect(result.commands[3].args).toEqual([
      'build',
      '--build-arg',
      'BUILDKIT_INLINE_CACHE=1',
      '--progress',
      'plain',
      '--tag',
      'r/app:buildcache',
      context,
    ]);
    // The one requested tag first (its digest is the result), then the cache images.
    expect(result.pushes).toEqual([
      'r/app:1',
      'r/app:buildcache-base',
      'r/app:buildcache-builder',
      'r/app:buildcache',
    ]);
    expect(result.tags).toEqual(['r/app:1']);
  });

  it('no-cache: the image is built first and the stage cache images after, from its fresh cache', () => {
    const cache: CachePlan = {
      ...noCache,
      preset: 'inline',
      inline: true,
      cacheFrom: ['r/app:buildcache'],
      finalImage: 'r/app:buildcache',
      stageImages: [{ stage: 'builder', ref: 'r/app:buildcache-builder' }],
    };
    const { result } = plan({ tags: 'r/app:1', 'no-cache': 'true' }, classic, cache);
    expect(result.commands.map((command) => command.role)).toEqual(['image', 'stage-cache', 'stage-cache']);
    expect(result.commands[0].args).toContain('--no-cache');
    expect(result.commands[1].args).not.toContain('--no-cache');
    expect(result.commands[1].args).not.toContain('--cache-from');
    expect(result.commands[2].args).not.toContain('--no-cache');
    expect(result.commands[2].args.slice(-3, -1)).toEqual(['--tag', 'r/app:buildcache']);
  });

  it('says what it cannot do instead of silently dropping it', () => {
    const { result } = plan(
      {
        annotations: 'a=b',
        provenance: 'mode=max',
        sbom: 'true',
        builder: 'ci',
        'no-cache-filters': 'builder',
      },
      classic,
    );
    expect(result.notices).toHaveLength(5);
    expect(result.notices.join('\n')).toMatch(/annotations.*provenance.*sbom.*builder.*no-cache-filters/s);
    expect(result.commands[0].args).toContain('--no-cache');
    expect(result.commands[0].args).not.toContain('--annotation');
  });
});

describe('planBuild writes the cache image the cache plan imports (resolveCache → planBuild)', () => {
  const dockerDriver: Builder = { ...buildx, driver: 'docker', canExportCache: false };
  const planWithCache = (
    cache: string,
    builder: Builder,
    values: Partial<Record<BuildInputName, string>>,
    reproducible = false,
  ) => {
    const context = makeContext();
    const inputs = inputsFor(context, values);
    const cachePlan = resolveCache(inputs, {
      image: 'r/app',
      builder,
      stages: [],
      push: inputs.push,
      localRoot: '/runner/temp',
      reproducible,
    });
    return {
      context,
      result: planBuild(validateBuild(inputs, builder, undefined, context), builder, cachePlan, files),
    };
  };

  it('buildx inline with push on a BuildKit daemon: one build pushes every primary ref plus <image>:buildcache, the ref it imports', () => {
    const remote: Builder = { ...buildx, driver: 'remote' };
    const { context, result } = planWithCache('inline', remote, {
      cache: 'inline',
      tags: 'r/app:1,ghcr.io/acme/app:1',
      push: 'true',
    });
    expect(result.commands).toHaveLength(1);
    expect(result.commands[0].args).toEqual([
      'buildx',
      'build',
      '--cache-from',
      'type=registry,ref=r/app:buildcache',
      '--cache-to',
      'type=inline',
      '--iidfile',
      '/w/iid',
      '--metadata-file',
      '/w/meta.json',
      '--progress',
      'plain',
      '--provenance',
      'false',
      '--push',
      '--tag',
      'r/app:1',
      '--tag',
      'ghcr.io/acme/app:1',
      '--tag',
      'r/app:buildcache',
      context,
    ]);
    expect(result.pushedByBuilder).toEqual(['r/app:1', 'ghcr.io/acme/app:1', 'r/app:buildcache']);
    expect(result.pushes).toEqual([]);
    expect(result.tags).toEqual(['r/app:1', 'ghcr.io/acme/app:1']);
  });

  it('buildx inline with push on the docker driver, reproducible: the image without inline records, then <image>:buildcache with them', () => {
    // The engine's BuildKit orders inline cache records differently on every build: an image carrying
    // them would be a new image on every re-run.
    const { context, result } = planWithCache(
      'inline',
      dockerDriver,
      { cache: 'inline', tags: 'r/app:1,ghcr.io/acme/app:1', push: 'true', 'no-cache': 'true' },
      true,
    );
    expect(result.commands.map((command) => command.role)).toEqual(['image', 'stage-cache']);
    expect(result.commands[0].args).toEqual([
      'buildx',
      'build',
      '--cache-from',
      'type=registry,ref=r/app:buildcache',
      '--iidfile',
      '/w/iid',
      '--metadata-file',
      '/w/meta.json',
      '--no-cache',
      '--progress',
      'plain',
      '--provenance',
      'false',
      '--push',
      '--tag',
      'r/app:1',
      '--tag',
      'ghcr.io/acme/app:1',
      context,
    ]);
    // From the engine's cache: no import, no --no-cache (the steps would run again), no iid/metadata.
    expect(result.commands[1].args).toEqual([
      'buildx',
      'build',
      '--cache-to',
      'type=inline',
      '--progress',
      'plain',
      '--provenance',
      'false',
      '--push',
      '--tag',
      'r/app:buildcache',
      context,
    ]);
    expect(result.pushedByBuilder).toEqual(['r/app:1', 'ghcr.io/acme/app:1']);
    expect(result.pushes).toEqual([]);
  });

  it('buildx inline without push: imports <image>:buildcache but tags and pushes nothing extra', () => {
    const { context, result } = planWithCache('inline', dockerDriver, { cache: 'inline', tags: 'r/app:1' });
    const args = result.commands[0].args;
    expect(args.slice(-3)).toEqual(['--tag', 'r/app:1', context]);
    expect(args).not.toContain('--push');
    expect(result.pushedByBuilder).toEqual([]);
  });

  it('auto on the docker driver with push (the GitHub runner default) also pushes <image>:buildcache', () => {
    const { result } = planWithCache('auto', dockerDriver, { tags: 'r/app:1', push: 'true' });
    expect(result.commands).toHaveLength(1);
    expect(result.commands[0].args).toContain('type=registry,ref=r/app:buildcache');
    expect(result.pushedByBuilder).toEqual(['r/app:1', 'r/app:buildcache']);
  });

  it('auto on the docker driver with push, reproducible: a second, cached build pushes <image>:buildcache', () => {
    const { result } = planWithCache('auto', dockerDriver, { tags: 'r/app:1', push: 'true' }, true);
    expect(result.commands[0].args).not.toContain('--cache-to');
    expect(result.commands[1].args.slice(-4, -1)).toEqual(['--push', '--tag', 'r/app:buildcache']);
    expect(result.pushedByBuilder).toEqual(['r/app:1']);
  });

  it('a BuildKit daemon keeps the inline records in the image even when reproducible (its order is stable)', () => {
    const remote: Builder = { ...buildx, driver: 'remote' };
    const { result } = planWithCache(
      'inline',
      remote,
      { cache: 'inline', tags: 'r/app:1', push: 'true' },
      true,
    );
    expect(result.commands).toHaveLength(1);
    expect(result.pushedByBuilder).toEqual(['r/app:1', 'r/app:buildcache']);
  });

  it('buildx local on the docker driver: tags <image>:buildcache in the engine for the post step to docker save', () => {
    const { context, result } = planWithCache('local', dockerDriver, { cache: 'local', tags: 'r/app:1' });
    expect(result.commands[0].args.slice(-5)).toEqual([
      '--tag',
      'r/app:1',
      '--tag',
      'r/app:buildcache',
      context,
    ]);
    expect(result.pushedByBuilder).toEqual([]);
  });

  it('the classic builder pushes the primary refs first, then the cache images, all tagged by its builds', () => {
    const { result } = planWithCache('inline', classic, {
      cache: 'inline',
      tags: 'r/app:1,ghcr.io/acme/app:1',
      push: 'true',
    });
    const tagged = result.commands.flatMap((command) =>
      command.args.flatMap((arg, index) => (command.args[index - 1] === '--tag' ? [arg] : [])),
    );
    expect(result.pushes).toEqual(['r/app:1', 'ghcr.io/acme/app:1', 'r/app:buildcache']);
    expect(tagged).toEqual(result.pushes);
    expect(result.pushedByBuilder).toEqual([]);
  });
});

describe('buildx flags follow the detected version (the table in buildx-features.ts)', () => {
  const old = { ...buildx, version: '0.10.5', driver: 'remote' };
  const planFor = (builder: Builder, values: Partial<Record<BuildInputName, string>>) => {
    const context = makeContext();
    const inputs = inputsFor(context, values);
    return {
      context,
      result: planBuild(validateBuild(inputs, builder, undefined, context), builder, noCache, files),
    };
  };

  it('annotations on buildx < 0.12 reach a pushed image through the image exporter, commas quoted', () => {
    const { context, result } = planFor(old, {
      annotations: 'manifest:org.opencontainers.image.title=app\nplain=a,b\nmanifest[linux/amd64]:x=y',
      tags: 'r/app:1,r/app:latest',
      push: 'true',
    });
    const args = result.commands[0].args;
    expect(args).not.toContain('--annotation');
    expect(args).not.toContain('--push');
    expect(args).not.toContain('--tag');
    expect(args.slice(-3)).toEqual([
      '--output',
      'type=image,"name=r/app:1,r/app:latest",push=true,oci-mediatypes=true,' +
        'annotation.org.opencontainers.image.title=app,"annotation.plain=a,b",annotation[linux/amd64].x=y',
      context,
    ]);
    expect(result.pushedByBuilder).toEqual(['r/app:1', 'r/app:latest']);
    expect(result.notices).toEqual([]);
  });

  it('index annotations on a single-platform push are skipped with a notice (BuildKit refuses them)', () => {
    const { result } = planFor(old, {
      annotations: 'index:a=b\nmanifest:c=d',
      tags: 'r/app:1',
      push: 'true',
    });
    expect(result.commands[0].args.join(' ')).toContain('oci-mediatypes=true,annotation.c=d ');
    expect(result.commands[0].args.join(' ')).not.toContain('annotation-index');
    expect(result.notices).toEqual([
      'annotations: index-level annotations need a multi-platform build; skipped',
    ]);
  });

  it('index annotations on a multi-platform push become annotation-index attributes', () => {
    const { result } = planFor(old, {
      annotations: 'index:a=b',
      tags: 'r/app:1',
      push: 'true',
      platforms: 'linux/amd64,linux/arm64',
    });
    expect(result.commands[0].args.join(' ')).toContain('oci-mediatypes=true,annotation-index.a=b ');
  });

  it('annotations with nothing pushed, or on the docker driver, are skipped with a notice that says why', () => {
    const local = planFor(old, { annotations: 'a=b', tags: 'r/app:1' }).result;
    expect(local.commands[0].args).not.toContain('--annotation');
    expect(local.notices[0]).toMatch(
      /^annotations: buildx 0\.10\.5 has no --annotation \(added in 0\.12\) and this build does not push/,
    );
    const docker = planFor(
      { ...old, driver: 'docker' },
      { annotations: 'a=b', tags: 'r/app:1', push: 'true' },
    ).result;
    expect(docker.commands[0].args).toContain('--push');
    expect(docker.notices[0]).toMatch(/docker driver cannot add them; skipped/);
  });

  it('buildx >= 0.12 gets --annotation as given', () => {
    const { result } = planFor(
      { ...buildx, version: '0.12.0' },
      { annotations: 'index:a=b', tags: 'r/app:1', push: 'true' },
    );
    expect(result.commands[0].args).toEqual(expect.arrayContaining(['--annotation', 'index:a=b', '--push']));
  });

  it('provenance and sbom on buildx < 0.10 are dropped with a notice naming the flag and the version', () => {
    const { result } = planFor({ ...buildx, version: '0.9.1' }, { provenance: 'mode=max', sbom: 'true' });
    const args = result.commands[0].args;
    expect(args).not.toContain('--provenance');
    expect(args).not.toContain('--sbom');
    expect(result.notices).toEqual([
      'provenance: buildx 0.9.1 has no --provenance/--sbom (added in 0.10.0); skipped. Update buildx (docker/setup-buildx-action) to use it',
      'sbom: buildx 0.9.1 has no --provenance/--sbom (added in 0.10.0); skipped. Update buildx (docker/setup-buildx-action) to use it',
    ]);
  });

  it('build-contexts on buildx < 0.8 is an input error: the image would differ', () => {
    const context = makeContext();
    const inputs = inputsFor(context, { 'build-contexts': 'x=docker-image://busybox' });
    expect(() => validateBuild(inputs, { ...buildx, version: '0.7.1' }, undefined, context)).toThrow(
      'input "build-contexts": buildx 0.7.1 has no --build-context (added in 0.8.0); update buildx',
    );
  });
});

describe("buildx's docker driver caches every stage the target needs, as the classic builder does", () => {
  const dockerDriver: Builder = { ...buildx, driver: 'docker', canExportCache: false };
  const planFor = (values: Partial<Record<BuildInputName, string>>) => {
    const context = makeContext();
    const inputs = inputsFor(context, values);
    const cachePlan = resolveCache(inputs, {
      image: 'r/app',
      builder: dockerDriver,
      stages: ['builder'],
      push: inputs.push,
      localRoot: '/runner/temp',
    });
    return {
      context,
      result: planBuild(
        validateBuild(inputs, dockerDriver, undefined, context),
        dockerDriver,
        cachePlan,
        files,
      ),
    };
  };

  it('a stage build imports only its own inline-cache image, then the image build imports only its own', () => {
    const { result } = planFor({ tags: 'r/app:1', push: 'true', cache: 'inline' });
    expect(result.commands.map((command) => command.role)).toEqual(['stage-cache', 'image']);
    const [stage, image] = result.commands.map((command) => command.args);
    const values = (args: string[], flag: string) =>
      args.flatMap((arg, i) => (args[i - 1] === flag ? [arg] : []));
    expect(values(stage, '--target')).toEqual(['builder']);
    expect(values(stage, '--cache-from')).toEqual(['type=registry,ref=r/app:buildcache-builder']);
    expect(values(stage, '--cache-to')).toEqual(['type=inline']);
    expect(values(stage, '--tag')).toEqual(['r/app:buildcache-builder']);
    expect(stage).toContain('--push');
    expect(stage).not.toContain('--iidfile');
    expect(values(image, '--cache-from')).toEqual(['type=registry,ref=r/app:buildcache']);
    expect(values(image, '--target')).toEqual([]);
  });

  it('without cache the image is built first; its stage image then comes from the engine, no push when a caller publishes', () => {
    const { result } = planFor({ tags: 'r/app:1', 'no-cache': 'true', cache: 'inline' });
    expect(result.commands.map((command) => command.role)).toEqual(['image', 'stage-cache']);
    const stage = result.commands[1].args;
    expect(stage).not.toContain('--no-cache');
    expect(stage).not.toContain('--cache-from');
    expect(stage).not.toContain('--push');
  });
});
