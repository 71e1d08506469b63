import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseDockerfile } from '../build/index.js';
import { expandArgs, externalBases, globalArgs } from '../graph/dockerfile-bases.js';
import { parseReference, type RegistryClient } from '../registry/index.js';
import {
  buildImageReport,
  renderReportJson,
  renderSummaryMarkdown,
  runSmokeTest,
  severityCounts,
  unavailableImageModel,
  type BaseImageHint,
  type ImageReport,
  type ReportInput,
  type ReportTag,
  type ScanInput,
  type SmokeTestResult,
} from '../report/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { replaceFile } from '../util/replace-file.js';
import {
  readEngineSource,
  readLocalImage,
  readRegistryImage,
  readRegistryReference,
  registryClients,
  type ImageRead,
  type ReadOptions,
} from './image-reader.js';
import { chooseBaseline, isMissingImage, readRegistryBaseline } from './report-baseline.js';
import { reportImageSource, type ReportImageSource } from './report-source.js';
import type { ImageBuildInputs } from './inputs.js';
import type { ImageBuildResult } from './image-build-types.js';

export interface ReportDeps {
  runner: CommandRunner;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  /** Where the build's context and Dockerfile paths are relative to (the FROM lines are read there). */
  cwd?: string;
  /** Registry clients by host (tests point them elsewhere); docker's credentials by default. */
  registryClient?: (registry: string) => RegistryClient;
  /**
   * Read the Dockerfile's FROM lines for the base-pinned check (default true). A graph's images each
   * have their own Dockerfile, which the shared inputs do not name: the graph passes false.
   */
  dockerfile?: boolean;
  /**
   * Read the file-level analysis stored next to a registry image instead of its layers, and store it
   * after reading the layers of an image this run built (tag `sha256-<hex>.analysis`). The graph's
   * images only: a single image's run makes no request for it.
   */
  storedAnalysis?: boolean;
}

const OUTCOME: Record<string, ReportTag['outcome']> = {
  pushed: 'pushed',
  written: 'tagged',
  unchanged: 'unchanged',
  'held-back': 'held-back',
  superseded: 'held-back',
};

/** Every tag with what publishing did to it; `local` when nothing was pushed. */
function reportTags(result: ImageBuildResult): ReportTag[] {
  return result.publish
    ? result.publish.registries.flatMap((registry) =>
        registry.tags.map((tag) => ({
          reference: `${registry.image}:${tag.tag}`,
          outcome: OUTCOME[tag.status] ?? 'tagged',
          reason: tag.reason,
        })),
      )
    : result.metadata.tags.map((reference) => ({ reference, outcome: 'local' as const }));
}

/** `registry/repository` of the first image, without a tag. */
function imageName(result: ImageBuildResult, source: ReportImageSource): string {
  if (source.kind === 'registry') return source.image;
  const tagged = result.metadata.tags[0];
  return result.metadata.images[0] ?? (tagged ? tagged.replace(/:[^:/]*$/, '') : 'image');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The report of a run, from wherever the image is cheapest to read (the registry after a push, the
 * engine, the OCI layout the build exported), compared with its baseline, with the build's steps and
 * time, the ECR scan, the smoke test and the checks. The image is built (and published) by now: a
 * part that cannot be read costs the report that part, with a notice, never the run.
 */
export async function reportRun(
  result: ImageBuildResult,
  inputs: ImageBuildInputs,
  deps: ReportDeps,
): Promise<ImageReport> {
  const { logger, runner } = deps;
  const settings = inputs.report;
  const env = {
    ...deps.env,
    ...(result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }),
  };
  const clientFor = deps.registryClient ?? registryClients({ runner, logger, env });
  const source = reportImageSource(result, inputs.build);
  const image = imageName(result, source);
  const notices: string[] = [];
  const dockerfile =
    result.build && deps.dockerfile !== false
      ? readDockerfile(inputs, deps.cwd ?? process.cwd(), env)
      : undefined;
  const options: ReadOptions = {
    image,
    contents: settings.contents,
    contentsLimitBytes: settings.contentsLimitBytes,
    base: dockerfile?.base ? await baseHint(dockerfile.base, inputs, clientFor, logger) : undefined,
    ...(deps.storedAnalysis &&
      source.kind === 'registry' && {
        // Written after its layers were read, for an image this run published (built, or reused with
        // new tags): once per image, so its next no-op run reads one manifest instead of every layer.
        // An image published before analyses were stored, or whose stored one was not trusted, gets it then.
        storedAnalysis: { write: result.publish !== undefined, logger },
      }),
  };
  const readFrom = (contents: boolean) =>
    readSource(source, { ...options, contents }, clientFor, { runner, env });
  let read: ImageRead | undefined;
  try {
    read = await readFrom(settings.contents).catch(async (error: unknown) => {
      if (!settings.contents) throw error;
      // The sizes are still worth having when a layer's files could not be read.
      notices.push(`The file-level analysis failed: ${message(error)}`);
      return readFrom(false);
    });
  } catch (error) {
    logger.warning(`report: could not read the image: ${message(error)}`);
    notices.push(`The image could not be read (${message(error)}): the report has no sizes.`);
  } finally {
    if (source.kind === 'oci-layout') await rm(source.dir, { recursive: true, force: true });
  }
  if (source.kind === 'unavailable') notices.push(`No sizes: ${source.reason}.`);

  const baseline = read ? await readBaseline(result, inputs, read, clientFor, env, notices) : undefined;
  const smokeTest = settings.smokeTest
    ? await smokeTestRun(result, inputs, source, read, env, deps, notices)
    : undefined;
  const scan = result.scans[0];
  const storedNote = read?.contentsStoredAt && storedAnalysisNote(read.contentsStoredAt);
  const input: ReportInput = {
    model: read?.model ?? unavailableImageModel(image),
    contents: read?.contents,
    tags: reportTags(result),
    build: result.build ? { steps: result.build.result.steps, totalSeconds: result.buildSeconds } : undefined,
    baseline,
    ...(scan && { scan: { status: scan.status, counts: severityCounts(scan.counts) } satisfies ScanInput }),
    smokeTest,
    fromReferences: dockerfile?.fromReferences,
    policy: settings.policy,
    pricePerGbMonth: settings.pricePerGbMonth,
    notices: [...(read?.notices ?? []), ...(storedNote ? [storedNote] : []), ...notices],
  };
  const report = buildImageReport(input);
  for (const notice of report.notices) {
    // The stored-analysis note is for the report's reader, not a notice on every reused image's run.
    if (notice === storedNote) logger.debug(`report: ${notice}`);
    else logger.notice(`report: ${notice}`);
  }
  return report;
}

/** Said where the report shows the analysis, so no one takes it for a fresh reading of the layers. */
export function storedAnalysisNote(tag: string): string {
  return `The file-level analysis was read from the analysis stored with this unchanged image (tag ${tag}), not recomputed from its layers.`;
}

async function readSource(
  source: ReportImageSource,
  options: ReadOptions,
  clientFor: (registry: string) => RegistryClient,
  engine: { runner: CommandRunner; env: NodeJS.ProcessEnv },
): Promise<ImageRead | undefined> {
  switch (source.kind) {
    case 'registry': {
      const ref = parseReference(source.image);
      return readRegistryImage(
        clientFor(ref.registry),
        {
          image: source.image,
          repository: ref.repository,
          reference: source.digest,
          manifest: source.manifest,
        },
        options,
      );
    }
    case 'engine':
      return readEngineSource(
        source.reference,
        { ...engine, docker: source.docker, tmpDir: engine.env.RUNNER_TEMP || undefined },
        options,
      );
    case 'oci-layout':
      return readLocalImage(source.dir, options);
    case 'unavailable':
      return undefined;
  }
}

/** The baseline from its registry, with the layer sizes the current image's can be compared with. */
async function readBaseline(
  result: ImageBuildResult,
  inputs: ImageBuildInputs,
  current: ImageRead,
  clientFor: (registry: string) => RegistryClient,
  env: NodeJS.ProcessEnv,
  notices: string[],
): Promise<ReportInput['baseline']> {
  const target = chooseBaseline({
    choice: inputs.report.baseline,
    image: result.publish?.registries[0]?.image ?? result.metadata.images[0],
    context: result.context,
    metadataInputs: inputs.metadata,
    metadata: result.metadata,
    existingTags: result.existingTags,
    baseRef: env.GITHUB_BASE_REF,
  });
  if (!target) return undefined;
  try {
    const { model, notice } = await readRegistryBaseline(
      clientFor,
      target.reference,
      inputs.report.contents ? current : { ...current, contents: undefined },
      inputs.report.contentsLimitBytes,
    );
    if (notice) notices.push(notice);
    return { model, label: target.label };
  } catch (error) {
    notices.push(
      isMissingImage(error)
        ? `No comparison: the baseline ${target.label} (${target.why}) does not exist yet.`
        : `No comparison: the baseline ${target.label} (${target.why}) could not be read: ${message(error)}`,
    );
    return undefined;
  }
}

/** The smoke test on the engine: the image is there (engine source), or the engine pulls it (pushed). */
async function smokeTestRun(
  result: ImageBuildResult,
  inputs: ImageBuildInputs,
  source: ReportImageSource,
  read: ImageRead | undefined,
  env: NodeJS.ProcessEnv,
  deps: ReportDeps,
  notices: string[],
): Promise<SmokeTestResult | undefined> {
  const settings = inputs.report.smokeTest;
  if (!settings) return undefined;
  const image =
    source.kind === 'engine'
      ? source.reference
      : source.kind === 'registry'
        ? `${source.image}@${source.digest}`
        : undefined;
  if (!image) {
    notices.push('The smoke test did not run: the image is not in the engine; set `load: true` or push.');
    return undefined;
  }
  deps.logger.info(`report: smoke test of ${image}`);
  try {
    return await runSmokeTest({
      runner: deps.runner,
      docker: source.kind === 'engine' ? source.docker : (result.build?.builder.docker ?? 'docker'),
      env,
      image,
      network: settings.network,
      timeoutSeconds: settings.timeoutSeconds,
      ...(settings.command && { command: settings.command }),
      healthcheck: read?.model.hasHealthcheck ?? false,
    });
  } catch (error) {
    notices.push(`The smoke test could not run: ${message(error)}`);
    return undefined;
  }
}

interface DockerfileFacts {
  /** The images the FROM lines name (build args applied), for the base-pinned check. */
  fromReferences: string[];
  /** The image the built stage starts from, through the stages it is built on. */
  base?: string;
}

/** What the report reads from the Dockerfile; undefined when it is not on disk (a remote context). */
function readDockerfile(
  inputs: ImageBuildInputs,
  cwd: string,
  env: NodeJS.ProcessEnv,
): DockerfileFacts | undefined {
  const { build } = inputs;
  const file = build.file || join(build.context, 'Dockerfile');
  let text: string;
  try {
    text = readFileSync(isAbsolute(file) ? file : resolve(cwd, file), 'utf8');
  } catch {
    return undefined;
  }
  const args = new Map<string, string | undefined>();
  for (const item of build.buildArgs) {
    const equals = item.value.indexOf('=');
    if (equals < 0) args.set(item.value, env[item.value]);
    else args.set(item.value.slice(0, equals), item.value.slice(equals + 1));
  }
  const info = parseDockerfile(text);
  const target = build.target || undefined;
  const fromReferences = externalBases(text, info, target, args).map(
    (base) => base.reference ?? base.written,
  );
  // The built stage's own chain of FROMs, down to an image.
  const values = new Map(globalArgs(text));
  for (const [name, value] of args) if (values.has(name)) values.set(name, value);
  let stage = target
    ? info.stages.find(
        (candidate) => candidate.name === target.toLowerCase() || String(candidate.index) === target,
      )
    : info.stages.at(-1);
  while (stage) {
    const from = expandArgs(stage.base, values);
    const index: number = stage.index;
    const earlier = info.stages.find(
      (other) => other.index < index && other.name === from.text.toLowerCase(),
    );
    if (!earlier) {
      const image = from.unresolved.length || from.text.toLowerCase() === 'scratch' ? undefined : from.text;
      return { fromReferences, ...(image && { base: image }) };
    }
    stage = earlier;
  }
  return { fromReferences };
}

/**
 * The base image's layers (its config's diff_ids) from its registry, so the report can tell the
 * base's layers from the image's own; nothing when the base cannot be read (it is then not split).
 */
async function baseHint(
  reference: string,
  inputs: ImageBuildInputs,
  clientFor: (registry: string) => RegistryClient,
  logger: Logger,
): Promise<BaseImageHint | undefined> {
  try {
    const { model } = await readRegistryReference(clientFor, reference, {
      platform: inputs.build.platforms[0],
      contents: false,
      contentsLimitBytes: 0,
      platformSizes: false,
    });
    const diffIds = model.layers.map((layer) => layer.diffId ?? '');
    return { name: reference, digest: model.indexDigest ?? model.digest, diffIds };
  } catch (error) {
    logger.debug(`report: the base image ${reference} was not read: ${message(error)}`);
    return undefined;
  }
}

/** The report's outputs: sizes in bytes, efficiency 0–1, the JSON file's path and the markdown. */
export function reportOutputs(
  report: ImageReport,
  files: { json: string; markdown: string },
): Record<string, string> {
  return {
    size: report.sizes.compressedBytes?.toString() ?? '',
    'size-uncompressed': report.sizes.uncompressedBytes?.toString() ?? '',
    efficiency: report.contents ? report.contents.efficiency.toFixed(4) : '',
    report: files.json,
    'report-markdown': files.markdown,
  };
}

/**
 * Writes the JSON report: into `dir` as image-build-report.json (the CLI), or into a directory of its
 * own under `tempRoot` (the action: RUNNER_TEMP, so two steps of a job never share a file).
 */
export async function writeReportJson(
  report: ImageReport,
  where: { dir: string } | { tempRoot?: string },
): Promise<string> {
  const dir =
    'dir' in where ? where.dir : await mkdtemp(join(where.tempRoot || tmpdir(), 'image-build-report-'));
  const path = join(dir, 'image-build-report.json');
  await replaceFile(path, renderReportJson(report));
  return path;
}

/**
 * The checks that failed at level `fail`, as one message; undefined when none did. A run fails on them
 * last, so the message says what was done before (`published and reported`).
 */
export function failedChecksMessage(report: ImageReport, doneFirst?: string): string | undefined {
  const failed = report.checks.filter((check) => check.status === 'fail');
  if (failed.length === 0) return undefined;
  const what = failed.length === 1 ? 'a check' : `${failed.length} checks`;
  const after = doneFirst ? ` (the image was ${doneFirst} first)` : '';
  return `${what} of ${report.image} failed${after}: ${failed.map((check) => `${check.name}: ${check.detail}`).join('; ')}`;
}

/** The report as markdown, read back with the credentials the run used (the graph's per-image report). */
export async function renderRunReport(
  result: ImageBuildResult,
  inputs: ImageBuildInputs,
  deps: ReportDeps,
): Promise<string> {
  return renderSummaryMarkdown(await reportRun(result, inputs, deps));
}
