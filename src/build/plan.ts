import type { CachePlan } from '../cache/plan.js';
import { selectAutomaticBuildArgs } from './automatic-args.js';
import type { Builder } from './builder.js';
import { versionAtLeast } from './builder.js';
import type { BuildInputs } from './inputs.js';
import { splitKeyValue, type ValidatedBuild } from './validate.js';

/** One builder process. */
export interface BuildCommand {
  /** What this invocation produces: a per-stage cache image, or the requested image. */
  role: 'stage-cache' | 'image';
  /** The stage built (`--target`), for stage-cache commands. */
  stage?: string;
  args: string[];
}

/** Everything needed to run a build: commands in order, then pushes (classic builder only). */
export interface BuildPlan {
  builder: Builder;
  commands: BuildCommand[];
  /** The requested tags (not cache images). */
  tags: string[];
  /** `docker push` these refs after the last command (the classic builder cannot push itself). */
  pushes: string[];
  /** buildx with `push`: the refs its `--push` writes (every `--tag`), in order; their digest is the image's. */
  pushedByBuilder: string[];
  /**
   * Environment the builder needs: DOCKER_BUILDKIT and the values of `secrets` under generated names
   * (`--secret id=x,env=IB_BUILD_SECRET_0`), so no secret is ever in argv. Never log it.
   */
  env: Record<string, string>;
  iidFile: string;
  /** buildx writes it; for the classic builder runBuild assembles the same keys itself. */
  metadataFile?: string;
  /** Requested features this builder cannot provide, said once each. */
  notices: string[];
}

export interface PlanOptions {
  /** VERSION, ENVIRONMENT, GIT_COMMIT, BUILD_TIMESTAMP values; passed only when declared with ARG. */
  automaticBuildArgs?: Readonly<Record<string, string | undefined>>;
  iidFile: string;
  metadataFile: string;
}

const SECRET_ENV_PREFIX = 'IB_BUILD_SECRET_';

function secretArgs(inputs: BuildInputs): { args: string[]; env: Record<string, string> } {
  const args: string[] = [];
  const env: Record<string, string> = {};
  inputs.secrets.forEach((item, index) => {
    const [id, value] = splitKeyValue(item, 'secrets', 'id=value');
    env[`${SECRET_ENV_PREFIX}${index}`] = value;
    args.push('--secret', `id=${id},env=${SECRET_ENV_PREFIX}${index}`);
  });
  for (const item of inputs.secretFiles) {
    const [id, path] = splitKeyValue(item, 'secret-files', 'id=path');
    args.push('--secret', `id=${id},src=${path}`);
  }
  for (const item of inputs.secretEnvs) {
    const [id, variable] = splitKeyValue(item, 'secret-envs', 'id=VARIABLE');
    args.push('--secret', `id=${id},env=${variable}`);
  }
  return { args, env };
}

const repeat = (flag: string, values: readonly string[]) => values.flatMap((value) => [flag, value]);

/**
 * Default provenance: buildx >= 0.10 attaches a provenance attestation by default, which turns even a
 * single-platform image into an index that Lambda and Cloud Run reject. We keep single-platform images
 * plain manifests (`--provenance=false`) and let multi-platform builds (already an index) keep mode=min.
 */
export function defaultProvenance(inputs: BuildInputs): string {
  return inputs.platforms.length > 1 ? 'mode=min' : 'false';
}

/** The exact argument lists for the detected builder. Pure: the same inputs give the same args. */
export function planBuild(
  build: ValidatedBuild,
  builder: Builder,
  cache: CachePlan,
  options: PlanOptions,
): BuildPlan {
  const { inputs, dockerfile } = build;
  const notices = [...cache.notices];
  const buildArgs = [
    ...inputs.buildArgs.map((item) => item.value),
    ...selectAutomaticBuildArgs(options.automaticBuildArgs ?? {}, dockerfile.args, inputs.buildArgs),
  ];
  const secrets = secretArgs(inputs);
  const file = inputs.file ? ['--file', inputs.file] : [];
  const env = { DOCKER_BUILDKIT: '1', ...secrets.env };

  if (builder.kind === 'buildx') {
    const imageTags = [...inputs.tags, ...(cache.finalImage ? [cache.finalImage] : [])];
    const provenance =
      inputs.provenance || (versionAtLeast(builder.version, '0.10.0') ? defaultProvenance(inputs) : '');
    const args = [
      'buildx',
      'build',
      ...repeat('--add-host', inputs.addHosts),
      ...repeat(
        '--annotation',
        inputs.annotations.map((item) => item.value),
      ),
      ...repeat('--build-arg', buildArgs),
      ...repeat(
        '--build-context',
        inputs.buildContexts.map((item) => item.value),
      ),
      ...(inputs.builder ? ['--builder', inputs.builder] : []),
      ...repeat('--cache-from', cache.cacheFrom),
      ...repeat('--cache-to', cache.cacheTo),
      ...file,
      '--iidfile',
      options.iidFile,
      ...repeat(
        '--label',
        inputs.labels.map((item) => item.value),
      ),
      ...(inputs.load ? ['--load'] : []),
      '--metadata-file',
      options.metadataFile,
      ...(inputs.network ? ['--network', inputs.network] : []),
      ...(inputs.noCache ? ['--no-cache'] : []),
      ...repeat('--no-cache-filter', inputs.noCacheFilters),
      ...repeat(
        '--output',
        inputs.outputs.map((item) => item.value),
      ),
      ...(inputs.platforms.length ? ['--platform', inputs.platforms.join(',')] : []),
      '--progress',
      'plain',
      ...(provenance ? ['--provenance', provenance] : []),
      ...(inputs.pull ? ['--pull'] : []),
      ...(inputs.push ? ['--push'] : []),
      ...(inputs.sbom ? ['--sbom', inputs.sbom] : []),
      ...secrets.args,
      ...(inputs.shmSize ? ['--shm-size', inputs.shmSize] : []),
      ...repeat(
        '--ssh',
        inputs.ssh.map((item) => item.value),
      ),
      ...repeat('--tag', imageTags),
      ...(inputs.target ? ['--target', inputs.target] : []),
      ...repeat(
        '--ulimit',
        inputs.ulimits.map((item) => item.value),
      ),
      inputs.context,
    ];
    return {
      builder,
      commands: [{ role: 'image', args }],
      tags: inputs.tags,
      pushes: [],
      pushedByBuilder: inputs.push ? imageTags : [],
      env,
      iidFile: options.iidFile,
      metadataFile: options.metadataFile,
      notices,
    };
  }

  // The classic builder: no attestations, annotations, cache filters or builder instances.
  if (inputs.annotations.length)
    notices.push('annotations: the classic builder cannot set manifest annotations; skipped');
  if (inputs.provenance && inputs.provenance !== 'false') {
    notices.push('provenance: the classic builder cannot attach attestations; skipped');
  }
  if (inputs.sbom && inputs.sbom !== 'false')
    notices.push('sbom: the classic builder cannot attach attestations; skipped');
  if (inputs.builder)
    notices.push(`builder: "${inputs.builder}" is a buildx instance; using the engine's own BuildKit`);
  const noCache = inputs.noCache || inputs.noCacheFilters.length > 0;
  if (inputs.noCacheFilters.length && !inputs.noCache) {
    notices.push(
      'no-cache-filters: the classic builder cannot skip the cache per stage; building without cache',
    );
  }

  const common = (
    target: string,
    cacheFrom: readonly string[],
    skipCache = noCache,
    inline = cache.inline,
  ) => [
    'build',
    ...repeat('--add-host', inputs.addHosts),
    ...repeat('--build-arg', [...buildArgs, ...(inline ? ['BUILDKIT_INLINE_CACHE=1'] : [])]),
    ...repeat('--cache-from', cacheFrom),
    ...file,
    ...repeat(
      '--label',
      inputs.labels.map((item) => item.value),
    ),
    ...(inputs.network ? ['--network', inputs.network] : []),
    ...(skipCache ? ['--no-cache'] : []),
    ...(inputs.platforms.length ? ['--platform', inputs.platforms[0]] : []),
    '--progress',
    'plain',
    ...(inputs.pull ? ['--pull'] : []),
    ...secrets.args,
    ...(inputs.shmSize ? ['--shm-size', inputs.shmSize] : []),
    ...repeat(
      '--ssh',
      inputs.ssh.map((item) => item.value),
    ),
    ...(target ? ['--target', target] : []),
    ...repeat(
      '--ulimit',
      inputs.ulimits.map((item) => item.value),
    ),
  ];
  const rawFrom = cache.cacheFrom.filter((ref) => ref !== cache.finalImage);
  // One importer per build: dockerd 20.10 mixes up records when two inline caches cover the same
  // steps, so each stage imports its own image and the final build reuses the stages from the engine.
  // Without cache there is nothing to import: the image is built first and the stage images then
  // come from the engine's fresh cache (building them first would run their steps twice).
  const stageCommands: BuildCommand[] = cache.stageImages.map(({ stage, ref }) => ({
    role: 'stage-cache',
    stage,
    args: [...common(stage, noCache ? [] : [ref, ...rawFrom], false), '--tag', ref, inputs.context],
  }));
  // BuildKit 0.8 writes inline cache records into the image config in an order that changes from one
  // build to the next, so an image carrying them is never the same image twice. The published image is
  // built without them and the final cache image with them, from the engine's cache (no step runs
  // again): a re-run then rebuilds exactly the image it published.
  const finalCache =
    cache.inline && cache.finalImage && inputs.tags.length > 0 ? cache.finalImage : undefined;
  const imageTags = finalCache
    ? inputs.tags
    : [...inputs.tags, ...(cache.finalImage ? [cache.finalImage] : [])];
  const imageCommand: BuildCommand = {
    role: 'image',
    args: [
      ...common(inputs.target, cache.cacheFrom, noCache, cache.inline && !finalCache),
      '--iidfile',
      options.iidFile,
      ...repeat(
        '--output',
        inputs.outputs.map((item) => item.value),
      ),
      ...repeat('--tag', imageTags),
      inputs.context,
    ],
  };
  const finalCacheCommands: BuildCommand[] = finalCache
    ? [
        {
          role: 'stage-cache',
          stage: inputs.target || 'final',
          args: [...common(inputs.target, [], false, true), '--tag', finalCache, inputs.context],
        },
      ]
    : [];
  const commands = noCache
    ? [imageCommand, ...stageCommands, ...finalCacheCommands]
    : [...stageCommands, imageCommand, ...finalCacheCommands];
  const cachePushes = cache.pushCacheImages
    ? [...cache.stageImages.map((image) => image.ref), ...(cache.finalImage ? [cache.finalImage] : [])]
    : [];
  return {
    builder,
    commands,
    tags: inputs.tags,
    pushes: [...(inputs.push ? inputs.tags : []), ...cachePushes],
    pushedByBuilder: [],
    env,
    iidFile: options.iidFile,
    notices,
  };
}
