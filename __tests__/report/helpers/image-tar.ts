import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

/** A layer entry: a file by default; `bytes` makes a file of that many bytes. */
export interface TarItem {
  name: string;
  content?: string | Buffer;
  bytes?: number;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  linkname?: string;
}

/** A file of `bytes` bytes whose content is determined by `seed` (equal seeds, equal content). */
export function filled(bytes: number, seed = 0): Buffer {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buffer[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return buffer;
}

export async function tarOf(items: readonly TarItem[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const item of items) {
    const type = item.type ?? 'file';
    const content = type === 'file' ? (item.content ?? filled(item.bytes ?? 0)) : undefined;
    await new Promise<void>((resolve, reject) =>
      pack.entry(
        {
          name: item.name,
          type,
          linkname: item.linkname,
          ...(content !== undefined && { size: Buffer.byteLength(content) }),
        },
        content ?? '',
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}

export const sha256 = (data: Buffer | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

export interface TestImage {
  layers: Buffer[];
  history?: { created_by: string; empty_layer?: boolean }[];
  user?: string;
  healthcheck?: string[];
  repoTags?: string[];
}

export function configOf(image: TestImage): Record<string, unknown> {
  return {
    architecture: 'amd64',
    os: 'linux',
    created: '2026-11-01T10:00:00Z',
    config: {
      ...(image.user !== undefined && { User: image.user }),
      ...(image.healthcheck && { Healthcheck: { Test: image.healthcheck } }),
    },
    rootfs: { type: 'layers', diff_ids: image.layers.map((layer) => sha256(layer)) },
    history: image.history ?? image.layers.map((_, i) => ({ created_by: `RUN step ${i + 1} # buildkit` })),
  };
}

/** `docker save` output: the legacy layout (`<id>/layer.tar`) or the OCI one engines 25+ write. */
export async function dockerSave(
  image: TestImage,
  layout: 'legacy' | 'oci' = 'legacy',
  gzipLayers = false,
): Promise<Buffer> {
  const config = JSON.stringify(configOf(image));
  const configDigest = sha256(config);
  const repoTags = image.repoTags ?? ['demo/app:latest'];
  if (layout === 'legacy') {
    const names = image.layers.map((layer) => `${sha256(layer).slice(7)}/layer.tar`);
    const items: TarItem[] = image.layers.map((layer, i) => ({
      name: names[i],
      content: gzipLayers ? gzipSync(layer) : layer,
    }));
    items.push({ name: `${configDigest.slice(7)}.json`, content: config });
    items.push({
      name: 'manifest.json',
      content: JSON.stringify([
        { Config: `${configDigest.slice(7)}.json`, RepoTags: repoTags, Layers: names },
      ]),
    });
    return tarOf(items.sort((a, b) => (a.name < b.name ? -1 : 1)));
  }
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: config.length,
    },
    layers: image.layers.map((layer) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      digest: sha256(layer),
      size: layer.length,
    })),
  });
  const blob = (data: Buffer | string): TarItem => ({
    name: `blobs/sha256/${sha256(data).slice(7)}`,
    content: data,
  });
  const items: TarItem[] = [...image.layers.map(blob), blob(config), blob(manifest)];
  items.push({
    name: 'index.json',
    content: JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256(manifest),
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'latest' },
        },
      ],
    }),
  });
  items.push({
    name: 'manifest.json',
    content: JSON.stringify([
      {
        Config: `blobs/sha256/${configDigest.slice(7)}`,
        RepoTags: repoTags,
        Layers: image.layers.map((layer) => `blobs/sha256/${sha256(layer).slice(7)}`),
      },
    ]),
  });
  items.push({ name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' });
  return tarOf(items.sort((a, b) => (a.name < b.name ? -1 : 1)));
}

/** An OCI image layout directory as buildx writes it (gzip'd layers), optionally multi-platform. */
export function ociLayout(
  dir: string,
  image: TestImage,
  platforms: string[] = [],
  gzipLayers = true,
): { manifestDigest: string } {
  mkdirSync(join(dir, 'blobs/sha256'), { recursive: true });
  const put = (data: Buffer | string): { digest: string; size: number } => {
    const digest = sha256(data);
    writeFileSync(join(dir, 'blobs/sha256', digest.slice(7)), data);
    return { digest, size: Buffer.byteLength(data) };
  };
  const config = put(JSON.stringify(configOf(image)));
  const layers = image.layers.map((layer) => ({
    mediaType: `application/vnd.oci.image.layer.v1.tar${gzipLayers ? '+gzip' : ''}`,
    ...put(gzipLayers ? gzipSync(layer) : layer),
  }));
  const manifest = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers,
    }),
  );
  let top = { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest };
  if (platforms.length) {
    const manifests = platforms.map((platform) => {
      const [os, architecture] = platform.split('/');
      return {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        ...manifest,
        platform: { os, architecture },
      };
    });
    manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...manifest,
      platform: { os: 'unknown', architecture: 'unknown' },
    });
    top = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      ...put(JSON.stringify({ schemaVersion: 2, manifests })),
    };
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [top] }));
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  return { manifestDigest: manifest.digest };
}
