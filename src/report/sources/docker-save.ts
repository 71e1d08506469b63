import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { InputError } from '../../util/errors.js';
import { finishAnalysis, type LayerBlobRef } from '../contents/analyze.js';
import { LayeredFilesystem } from '../contents/filesystem.js';
import {
  isFile,
  layerEntryHandler,
  layerParser,
  normalisePath,
  StreamPositions,
  type LayerEntry,
} from '../contents/layer-scan.js';
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
  const memberSizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const positions = new StreamPositions();

  const { parser, done } = layerParser(path, (member) => {
    const name = normalisePath(member.path) ?? '';
    const size = member.size ?? 0;
    if (member.type === 'SymbolicLink' || member.type === 'Link') {
      // The legacy layout links a repeated layer to its first copy.
      const dir = member.type === 'SymbolicLink' ? name.slice(0, Math.max(0, name.lastIndexOf('/'))) : '';
      const target = resolveLink(dir, member.linkpath ?? '');
      if (target !== undefined) links.set(name, target);
      return member.resume();
    }
    if (!isFile(member.type)) return member.resume();
    memberSizes.set(name, size);
    const isLayer = name.endsWith('/layer.tar') || name === 'layer.tar';
    const isBlob = name.startsWith('blobs/');
    const isMetadata = /(?:^|\/)(?:[^/]*\.json|repositories|oci-layout)$/.test(name) && !isBlob;
    if ((!isLayer && !isBlob && !isMetadata) || (isMetadata && size > METADATA_LIMIT)) return member.resume();
    // A blob is a layer unless it is JSON (a manifest, index or config): its first byte tells.
    let target: { write(chunk: Buffer): void; end(): void } | undefined;
    member.on('data', (chunk: Buffer) => {
      target ??=
        isMetadata || (isBlob && chunk[0] === 0x7b && size <= METADATA_LIMIT)
          ? collectText((text) => metadata.set(name, text))
          : analyze
            ? scanMember(name)
            : { write: () => undefined, end: () => undefined };
      target.write(chunk);
    });
    member.on('end', () => {
      if (size === 0 && isMetadata) metadata.set(name, '');
      target?.end();
    });
  });

  const scanMember = (name: string) => {
    const label = `layer ${name} of ${path}`;
    const entries: LayerEntry[] = [];
    const { handle, tarBytes } = layerEntryHandler((entry) => entries.push(entry), { label, positions });
    const inner = layerParser(label, handle);
    pending.push(inner.done.then(() => void scans.set(name, { entries, tarBytes: tarBytes() })));
    let first = true;
    return {
      write: (chunk: Buffer) => {
        if (first && chunk.length >= 4 && chunk.readUInt32BE(0) === 0x28b52ffd) {
          inner.parser.abort(
            new Error('zstd-compressed, which this Node.js cannot read (gzip and plain tar can)'),
          );
        }
        first = false;
        inner.parser.write(chunk);
      },
      end: () => inner.parser.end(),
    };
  };

  await feedFile(path, parser, positions);
  await done;
  await Promise.all(pending);

  const image = await imageOf(path, metadata, memberSizes, options);
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
  const file = await open(path, 'r');
  try {
    const contents = await finishAnalysis(
      filesystem,
      refs,
      {
        // Offsets are of the tarball itself: uncompressed layers are read in place.
        readRange: async (_, offset, bytes) => {
          const buffer = Buffer.alloc(bytes);
          const { bytesRead } = await file.read(buffer, 0, bytes, offset);
          return buffer.subarray(0, bytesRead);
        },
        open: (_, index) => openMember(path, resolve(image.layerNames[index])),
      },
      { baseLayerCount: model.base?.layerCount, sourceLabel: path, ...options.analyze },
    );
    return { model, contents };
  } finally {
    await file.close();
  }
}

/** Collects a member's text (JSON metadata). */
function collectText(onText: (text: string) => void): { write(chunk: Buffer): void; end(): void } {
  const chunks: Buffer[] = [];
  return {
    write: (chunk) => chunks.push(Buffer.from(chunk)),
    end: () => onText(Buffer.concat(chunks).toString('utf8')),
  };
}

async function feedFile(path: string, parser: Parser, positions: StreamPositions): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (data: string | Buffer) => {
      const chunk = data as Buffer;
      positions.track(chunk);
      if (!parser.write(chunk)) {
        stream.pause();
        parser.once('drain', () => stream.resume());
      }
    });
    stream.on('end', () => resolve());
    stream.on('error', reject);
    parser.on('error', () => stream.destroy());
  });
  parser.end();
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
  memberSizes: Map<string, number>,
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
    // The legacy layout has no manifest: a layer's size is its uncompressed tar's.
    layers: layerNames.map((name, index) => ({
      digest: diffIds[index] ?? '',
      size: memberSizes.get(name) ?? 0,
    })),
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

/** One member's stream, found by a second pass that stops there (the duplicate check's fallback). */
function openMember(path: string, name: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    const parser = new Parser({ strict: true });
    let found = false;
    parser.on('entry', (entry: ReadEntry) => {
      if (found || normalisePath(entry.path) !== name) return entry.resume();
      found = true;
      const member = new PassThrough();
      entry.pipe(member);
      entry.on('end', () => file.destroy());
      resolve(member);
    });
    parser.on('end', () => found || reject(new ImageContentError(`${path} no longer contains ${name}`)));
    parser.on('error', (error: Error) => found || reject(new ImageContentError(`${path}: ${error.message}`)));
    file.on('error', reject);
    file.pipe(parser as unknown as NodeJS.WritableStream);
  });
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
