import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { sha256Digest } from '../../registry/manifest.js';
import { InputError } from '../../util/errors.js';
import { finishAnalysis, type LayerBlobRef } from '../contents/analyze.js';
import { LayeredFilesystem } from '../contents/filesystem.js';
import { compression, isFile, normalisePath, type LayerEntry } from '../contents/entries.js';
import { scanLayer, scanLayerFile } from '../contents/layer-scan.js';
import { FileWindow, walkTar } from '../contents/tar-walk.js';
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

/**
 * A `docker save` / `docker image save` tarball: the legacy layout (`<id>/layer.tar`, `manifest.json`)
 * and the OCI layout newer engines write (`blobs/sha256/…`, `index.json`), plain or gzip'd layers.
 * The tarball is read in place: its members' headers first (the manifest comes last, in name order),
 * then each layer in image order, a plain one by its tar headers alone (contents skipped; duplicate
 * candidates are read later), a gzip'd one streamed. Memory follows the number of paths.
 */
export async function readDockerSave(path: string, options: ReadImageOptions = {}): Promise<ImageFromSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError('image', `${path}: no such file (expected a \`docker save\` tarball)`);
  if (!info.isFile())
    throw new InputError('image', `${path} is not a file (expected a \`docker save\` tarball)`);
  const handle = await open(path, 'r');
  try {
    return await readSaved(path, info.size, new FileWindow(handle.fd), options);
  } finally {
    await handle.close();
  }
}

interface Member {
  offset: number;
  size: number;
}

async function readSaved(
  path: string,
  size: number,
  file: FileWindow,
  options: ReadImageOptions,
): Promise<ImageFromSource> {
  const metadata = new Map<string, string>();
  const links = new Map<string, string>();
  const members = new Map<string, Member>();
  await walkTar(file, 0, size, path, (member) => {
    const name = normalisePath(member.path) ?? '';
    if (member.type === 'SymbolicLink' || member.type === 'Link') {
      // The legacy layout links a repeated layer to its first copy.
      const dir = member.type === 'SymbolicLink' ? name.slice(0, Math.max(0, name.lastIndexOf('/'))) : '';
      const target = resolveLink(dir, member.linkpath ?? '');
      if (target !== undefined) links.set(name, target);
      return;
    }
    if (!isFile(member.type)) return;
    members.set(name, { offset: member.offset, size: member.size });
    const isBlob = name.startsWith('blobs/');
    const isMetadata = !isBlob && /(?:^|\/)(?:[^/]*\.json|repositories|oci-layout)$/.test(name);
    // A blob is JSON (a manifest, index or config) or a layer: its first byte tells.
    const isJsonBlob =
      isBlob && member.size > 0 && member.size <= METADATA_LIMIT && file.read(member.offset, 1)[0] === 0x7b;
    if ((isMetadata && member.size <= METADATA_LIMIT) || isJsonBlob) {
      metadata.set(name, file.read(member.offset, member.size).toString('utf8'));
    }
  });

  const image = await imageOf(path, metadata, members, options);
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
  if (options.analyze === false) return { model };

  const memberOf = (index: number): Member & { name: string } => {
    const name = image.layerNames[index];
    const member = members.get(links.get(name) ?? name);
    if (!member)
      throw new ImageContentError(`${path} lists layer ${name} but does not contain it (truncated?)`);
    return { ...member, name };
  };
  const filesystem = new LayeredFilesystem();
  for (const index of image.layerNames.keys()) {
    const member = memberOf(index);
    const label = `layer ${member.name} of ${path}`;
    if (member.size === 0) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
    const layer = filesystem.beginLayer(index);
    const apply = (entry: LayerEntry) => filesystem.apply(layer, entry);
    const range = { start: member.offset, end: member.offset + member.size };
    layer.tarBytes = compression(file.read(member.offset, 4))
      ? (await scanLayer(memberStream(path, range), apply, { label })).tarBytes
      : (await scanLayerFile(file, range, apply, label)).tarBytes;
  }
  const refs: LayerBlobRef[] = model.layers.map((layer) => ({ digest: layer.digest, diffId: layer.diffId }));
  const contents = await finishAnalysis(
    filesystem,
    refs,
    {
      // Offsets are of the tarball itself: plain layers are read in place.
      readRange: async (_, offset, bytes) => file.read(offset, bytes),
      open: async (_, index) => {
        const member = memberOf(index);
        return memberStream(path, { start: member.offset, end: member.offset + member.size });
      },
    },
    { baseLayerCount: model.base?.layerCount, sourceLabel: path, ...options.analyze },
  );
  return { model, contents };
}

function memberStream(path: string, range: { start: number; end: number }): Readable {
  return createReadStream(path, { start: range.start, end: range.end - 1, highWaterMark: 1 << 20 });
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
  members: Map<string, Member>,
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
      digest: sha256Digest(Buffer.from(configText)),
    },
    // The legacy layout has no manifest: a layer's size is its uncompressed tar's.
    layers: layerNames.map((name, index) => ({
      digest: diffIds[index] ?? '',
      size: members.get(name)?.size ?? 0,
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
