import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createRegistryClient,
  dockerConfigCredentials,
  parseReference,
  type RegistryClient,
} from '../registry/index.js';
import type { ManifestBytes } from '../registry/index.js';
import {
  analyzeLayers,
  formatBytes,
  imageModelFromMetadata,
  isIndex,
  platformManifests,
  pullBytes,
  readDockerSave,
  readEngineImage,
  readOciLayout,
  selectPlatform,
  storedAnalysisTag,
  summarisePlatform,
  type AnalysedImage,
  type AnalyzeOptions,
  type BaseImageHint,
  type ContentAnalysis,
  type ImageConfigLike,
  type ImageFromSource,
  type ImageModel,
  type IndexLike,
  type ManifestLike,
} from '../report/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { fetchStoredAnalysisManifest, readStoredAnalysis, writeStoredAnalysis } from './stored-analysis.js';

/** What the report reads, from any source. */
export interface ImageRead {
  model: ImageModel;
  contents?: ContentAnalysis;
  /** Why the file-level analysis was left out, or anything else the reader should know. */
  notices: string[];
  /** The tag of the stored analysis `contents` was read from, instead of the layers. */
  contentsStoredAt?: string;
}

export interface ReadOptions {
  /** The name the report gives the image (`registry/repository`). */
  image: string;
  /** `linux/arm64`: the platform of a multi-platform image to report on (default: the first). */
  platform?: string;
  /** Read the layers' files. */
  contents: boolean;
  /** Layer bytes above which the file-level analysis is skipped with a notice. */
  contentsLimitBytes: number;
  /** The base image as the Dockerfile names it, with its layers: the report splits base and own. */
  base?: BaseImageHint;
  /** Read every platform's manifest of an index for its size (default true; not for a base or baseline). */
  platformSizes?: boolean;
  /**
   * A registry image's analysis stored next to it (a graph's images): read it instead of the layers
   * when there is one to trust, and with `write`, store the analysis read from the layers. Off for a
   * single image, whose run must not gain requests.
   */
  storedAnalysis?: { write: boolean; logger: Logger };
}

/** A registry client per registry host, with docker's credentials (ECR's temporary config included). */
export function registryClients(options: {
  runner: CommandRunner;
  logger: Logger;
  env: NodeJS.ProcessEnv;
}): (registry: string) => RegistryClient {
  const credentials = dockerConfigCredentials({ runner: options.runner, env: options.env });
  const clients = new Map<string, RegistryClient>();
  return (registry) => {
    let client = clients.get(registry);
    if (!client) {
      client = createRegistryClient({
        registry,
        runner: options.runner,
        logger: options.logger,
        credentials,
      });
      clients.set(registry, client);
    }
    return client;
  };
}

/** A manifest or config as JSON; one that is not says which document it was. */
const decode = (bytes: Uint8Array, what: string): unknown => {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new Error(`${what} is not valid JSON (${(error as Error).message})`);
  }
};

/** The analysis is skipped past the limit; the notice says how to raise it. */
function overLimit(bytes: number, limit: number, what: string): string | undefined {
  if (bytes <= limit) return undefined;
  return `The file-level analysis was skipped: the ${what} are ${formatBytes(bytes)}, over report-contents-limit (${formatBytes(limit)}).`;
}

/**
 * An image in a registry, without pulling: its manifest (the bytes the publish already holds, or one
 * GET), through the index to the platform reported on (and each other platform's manifest, for its
 * size), the config, and for the file-level analysis each layer streamed and checked against its
 * digest, one at a time.
 */
export async function readRegistryImage(
  client: RegistryClient,
  target: { image: string; repository: string; reference: string; manifest?: ManifestBytes },
  options: ReadOptions,
): Promise<ImageRead> {
  const top = target.manifest ?? (await client.getManifest(target.repository, target.reference));
  const document = decode(top.bytes, `the manifest ${top.digest}`) as ManifestLike | IndexLike;
  let manifest: ManifestLike;
  let digest = top.digest;
  let index: { digest: string; document: IndexLike } | undefined;
  const others = new Map<string, ManifestLike>();
  /** The manifest reported on: the subject of its stored analysis. */
  let analysed: AnalysedImage = { digest, mediaType: top.mediaType, size: top.bytes.length };
  if (isIndex(document)) {
    index = { digest: top.digest, document };
    const chosen = selectPlatform(document, options.platform);
    const wanted = options.platformSizes === false ? [chosen] : platformManifests(document);
    for (const entry of wanted) {
      const bytes = await client.getManifest(target.repository, entry.digest);
      others.set(entry.digest, decode(bytes.bytes, `the manifest ${entry.digest}`) as ManifestLike);
      if (entry.digest === chosen.digest)
        analysed = { digest: entry.digest, mediaType: bytes.mediaType, size: bytes.bytes.length };
    }
    digest = chosen.digest;
    manifest = others.get(chosen.digest) as ManifestLike;
  } else {
    manifest = document;
  }
  const layerBytes = manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
  const skipped = overLimit(layerBytes, options.contentsLimitBytes, 'compressed layers to read');
  const stored = options.storedAnalysis;
  // Asked for while the config is read: one round trip less per image.
  const storedManifest =
    options.contents && !skipped && stored
      ? fetchStoredAnalysisManifest(client, target.repository, digest)
      : undefined;
  const config = decode(
    await client.getBlob(target.repository, manifest.config.digest),
    `the image config ${manifest.config.digest}`,
  ) as ImageConfigLike;
  const model = imageModelFromMetadata({
    image: options.image,
    manifest,
    config,
    digest,
    index,
    base: options.base,
  });
  if (index && model.platforms) {
    model.platforms = platformManifests(index.document).map((entry) =>
      summarisePlatform(entry, others.get(entry.digest)),
    );
  }
  const notices: string[] = [];
  if (!options.contents) return { model, notices };
  if (skipped) return { model, notices: [skipped] };
  const context = { baseLayerCount: model.base?.layerCount };
  if (stored) {
    const contents = await readStoredAnalysis(
      client,
      target.repository,
      { ...context, imageDigest: digest, layerCount: manifest.layers.length },
      stored.logger,
      storedManifest,
    );
    if (contents) return { model, contents, notices, contentsStoredAt: storedAnalysisTag(digest) };
  }
  const contents = await analyzeLayers(
    manifest.layers.map((layer, position) => ({
      digest: layer.digest,
      diffId: model.layers[position]?.diffId,
    })),
    (layer, position) =>
      client.openBlob(target.repository, layer.digest ?? '', {
        expectedBytes: manifest.layers[position].size,
      }),
    analyzeOptions(model, `${options.image}@${digest}`),
  );
  if (stored?.write) {
    // The analysis is a convenience for the next run: storing it never fails this one.
    await writeStoredAnalysis(client, target.repository, analysed, contents, context).then(
      (tag) =>
        tag
          ? stored.logger.debug(`report: stored the analysis of ${options.image}@${digest} as ${tag}`)
          : stored.logger.debug(`report: the analysis of ${options.image}@${digest} is too large to store`),
      (error: unknown) =>
        stored.logger.warning(
          `report: the analysis of ${options.image}@${digest} was not stored in its registry: ${(error as Error).message ?? String(error)}`,
        ),
    );
  }
  return { model, contents, notices };
}

function analyzeOptions(model: ImageModel, sourceLabel: string): AnalyzeOptions {
  return { baseLayerCount: model.base?.layerCount, sourceLabel };
}

/** An image by reference in its registry: `registry/repo:tag` or `…@sha256:…`. */
export async function readRegistryReference(
  clientFor: (registry: string) => RegistryClient,
  reference: string,
  options: Omit<ReadOptions, 'image'>,
): Promise<ImageRead> {
  const ref = parseReference(reference);
  const image = `${ref.registry}/${ref.repository}`;
  return readRegistryImage(
    clientFor(ref.registry),
    { image, repository: ref.repository, reference: ref.digest ?? ref.tag ?? 'latest' },
    { ...options, image },
  );
}

/** The engine's image (classic builder, docker driver, `load`): `docker save` to a temporary file. */
export async function readEngineSource(
  reference: string,
  engine: { runner: CommandRunner; docker: string; env: NodeJS.ProcessEnv; tmpDir?: string },
  options: ReadOptions,
): Promise<ImageRead> {
  const notices: string[] = [];
  let analyze = options.contents;
  if (analyze) {
    const inspected = await engine.runner.run(
      engine.docker,
      ['image', 'inspect', '--format', '{{.Size}}', reference],
      { env: engine.env },
    );
    const size = Number(inspected.stdout.trim());
    const skipped =
      inspected.exitCode === 0 && Number.isFinite(size)
        ? overLimit(size, options.contentsLimitBytes, 'layers on disk')
        : undefined;
    if (skipped) {
      notices.push(skipped);
      analyze = false;
    }
  }
  const read = await readEngineImage(reference, {
    runner: engine.runner,
    docker: engine.docker,
    env: engine.env,
    tmpDir: engine.tmpDir,
    image: options.image,
    platform: options.platform,
    base: options.base,
    ...(analyze ? {} : { analyze: false }),
  });
  return { ...read, notices };
}

/** A path on disk: an OCI layout directory or a `docker save` tarball (the CLI's report). */
export async function readLocalImage(path: string, options: ReadOptions): Promise<ImageRead> {
  const info = await stat(path).catch(() => undefined);
  const directory = Boolean(info?.isDirectory());
  const read = (analyze: boolean): Promise<ImageFromSource> => {
    const readOptions = {
      image: options.image,
      platform: options.platform,
      base: options.base,
      ...(analyze ? {} : { analyze: false as const }),
    };
    return directory ? readOciLayout(path, readOptions) : readDockerSave(path, readOptions);
  };
  if (!options.contents) return withPlatformSizes(path, directory, { ...(await read(false)), notices: [] });
  // A layout's layer blobs are known from its metadata; a tarball is read whole, so its size counts.
  const bytes = directory
    ? (await read(false)).model.layers.reduce(
        (sum, layer) => sum + (layer.compressedBytes ?? layer.uncompressedBytes ?? 0),
        0,
      )
    : (info?.size ?? 0);
  const skipped = overLimit(bytes, options.contentsLimitBytes, directory ? 'layer blobs' : 'tarball');
  if (skipped) return withPlatformSizes(path, directory, { ...(await read(false)), notices: [skipped] });
  return withPlatformSizes(path, directory, { ...(await read(true)), notices: [] });
}

/** Each platform's compressed size in a multi-platform OCI layout, from its manifest blob. */
async function withPlatformSizes(dir: string, directory: boolean, read: ImageRead): Promise<ImageRead> {
  const { model } = read;
  if (!directory || !model.platforms || model.compressedBytes === undefined) return read;
  const platforms = await Promise.all(
    model.platforms.map(async (platform) => {
      const [algorithm, hex] = platform.digest.split(':');
      if (
        platform.compressedBytes !== undefined ||
        !/^sha(256|512)$/.test(algorithm) ||
        !/^[a-f0-9]+$/.test(hex ?? '')
      )
        return platform;
      const text = await readFile(join(dir, 'blobs', algorithm, hex), 'utf8').catch(() => undefined);
      const manifest = text === undefined ? undefined : (JSON.parse(text) as ManifestLike);
      return manifest?.layers
        ? { ...platform, compressedBytes: pullBytes(manifest), layerCount: manifest.layers.length }
        : platform;
    }),
  );
  return { ...read, model: { ...model, platforms } };
}
