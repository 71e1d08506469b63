import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../util/errors.js';
import { analyzeLayerFiles, type AnalyzeOptions } from '../contents/analyze.js';
import type { ContentAnalysis } from '../contents/types.js';
import type { BaseImageHint } from '../model/base.js';
import { imageModelFromMetadata } from '../model/from-metadata.js';
import type { IndexLike } from '../model/oci.js';
import type { ImageModel } from '../model/types.js';
import { ImageContentError } from './errors.js';
import { blobPath, hasCompressedLayers, resolveOciImage, type SelectImageOptions } from './oci-index.js';

export interface ReadImageOptions extends SelectImageOptions {
  /** The name the report gives the image; default the path. */
  image?: string;
  base?: BaseImageHint;
  /** Options of the file-level analysis, or false to read metadata only. */
  analyze?: AnalyzeOptions | false;
}

export interface ImageFromSource {
  model: ImageModel;
  contents?: ContentAnalysis;
}

/** An OCI image layout directory (`buildx build --output type=oci,tar=false,dest=DIR`). */
export async function readOciLayout(dir: string, options: ReadImageOptions = {}): Promise<ImageFromSource> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new InputError('image', `${dir} is not a directory (expected an OCI image layout)`);
  const label = dir;
  const indexText = await readFile(join(dir, 'index.json'), 'utf8').catch(() => {
    throw new InputError('image', `${dir} is not an OCI image layout: it has no index.json`);
  });
  const readJson = async (digest: string): Promise<unknown> => {
    const path = join(dir, blobPath(digest, label));
    const text = await readFile(path, 'utf8').catch(() => {
      throw new ImageContentError(`${label} lacks blob ${digest} (incomplete layout?)`);
    });
    return parseJson(text, `${label} blob ${digest}`);
  };
  const top = parseJson(indexText, `${label}/index.json`) as IndexLike;
  const resolved = await resolveOciImage(top, readJson, options, label);
  const model = imageModelFromMetadata({
    image: options.image ?? dir,
    manifest: resolved.manifest,
    config: resolved.config,
    digest: resolved.digest,
    index: resolved.index,
    tags: resolved.refName ? [resolved.refName] : [],
    base: options.base,
    source: 'oci-layout',
    compressedLayers: hasCompressedLayers(resolved.manifest),
  });
  if (options.analyze === false) return { model };
  const layers = resolved.manifest.layers.map((layer, index) => ({
    digest: layer.digest,
    diffId: model.layers[index]?.diffId,
  }));
  const contents = await analyzeLayerFiles(
    layers,
    (layer) => join(dir, blobPath(layer.digest ?? '', label)),
    {
      baseLayerCount: model.base?.layerCount,
      sourceLabel: label,
      ...options.analyze,
    },
  );
  return { model, contents };
}

export function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImageContentError(`${label} is not valid JSON: ${(error as Error).message}`);
  }
}
