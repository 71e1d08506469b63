import { type BuildCommand, type BuildPlan, type PlannerInput, repeat } from './build-command.js';
import type { BuildxBuilder } from '../engine/builder.js';
import {
  annotationOutputAttribute,
  buildxSupports,
  droppedFlagNotice,
  outputField,
} from './buildx-features.js';
import type { BuildInputs } from './inputs.js';

/**
 * Default provenance: buildx >= 0.10 attaches a provenance attestation by default, which turns even a
 * single-platform image into an index that Lambda and Cloud Run reject. We keep single-platform images
 * plain manifests (`--provenance=false`) and let multi-platform builds (already an index) keep mode=min.
 */
export function defaultProvenance(inputs: BuildInputs): string {
  return inputs.platforms.length > 1 ? 'mode=min' : 'false';
}

/**
 * How the image leaves the builder. buildx 0.12 and later take `--annotation`; older ones accept the
 * same annotations as attributes of the image exporter, so a push becomes one explicit
 * `--output type=image,name=…,push=true,oci-mediatypes=true,annotation.…` (OCI media types: a Docker
 * v2 manifest has no annotations field). The docker driver's exporter (the engine's) drops them.
 */
function exportArgs(
  inputs: BuildInputs,
  builder: BuildxBuilder,
  imageNames: string[],
  notices: string[],
): { args: string[]; pushes: boolean } {
  const annotations = inputs.annotations.map((item) => item.value);
  const outputs = inputs.outputs.map((item) => item.value);
  const plain = {
    args: [
      ...repeat('--output', outputs),
      ...(inputs.load ? ['--load'] : []),
      ...(inputs.push ? ['--push'] : []),
      ...repeat('--tag', imageNames),
    ],
    pushes: inputs.push,
  };
  if (annotations.length === 0) return plain;
  if (buildxSupports(builder.version, 'annotations')) {
    return { ...plain, args: [...repeat('--annotation', annotations), ...plain.args] };
  }
  const dropped = (why: string) => {
    notices.push(`annotations: ${why}; skipped (the labels carry the same values)`);
    return plain;
  };
  if (builder.driver === 'docker') {
    return dropped(`buildx ${builder.version} has no --annotation and its docker driver cannot add them`);
  }
  if (!inputs.push || inputs.load || outputs.length > 0) {
    return dropped(
      `buildx ${builder.version} has no --annotation (added in 0.12) and this build does not push an image`,
    );
  }
  const attributes = annotations.map(annotationOutputAttribute);
  // An index-level annotation needs an index: a single-platform export refuses it.
  const usable = attributes.filter(
    (attribute) => inputs.platforms.length > 1 || !attribute.level.startsWith('index'),
  );
  if (usable.length < attributes.length) {
    notices.push('annotations: index-level annotations need a multi-platform build; skipped');
  }
  const output = [
    'type=image',
    outputField(`name=${imageNames.join(',')}`),
    'push=true',
    'oci-mediatypes=true',
    ...usable.map((attribute) => outputField(attribute.attribute)),
  ].join(',');
  return { args: ['--output', output], pushes: true };
}

/**
 * A separate inline-cache image on buildx's docker driver (the cache plan asks for one when the build
 * must be reproducible): the engine's BuildKit (0.8 in Docker 20.10) writes inline cache records in an
 * order that changes from one build to the next, so an image carrying them is never the same image
 * twice. The image is built without them; the cache image comes from a second, fully cached build
 * that adds them and pushes it. Returns its ref when this build needs that second command.
 */
function separateInlineCache(input: PlannerInput<BuildxBuilder>): string | undefined {
  const { builder, cache } = input;
  const inlineOnly = cache.cacheTo.length === 1 && cache.cacheTo[0] === 'type=inline';
  return builder.driver === 'docker' && inlineOnly && cache.preset === 'inline'
    ? cache.finalImage
    : undefined;
}

/** The exact `docker buildx build` arguments. Flags this buildx lacks are dropped with a notice. */
export function planBuildx(input: PlannerInput<BuildxBuilder>): BuildPlan {
  const { build, builder, cache, options, buildArgs, secretArgs, env, notices } = input;
  const { inputs } = build;
  const { version } = builder;
  const cacheImage = separateInlineCache(input);
  // The published image carries the cache: its ref is one more name when this build pushes it (a
  // caller that publishes writes that tag with a manifest PUT instead).
  const cacheTag =
    cache.tagPublished && options.tagCacheRef !== false && inputs.push ? [cache.tagPublished] : [];
  const imageNames = [
    ...inputs.tags,
    ...(cache.finalImage && !cacheImage ? [cache.finalImage] : []),
    ...cacheTag,
  ];

  const attestations = buildxSupports(version, 'attestations');
  const provenance = inputs.provenance || (attestations ? defaultProvenance(inputs) : '');
  if (!attestations) {
    if (inputs.provenance) notices.push(droppedFlagNotice(version, 'attestations', 'provenance'));
    if (inputs.sbom) notices.push(droppedFlagNotice(version, 'attestations', 'sbom'));
  }
  const metadataFile = buildxSupports(version, 'metadataFile') ? options.metadataFile : undefined;
  if (!metadataFile) {
    notices.push(
      `${droppedFlagNotice(version, 'metadataFile', 'metadata')} (the metadata output holds the image id only)`,
    );
  }
  const exported = exportArgs(inputs, builder, imageNames, notices);

  const argsFor = (
    role: { cacheFrom: string[]; cacheTo: string[]; files: boolean; noCache: boolean; target?: string },
    exportTo: string[],
  ) => [
    'buildx',
    'build',
    ...repeat('--add-host', inputs.addHosts),
    ...repeat('--build-arg', buildArgs),
    ...repeat(
      '--build-context',
      inputs.buildContexts.map((item) => item.value),
    ),
    ...(inputs.builder ? ['--builder', inputs.builder] : []),
    ...repeat('--cache-from', role.cacheFrom),
    ...repeat('--cache-to', role.cacheTo),
    ...(inputs.file ? ['--file', inputs.file] : []),
    ...(role.files ? ['--iidfile', options.iidFile] : []),
    ...repeat(
      '--label',
      inputs.labels.map((item) => item.value),
    ),
    ...(role.files && metadataFile ? ['--metadata-file', metadataFile] : []),
    ...(inputs.network ? ['--network', inputs.network] : []),
    ...(role.noCache && inputs.noCache ? ['--no-cache'] : []),
    ...(role.noCache ? repeat('--no-cache-filter', inputs.noCacheFilters) : []),
    ...(inputs.platforms.length ? ['--platform', inputs.platforms.join(',')] : []),
    '--progress',
    'plain',
    ...(attestations && provenance ? ['--provenance', provenance] : []),
    ...(inputs.pull ? ['--pull'] : []),
    ...(attestations && inputs.sbom ? ['--sbom', inputs.sbom] : []),
    ...secretArgs,
    ...(inputs.shmSize ? ['--shm-size', inputs.shmSize] : []),
    ...repeat(
      '--ssh',
      inputs.ssh.map((item) => item.value),
    ),
    ...((role.target ?? inputs.target) ? ['--target', role.target ?? inputs.target] : []),
    ...repeat(
      '--ulimit',
      inputs.ulimits.map((item) => item.value),
    ),
    ...exportTo,
    inputs.context,
  ];
  const imageCommand: BuildCommand = {
    role: 'image',
    args: argsFor(
      {
        // Stage images are imported by their own builds; this one reuses their steps from the engine.
        cacheFrom: cache.cacheFrom,
        cacheTo: cacheImage ? [] : cache.cacheTo,
        files: true,
        noCache: true,
      },
      exported.args,
    ),
  };
  // buildx's docker driver is the engine's BuildKit, so it caches a multi-stage build the way the
  // classic builder does: one inline-cache image per stage the target needs, each build importing
  // only its own (that BuildKit mixes up records when two inline caches cover the same steps).
  // Without cache the image is built first and the stage images then come from the engine's cache.
  const stageCommands: BuildCommand[] = cache.stageImages.map(({ stage, ref, imported }) => ({
    role: 'stage-cache',
    stage,
    args: argsFor(
      {
        cacheFrom: inputs.noCache || imported === false ? [] : [`type=registry,ref=${ref}`],
        cacheTo: ['type=inline'],
        files: false,
        noCache: false,
        target: stage,
      },
      // Pushed here when this build pushes; a publishing caller pushes them after its tags.
      [...(inputs.push ? ['--push'] : []), '--tag', ref],
    ),
  }));
  const commands: BuildCommand[] = inputs.noCache
    ? [imageCommand, ...stageCommands]
    : [...stageCommands, imageCommand];
  if (cacheImage) {
    // Everything is in the engine's cache by now: no import, and never --no-cache (steps would run again).
    commands.push({
      role: 'stage-cache',
      stage: inputs.target || 'final',
      // Pushed here when this build pushes; a publishing caller pushes it after its tags.
      args: argsFor({ cacheFrom: [], cacheTo: cache.cacheTo, files: false, noCache: false }, [
        ...(inputs.push ? ['--push'] : []),
        '--tag',
        cacheImage,
      ]),
    });
  }
  return {
    builder,
    commands,
    tags: inputs.tags,
    pushes: [],
    pushedByBuilder: exported.pushes ? imageNames : [],
    env,
    iidFile: options.iidFile,
    ...(metadataFile ? { metadataFile } : {}),
    notices,
  };
}
