import { type BuildCommand, type BuildPlan, type PlannerInput, repeat } from './build-command.js';
import type { ClassicBuilder } from '../engine/builder.js';

/**
 * The engine's own BuildKit through `docker build`: no attestations, annotations, cache filters or
 * builder instances, and inline cache only, so a multi-stage cache is one inline-cache image per stage.
 */
export function planClassic(input: PlannerInput<ClassicBuilder>): BuildPlan {
  const { build, builder, cache, options, buildArgs, secretArgs, env, notices } = input;
  const { inputs } = build;
  const file = inputs.file ? ['--file', inputs.file] : [];
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
    ...secretArgs,
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
  const rawFrom = cache.cacheFrom.filter((ref) => ref !== cache.finalCacheRef && ref !== cache.finalImage);
  // One importer per build: dockerd 20.10 mixes up records when two inline caches cover the same
  // steps, so each stage imports its own image and the final build reuses the stages from the engine.
  // Without cache there is nothing to import: the image is built first and the stage images then
  // come from the engine's fresh cache (building them first would run their steps twice).
  const stageCommands: BuildCommand[] = cache.stageImages.map(({ stage, ref, imported }) => ({
    role: 'stage-cache',
    stage,
    args: [
      ...common(stage, noCache ? [] : [...(imported === false ? [] : [ref]), ...rawFrom], false),
      '--tag',
      ref,
      inputs.context,
    ],
  }));
  // BuildKit 0.8 writes inline cache records into the image config in an order that changes from one
  // build to the next, so an image carrying them is never the same image twice. The published image is
  // built without them and the final cache image with them, from the engine's cache (no step runs
  // again): a re-run then rebuilds exactly the image it published.
  const finalCache =
    cache.inline && cache.finalImage && inputs.tags.length > 0 ? cache.finalImage : undefined;
  // The published image carries the cache itself: tagged as the cache ref here only when this build
  // pushes it (a caller that publishes writes that tag with a manifest PUT instead).
  const cacheTag = cache.tagPublished && options.tagCacheRef !== false ? [cache.tagPublished] : [];
  const imageTags = finalCache
    ? inputs.tags
    : [...inputs.tags, ...(cache.finalImage ? [cache.finalImage] : []), ...cacheTag];
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
  // Pushed here only when this build pushes; a publishing caller pushes them after its tags.
  const cachePushes =
    cache.pushCacheImages && inputs.push
      ? [
          ...cache.stageImages.map((image) => image.ref),
          ...(cache.finalImage ? [cache.finalImage] : []),
          ...cacheTag,
        ]
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
