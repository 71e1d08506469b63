import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import tar, { type ExtractEvents } from 'tar-stream';
import { InputError } from '../../util/errors.js';
import { finishAnalysis, type LayerBlobRef } from '../contents/analyze.js';
import { LayeredFilesystem } from '../contents/filesystem.js';
import { normalisePath, peek, scanLayer, type LayerEntry } from '../contents/layer-scan.js';
import { imageModelFromMetadata } from '../model/from-metadata.js';
import type { ImageConfigLike, IndexLike, ManifestLike } from '../model/oci.js';
import { ImageContentError } from './errors.js';
import { blobPath, hasCompressedLayers, resolveOciImage, type ResolvedImage } from './oci-index.js';
import { parseJson, type ImageFromSource, type ReadImageOptions } from './oci-layout.js';

/** Small JSON members (manifests, configs) are kept; anything bigger is a layer or not ours. */
const METADATA_LIMIT = 8 << 20;

interface SaveManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
}

interface ScannedMember {
  entries: LayerEntry[];
  tarBytes: number;
}

type Member = ExtractEvents['entry'][1];

/**
 * A `docker save` / `docker image save` tarball, read in one streaming pass: the legacy layout
 * (`<id>/layer.tar`, `manifest.json`) and the OCI layout newer engines write (`blobs/sha256/…`,
 * `index.json`), plain or gzip'd layers. Members come in name order, not layer order, so each layer's
 * entries are kept (paths and sizes, never contents) until `manifest.json` gives the order.
 */
export async function readDockerSave(path: string, options: ReadImageOptions = {}): Promise<ImageFromSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError('image', `${path}: no such file (expected a \`docker save\` tarball)`);
  if (!info.isFile())
    throw new InputError('image', `${path} is not a file (expected a \`docker save\` tarball)`);
  const analyze = options.analyze !== false;
  const metadata = new Map<string, string>();
  const scans = new Map<string, ScannedMember>();
  const links = new Map<string, string>();

  await eachMember(path, async (member) => {
    const name = normalisePath(member.header.name) ?? '';
    const size = member.header.size ?? 0;
    if (member.header.type === 'symlink' || member.header.type === 'link') {
      // The legacy layout links a repeated layer to its first copy.
      const dir = member.header.type === 'symlink' ? name.slice(0, Math.max(0, name.lastIndexOf('/'))) : '';
      const target = resolveLink(dir, member.header.linkname);
      if (target !== undefined) links.set(name, target);
      return drain(member);
    }
    if (member.header.type !== 'file') return drain(member);
    const isLayer = name.endsWith('/layer.tar') || name === 'layer.tar';
    const isBlob = name.startsWith('blobs/');
    if (!isLayer && !isBlob) {
      if (size <= METADATA_LIMIT && /(?:^|\/)(?:[^/]*\.json|repositories|oci-layout)$/.test(name)) {
        metadata.set(name, await text(member));
        return;
      }
      return drain(member);
    }
    const stream = Readable.from(member, { objectMode: false });
    const first = (await peek(stream))[0];
    if (isBlob && first === 0x7b && size <= METADATA_LIMIT) {
      metadata.set(name, await text(stream));
      return;
    }
    if (!analyze) return drain(stream);
    const entries: LayerEntry[] = [];
    const { tarBytes } = await scanLayer(stream, (entry) => entries.push(entry), {
      label: `layer ${name} of ${path}`,
    });
    scans.set(name, { entries, tarBytes });
  });

  const image = await imageOf(path, metadata, options);
  const model = imageModelFromMetadata({
    image: options.image ?? image.repoTags[0]?.replace(/:[^:/]+$/, '') ?? path,
    manifest: image.manifest,
    config: image.config,
    digest: image.digest,
    index: image.index,
    tags: image.repoTags,
    base: options.base,
    source: 'docker-save',
    compressedLayers: image.compressed,
  });
  if (!analyze) return { model };

  const filesystem = new LayeredFilesystem();
  const resolve = (name: string) => links.get(name) ?? name;
  image.layerNames.forEach((name, index) => {
    const scan = scans.get(resolve(name));
    if (!scan)
      throw new ImageContentError(`${path} lists layer ${name} but does not contain it (truncated?)`);
    const layer = filesystem.beginLayer(index);
    for (const entry of scan.entries) filesystem.apply(layer, entry);
    layer.tarBytes = scan.tarBytes;
  });
  scans.clear();
  const refs: LayerBlobRef[] = model.layers.map((layer) => ({ digest: layer.digest, diffId: layer.diffId }));
  const contents = await finishAnalysis(
    filesystem,
    refs,
    (_, index) => openMember(path, resolve(image.layerNames[index])),
    { baseLayerCount: model.base?.layerCount, sourceLabel: path, ...options.analyze },
  );
  return { model, contents };
}

interface SavedImage {
  manifest: ManifestLike;
  config: ImageConfigLike;
  digest?: string;
  index?: ResolvedImage['index'];
  repoTags: string[];
  layerNames: string[];
  compressed: boolean;
}

/** The image in the tarball: `manifest.json` (both layouts write it), else the OCI `index.json`. */
async function imageOf(
  path: string,
  metadata: Map<string, string>,
  options: ReadImageOptions,
): Promise<SavedImage> {
  const json = (name: string): unknown => {
    const content = metadata.get(name);
    if (content === undefined)
      throw new ImageContentError(`${path} has no ${name}: not a \`docker save\` tarball, or truncated`);
    return parseJson(content, `${path}: ${name}`);
  };
  const readBlob = async (digest: string) => json(blobPath(digest, path));
  if (!metadata.has('manifest.json') && metadata.has('index.json')) {
    const resolved = await resolveOciImage(json('index.json') as IndexLike, readBlob, options, path);
    return {
      ...resolved,
      repoTags: resolved.refName ? [resolved.refName] : [],
      layerNames: resolved.manifest.layers.map((layer) => blobPath(layer.digest, path)),
      compressed: hasCompressedLayers(resolved.manifest),
    };
  }
  const entries = json('manifest.json') as SaveManifestEntry[];
  if (!Array.isArray(entries) || entries.length === 0)
    throw new ImageContentError(`${path}: manifest.json lists no image`);
  const entry = options.tag
    ? entries.find((item) =>
        item.RepoTags?.some((tag) => tag === options.tag || tag.endsWith(`:${options.tag}`)),
      )
    : entries[0];
  if (!entry) {
    const tags = entries.flatMap((item) => item.RepoTags ?? []);
    throw new InputError(
      'tag',
      `${path} has no image tagged ${options.tag}; it has ${tags.join(', ') || 'untagged images'}`,
    );
  }
  const configText = metadata.get(normalisePath(entry.Config) ?? entry.Config);
  if (configText === undefined)
    throw new ImageContentError(`${path} lacks the image config ${entry.Config} (truncated?)`);
  const config = parseJson(configText, `${path}: ${entry.Config}`) as ImageConfigLike;
  const layerNames = entry.Layers.map((name) => normalisePath(name) ?? name);
  // Newer engines also write the OCI manifest: its digest is the image's, as a registry would show it.
  const oci = metadata.has('index.json')
    ? await resolveOciImage(json('index.json') as IndexLike, readBlob, options, path).catch(() => undefined)
    : undefined;
  const diffIds = config.rootfs?.diff_ids ?? [];
  const manifest: ManifestLike = oci?.manifest ?? {
    config: {
      size: Buffer.byteLength(configText),
      digest: `sha256:${createHash('sha256').update(configText).digest('hex')}`,
    },
    layers: layerNames.map((_, index) => ({ digest: diffIds[index] ?? '', size: 0 })),
  };
  return {
    manifest,
    config,
    digest: oci?.digest,
    repoTags: entry.RepoTags ?? [],
    layerNames,
    compressed: oci ? hasCompressedLayers(oci.manifest) : false,
  };
}

async function eachMember(path: string, onMember: (member: Member) => Promise<void>): Promise<void> {
  const extract = tar.extract();
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  file.on('error', (error) => extract.destroy(error));
  file.pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const member of extract) await onMember(member);
  } catch (error) {
    if (error instanceof ImageContentError || error instanceof InputError) throw error;
    throw new ImageContentError(`${path} is truncated or corrupt: ${(error as Error).message}`);
  } finally {
    file.destroy();
  }
}

/** One member's stream, found by a second pass that stops there (for the exact duplicate check). */
function openMember(path: string, name: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    let found = false;
    extract.on('entry', (header, stream, next) => {
      if (found || normalisePath(header.name) !== name) {
        stream.on('end', () => next());
        stream.resume();
        return;
      }
      found = true;
      const layer = Readable.from(stream, { objectMode: false });
      layer.on('close', () => file.destroy());
      resolve(layer);
    });
    extract.on('finish', () => found || reject(new ImageContentError(`${path} no longer contains ${name}`)));
    extract.on(
      'error',
      (error: Error) => found || reject(new ImageContentError(`${path}: ${error.message}`)),
    );
    file.on('error', reject);
    file.pipe(extract as unknown as NodeJS.WritableStream);
  });
}

async function text(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream);
}

/** A link target relative to the link's directory, `..` resolved; undefined when it climbs out. */
function resolveLink(dir: string, target: string): string | undefined {
  const parts = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '..') {
      if (!parts.pop()) return undefined;
    } else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
