import { performance } from 'node:perf_hooks';
import { detectBuilder, diskFiles, validateBuild, type Builder } from '../build/index.js';
import {
  ImagesFileError,
  inputsTag,
  loadImagesFile,
  manifestSize,
  orderGraph,
  runScheduled,
  type GraphImageRow,
  type GraphPlan,
  type GraphPlanEntry,
  type GraphResult,
  type ImagesFile,
} from '../graph/index.js';
import { registryWriters, type PublishResult, type WriterFactory } from '../publish/index.js';
import { dockerConfigCredentials, parseReference } from '../registry/index.js';
import { InputError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import {
  createInputsHasher,
  readGraphImage,
  type GraphImage,
  type HashedInputs,
  type InputsHasher,
  type ParentReference,
} from './graph-images.js';
import type { ImageBuildInputs, ReadInput } from './inputs.js';
import { runImageBuild, type ImageBuildDeps, type ImageBuildResult } from './image-build.js';
import { createRunTagsCache } from './tags.js';

export interface GraphOptions {
  /** The images file: its path, or one already loaded with `loadImagesFile`. */
  file: string | ImagesFile;
  /**
   * The run's own inputs (the action's, or the CLI's flags by input name): push, cache, builder,
   * provenance, … for every image, and the defaults of what the file does not set per image.
   */
  read?: ReadInput;
  /** The registry (and path) of images that name no repository: `<registry>/<image name>`. */
  registry?: string;
}

export interface RunGraphOptions extends GraphOptions {
  /** Build only these images (a matrix job each); their parents must already be published at their inputs. */
  only?: readonly string[];
  /** How many images build at once (default 2); reusing an image takes no build slot. */
  concurrency?: number;
  /** Reuse a published image whose inputs are unchanged instead of building it (default true). */
  reuse?: boolean;
}

export interface GraphDeps extends ImageBuildDeps {
  /** Registry access for the inputs tags and the digests of external bases; Docker's credentials by default. */
  writers?: WriterFactory;
  /** One image's run; `runImageBuild` by default (tests count or fake it). */
  runImage?: (inputs: ImageBuildInputs, deps: ImageBuildDeps) => Promise<ImageBuildResult>;
}

/** The run's result: a row per image, and each image's own result (for its detailed report). */
export interface GraphRunResult extends GraphResult {
  images: Map<string, ImageBuildResult>;
}

/** Some images failed or were skipped: every other image was still built; `result` has every row. */
export class GraphFailedError extends Error {
  readonly result: GraphRunResult;
  constructor(result: GraphRunResult) {
    const failed = result.rows.filter((row) => row.status === 'failed').map((row) => row.name);
    const skipped = result.rows.filter((row) => row.status === 'skipped').map((row) => row.name);
    super(
      `the graph failed: ${failed.join(', ')} failed` +
        (skipped.length ? `; ${skipped.join(', ')} skipped` : ''),
    );
    this.name = 'GraphFailedError';
    this.result = result;
  }
}

interface PreparedGraph {
  file: ImagesFile;
  images: GraphImage[];
  byName: Map<string, GraphImage>;
  levels: string[][];
  writers: WriterFactory;
  hasher: InputsHasher;
  now: Date;
}

/** What the registry says about an image before anything is built. */
interface Survey {
  hashed?: HashedInputs;
  tag?: string;
  published: boolean | null;
  digest?: string;
  reason?: string;
}

/**
 * The graph as JSON for a workflow's matrix: each image in order with its level, parents, inputs hash
 * and whether it is already published (one HEAD per repository). A child whose parent must be built
 * first has no hash yet: its parent's digest is one of its inputs.
 */
export async function planGraph(options: GraphOptions, deps: GraphDeps): Promise<GraphPlan> {
  deps = withTagsCache(deps);
  const prepared = await prepareGraph(options, deps);
  const surveys = await surveyGraph(prepared, deps.logger);
  return {
    file: prepared.file.path,
    levels: prepared.levels,
    images: prepared.images.map((image): GraphPlanEntry => {
      const survey = surveys.get(image.spec.name) as Survey;
      return {
        name: image.spec.name,
        level: image.level,
        dependsOn: image.spec.dependsOn.map((parent) => parent.name),
        images: image.repositories,
        ...(survey.hashed?.hash && { inputsHash: survey.hashed.hash, inputsTag: survey.tag }),
        published: survey.published,
        ...(survey.digest && { digest: survey.digest }),
        ...(survey.reason && { reason: survey.reason }),
      };
    }),
  };
}

/**
 * Builds the images file: parents before children, independent images in parallel (`concurrency`).
 * Each image whose inputs hash is already published under `inputs-<hash16>` is reused (its tags are
 * manifest PUTs, nothing is built or uploaded); the others are built and published by the single-image
 * run, with each parent passed as `<repository>@<digest>` in its build arg, then tagged with their
 * inputs tag. Every input of every image is checked before the first build. An image that fails has
 * its descendants skipped; the rest go on, and the run throws GraphFailedError at the end.
 */
export async function runGraph(options: RunGraphOptions, deps: GraphDeps): Promise<GraphRunResult> {
  const started = performance.now();
  deps = withTagsCache(deps);
  const prepared = await prepareGraph(options, deps);
  const { byName, hasher, writers, file } = prepared;
  const reuse = options.reuse ?? true;
  const concurrency = options.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError('concurrency', `must be a whole number of at least 1, not ${concurrency}`);
  }
  const selected = selectImages(prepared, options.only);
  const surveys = await surveyGraph(prepared, deps.logger);
  const reusable = (image: GraphImage) =>
    reuse && !image.inputs.build.noCache && surveys.get(image.spec.name)?.published === true;

  for (const image of selected) {
    for (const parent of image.spec.dependsOn) {
      if (selected.some((other) => other.spec.name === parent.name)) continue;
      if (!surveys.get(parent.name)?.published) {
        throw new InputError(
          'only',
          `"${image.spec.name}" needs its parent "${parent.name}" published at its current inputs (${surveys.get(parent.name)?.reason ?? 'it is not'}): build "${parent.name}" first`,
        );
      }
    }
  }

  // Every image that may build is checked against the builder before the first one builds.
  let builder: Builder | undefined = deps.builder;
  const mayBuild = selected.filter((image) => !reusable(image));
  if (mayBuild.length > 0) {
    builder ??= await detectBuilder(deps.runner, deps.env, {
      builder: mayBuild[0].inputs.build.builder || undefined,
    });
    for (const image of mayBuild) {
      try {
        validateBuild(image.inputs.build, builder, diskFiles, deps.cwd);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new ImagesFileError(
          file.path,
          `image "${image.spec.name}": ${error.message}`,
          image.spec.position,
        );
      }
    }
  }

  const runImage = deps.runImage ?? runImageBuild;
  const results = new Map<string, ImageBuildResult>();
  const rows = new Map<string, GraphImageRow>();
  const names = new Set(selected.map((image) => image.spec.name));
  const outcomes = await runScheduled<ParentReference['reference']>(
    // A reused parent's digest is known from the survey: its children need not wait for its tags.
    selected.map((image) => ({
      name: image.spec.name,
      parents: image.spec.dependsOn
        .map((parent) => parent.name)
        .filter((name) => names.has(name) && !reusable(byName.get(name) as GraphImage)),
      light: reusable(image),
    })),
    async (name, built) => {
      const imageStarted = performance.now();
      const image = byName.get(name) as GraphImage;
      const row: GraphImageRow = {
        name,
        level: image.level,
        status: 'failed',
        image: image.repositories[0] ?? image.metadata.tags[0],
        parents: [],
        tags: [],
        durationMs: 0,
      };
      rows.set(name, row);
      try {
        row.parents = image.spec.dependsOn.map((parent) => ({
          name: parent.name,
          arg: parent.arg,
          reference:
            built.get(parent.name) ?? publishedReference(byName.get(parent.name), surveys.get(parent.name)),
        }));
        const imageDeps: ImageBuildDeps = {
          ...deps,
          now: prepared.now,
          builder,
          logger: prefixed(deps.logger, name),
        };
        const hashed = await hasher.hash(image, row.parents);
        row.inputsHash = hashed.hash;
        const tag = hashed.hash ? inputsTag(hashed.hash) : undefined;
        const published =
          tag && reuse && !image.inputs.build.noCache && image.repositories.length > 0
            ? await publishedAt(image, tag, writers, surveys.get(name))
            : undefined;
        if (published && tag) {
          imageDeps.logger.info(`inputs unchanged (${tag}): reusing ${image.repositories[0]}@${published}`);
          const result = await runImage(
            {
              ...image.inputs,
              // Its tags most likely point at it already (a re-run): looked at first, written if not.
              publish: {
                ...image.inputs.publish,
                promoteFrom: `${image.repositories[0]}@${published}`,
                lookFirst: true,
              },
            },
            imageDeps,
          );
          results.set(name, result);
          Object.assign(
            row,
            { status: 'reused', reason: `inputs unchanged (${tag})` },
            publishedFacts(result.publish, tag),
          );
          return `${image.repositories[0]}@${published}`;
        }
        if (!hashed.hash) imageDeps.logger.notice(`building: ${hashed.reason}`);
        builder ??= await detectBuilder(deps.runner, deps.env, {
          builder: image.inputs.build.builder || undefined,
        });
        const buildArgs = [
          ...image.inputs.build.buildArgs,
          ...hashed.parentArgs.map((value, index) => ({
            value,
            line: image.inputs.build.buildArgs.length + index + 1,
          })),
        ];
        const result = await runImage(
          { ...image.inputs, build: { ...image.inputs.build, buildArgs } },
          { ...imageDeps, builder },
        );
        results.set(name, result);
        row.status = 'built';
        if (!result.publish) {
          row.digest = result.build?.result.digest ?? result.build?.result.imageId;
          row.tags = image.metadata.tagNames;
          return image.metadata.tags[0] ?? row.digest ?? '';
        }
        if (tag) {
          // Written last: the inputs tag says "published for these inputs", so only a complete publish gets it.
          for (const registry of result.publish.registries) {
            await writers(registry.registry).putTags(registry.repository, registry.manifest, [tag]);
          }
        }
        Object.assign(row, publishedFacts(result.publish, tag));
        return `${image.repositories[0]}@${result.publish.digest}`;
      } finally {
        row.durationMs = Math.round(performance.now() - imageStarted);
      }
    },
    { concurrency },
  );

  const finalRows = outcomes.map((outcome): GraphImageRow => {
    const image = byName.get(outcome.name) as GraphImage;
    const row = rows.get(outcome.name) ?? {
      name: outcome.name,
      level: image.level,
      status: 'skipped',
      image: image.repositories[0],
      parents: [],
      tags: [],
      durationMs: 0,
    };
    if (outcome.status === 'failed') {
      row.status = 'failed';
      row.reason = (outcome.error as Error).message ?? String(outcome.error);
      deps.logger.error(`${outcome.name}: ${row.reason}`);
    }
    if (outcome.status === 'skipped') Object.assign(row, { status: 'skipped', reason: outcome.reason });
    return row;
  });
  const result: GraphRunResult = {
    ok: finalRows.every((row) => row.status === 'built' || row.status === 'reused'),
    rows: finalRows,
    durationMs: Math.round(performance.now() - started),
    images: results,
  };
  if (!result.ok) throw new GraphFailedError(result);
  return result;
}

async function prepareGraph(options: GraphOptions, deps: GraphDeps): Promise<PreparedGraph> {
  const file = typeof options.file === 'string' ? await loadImagesFile(options.file) : options.file;
  const { order, levels, byLevel } = orderGraph(file);
  const now = deps.now ?? new Date();
  const read = options.read ?? (() => '');
  // Read at once (the tag engine may run git); in order, so the first bad image in the file is the one reported.
  const reads = order.map((spec) =>
    readGraphImage(
      spec,
      { file, read, registry: options.registry, level: levels.get(spec.name) ?? 0, now },
      deps,
    ),
  );
  await Promise.allSettled(reads);
  const images: GraphImage[] = [];
  for (const image of reads) images.push(await image);
  const writers =
    deps.writers ??
    registryWriters({
      runner: deps.runner,
      logger: deps.logger,
      credentials: dockerConfigCredentials({ runner: deps.runner, env: deps.env }),
    });
  return {
    file,
    images,
    byName: new Map(images.map((image) => [image.spec.name, image])),
    levels: byLevel,
    writers,
    hasher: createInputsHasher({ env: deps.env, writers, logger: deps.logger }),
    now,
  };
}

/** Every image of the graph shares one read of the run context (git, event, GitHub API). */
function withTagsCache(deps: GraphDeps): GraphDeps {
  return deps.tagsCache ? deps : { ...deps, tagsCache: createRunTagsCache() };
}

function selectImages(prepared: PreparedGraph, only: readonly string[] | undefined): GraphImage[] {
  if (!only || only.length === 0) return prepared.images;
  for (const name of only) {
    if (!prepared.byName.has(name)) {
      throw new InputError(
        'only',
        `"${name}" is not an image of ${prepared.file.path} (images: ${[...prepared.byName.keys()].join(', ')})`,
      );
    }
  }
  return prepared.images.filter((image) => only.includes(image.spec.name));
}

/**
 * Hashes each image in order and asks each repository for its inputs tag. A parent's digest is one of
 * its child's inputs, so a child is hashed only when its parents are published at their own inputs.
 */
async function surveyGraph(prepared: PreparedGraph, logger: Logger): Promise<Map<string, Survey>> {
  const surveys = new Map<string, Survey>();
  // Every context is hashed from the start, while the first level's registry requests are in flight.
  for (const image of prepared.images) prepared.hasher.warm(image);
  // Level by level: every parent is surveyed before its children; the images of a level at once.
  for (const names of prepared.levels) {
    const level = names.map((name) => prepared.byName.get(name) as GraphImage);
    const results = await Promise.all(level.map((image) => surveyImage(prepared, image, surveys, logger)));
    level.forEach((image, index) => surveys.set(image.spec.name, results[index]));
  }
  return surveys;
}

async function surveyImage(
  prepared: PreparedGraph,
  image: GraphImage,
  surveys: ReadonlyMap<string, Survey>,
  logger: Logger,
): Promise<Survey> {
  const parents: ParentReference[] = [];
  for (const parent of image.spec.dependsOn) {
    const survey = surveys.get(parent.name);
    if (!survey?.published) return { published: null, reason: `its parent ${parent.name} builds first` };
    parents.push({ ...parent, reference: publishedReference(prepared.byName.get(parent.name), survey) });
  }
  const hashed = await prepared.hasher.hash(image, parents);
  if (!hashed.hash) return { hashed, published: null, reason: hashed.reason };
  const tag = inputsTag(hashed.hash);
  if (image.repositories.length === 0) {
    return { hashed, tag, published: null, reason: 'push is off: nothing is published' };
  }
  try {
    const digest = await publishedAt(image, tag, prepared.writers);
    return { hashed, tag, published: digest !== undefined, digest };
  } catch (error) {
    const reason = `the registry could not be asked: ${(error as Error).message}`;
    logger.warning(`${image.spec.name}: ${reason}`);
    return { hashed, tag, published: null, reason };
  }
}

/**
 * The digest the inputs tag points at, when every repository of the image has it on the same manifest
 * (a HEAD each); the survey's answer when it asked about the same tag.
 */
async function publishedAt(
  image: GraphImage,
  tag: string,
  writers: WriterFactory,
  survey?: Survey,
): Promise<string | undefined> {
  if (survey?.tag === tag && survey.published !== null) return survey.digest;
  let digest: string | undefined;
  for (const repository of image.repositories) {
    const ref = parseReference(repository);
    const found = await writers(ref.registry).resolveTag(ref.repository, tag);
    if (!found || (digest && found !== digest)) return undefined;
    digest = found;
  }
  return digest;
}

function publishedReference(image: GraphImage | undefined, survey: Survey | undefined): string {
  if (!image || !survey?.digest) throw new Error(`no published digest for ${image?.spec.name ?? 'a parent'}`);
  return `${image.repositories[0]}@${survey.digest}`;
}

/** Digest, size and the tags that point at the image in its first repository. */
function publishedFacts(publish: PublishResult | undefined, tag: string | undefined): Partial<GraphImageRow> {
  const first = publish?.registries[0];
  if (!publish || !first) return {};
  const tags = first.tags
    .filter((outcome) => ['pushed', 'written', 'unchanged'].includes(outcome.status))
    .map((outcome) => outcome.tag);
  return {
    digest: publish.digest,
    size: manifestSize(first.manifest.bytes, first.manifest.mediaType),
    tags: tag && !tags.includes(tag) ? [...tags, tag] : tags,
  };
}

/** Each line prefixed with the image's name, so parallel builds stay readable (and inert as commands). */
function prefixed(logger: Logger, name: string): Logger {
  const tag = (message: string) =>
    message
      .replace(/\n+$/, '')
      .split('\n')
      .map((line) => `[${name}] ${line}`)
      .join('\n');
  return {
    debug: (message) => logger.debug(tag(message)),
    info: (message) => logger.info(tag(message)),
    notice: (message) => logger.notice(tag(message)),
    warning: (message) => logger.warning(tag(message)),
    error: (message) => logger.error(tag(message)),
    // Groups cannot nest or interleave on a runner: a parallel image's group is a plain line.
    startGroup: (title) => logger.info(tag(`▸ ${title}`)),
    endGroup: () => undefined,
    setSecret: (value) => logger.setSecret(value),
  };
}
