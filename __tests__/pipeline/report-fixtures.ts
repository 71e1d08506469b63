import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { BuildImageOutcome, Builder, BuildxBuilder, ClassicBuilder } from '../../src/build/index.js';
import { readImageBuildInputs, type ImageBuildInputs } from '../../src/pipeline/inputs.js';
import type { ImageBuildResult } from '../../src/pipeline/image-build.js';
import type { PublishResult } from '../../src/publish/index.js';
import type { ManifestBytes } from '../../src/registry/index.js';
import { RegistryError, type RegistryClient } from '../../src/registry/index.js';
import type { MetadataResult, RunContext } from '../../src/tags/index.js';
import type { ExecResult } from '../../src/util/exec.js';
import { configOf, dockerSave, sha256, tarOf, type TestImage } from '../report/helpers/image-tar.js';

/** A layer of `files` (path → size in bytes), as a tar. */
export const layer = (files: Record<string, number>) =>
  tarOf(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));

/** Calls a fake registry answered, in order: `GET manifest app:1.0.0`, `GET blob …`, `STREAM blob …`. */
export interface MemoryRegistry {
  client: RegistryClient;
  calls: string[];
  /** Stores an image (gzip'd layers) under a tag; returns its manifest as the publish would hold it. */
  push(repository: string, tag: string, image: TestImage): ManifestBytes;
  /** Makes every upload and manifest PUT fail from now on (a registry that refuses pushes). */
  failWrites(fail: boolean): void;
  /** Stores an index of platform images (and an attestation manifest, as BuildKit adds) under a tag. */
  pushIndex(repository: string, tag: string, platforms: Record<string, TestImage>): ManifestBytes;
}

/** A registry in memory speaking the RegistryClient interface, missing manifests answered as distribution does. */
export function memoryRegistry(registry = 'registry.test'): MemoryRegistry {
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, ManifestBytes>();
  const calls: string[] = [];
  let failWrites = false;
  const put = (data: Buffer | string) => {
    const bytes = Buffer.from(data);
    const digest = sha256(bytes);
    blobs.set(digest, bytes);
    return { digest, size: bytes.length };
  };
  const missing = (path: string, code: string) =>
    new RegistryError('GET', `https://${registry}${path}`, 404, [{ code, message: 'unknown' }]);
  const client = {
    registry,
    async getManifest(repository: string, reference: string) {
      calls.push(`GET manifest ${repository}:${reference}`);
      const found = manifests.get(`${repository}:${reference}`);
      if (!found) throw missing(`/v2/${repository}/manifests/${reference}`, 'MANIFEST_UNKNOWN');
      return found;
    },
    async getBlob(repository: string, digest: string) {
      calls.push(`GET blob ${digest}`);
      const found = blobs.get(digest);
      if (!found) throw missing(`/v2/${repository}/blobs/${digest}`, 'BLOB_UNKNOWN');
      return new Uint8Array(found);
    },
    async openBlob(repository: string, digest: string) {
      calls.push(`STREAM blob ${digest}`);
      const found = blobs.get(digest);
      if (!found) throw missing(`/v2/${repository}/blobs/${digest}`, 'BLOB_UNKNOWN');
      return Readable.from([found]);
    },
    async blobExists(_repository: string, digest: string) {
      calls.push(`HEAD blob ${digest}`);
      return blobs.has(digest);
    },
    async uploadBlob(_repository: string, bytes: Uint8Array) {
      if (failWrites) throw new Error('denied: push access');
      const { digest } = put(Buffer.from(bytes));
      calls.push(`UPLOAD blob ${digest}`);
      return digest;
    },
    async putManifest(repository: string, reference: string, manifest: ManifestBytes) {
      if (failWrites) throw new Error('denied: push access');
      calls.push(`PUT manifest ${repository}:${reference}`);
      manifests.set(`${repository}:${reference}`, manifest);
      manifests.set(`${repository}:${manifest.digest}`, manifest);
      return { digest: manifest.digest };
    },
    requestCount: () => calls.length,
  } as unknown as RegistryClient;
  const store = (repository: string, tags: string[], text: string, mediaType: string) => {
    const manifest = { bytes: new TextEncoder().encode(text), mediaType, digest: sha256(text) };
    for (const tag of [...tags, manifest.digest]) manifests.set(`${repository}:${tag}`, manifest);
    return manifest;
  };
  const registryApi: MemoryRegistry = {
    client,
    calls,
    failWrites: (fail) => void (failWrites = fail),
    pushIndex(repository, tag, platforms) {
      const entries = Object.entries(platforms).map(([platform, image]) => {
        const manifest = registryApi.push(repository, `${platform.replace('/', '-')}-only`, image);
        const [os, architecture] = platform.split('/');
        return {
          mediaType: manifest.mediaType,
          digest: manifest.digest,
          size: manifest.bytes.length,
          platform: { os, architecture },
        };
      });
      const attestation = put('{}');
      entries.push({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        ...attestation,
        platform: { os: 'unknown', architecture: 'unknown' },
      });
      const text = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: entries,
      });
      return store(repository, [tag], text, 'application/vnd.oci.image.index.v1+json');
    },
    push(repository, tag, image) {
      const config = put(JSON.stringify(configOf(image)));
      const layers = image.layers.map((data) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        ...put(gzipSync(data)),
      }));
      const text = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers,
      });
      return store(repository, [tag], text, 'application/vnd.oci.image.manifest.v1+json');
    },
  };
  return registryApi;
}

export function reportInputs(values: Record<string, string> = {}): ImageBuildInputs {
  return readImageBuildInputs((name) => values[name] ?? '');
}

export function metadataFor(image: string, tagNames: string[], semanticVersion?: string): MetadataResult {
  return {
    version: tagNames[0] ?? '',
    partial: [],
    latest: false,
    tags: tagNames.map((tag) => `${image}:${tag}`),
    tagNames,
    images: [image],
    labels: [],
    annotations: [],
    annotationLevels: ['manifest'],
    created: '2026-11-01T10:00:00Z',
    ...(semanticVersion && { semanticVersion }),
  };
}

export function contextFor(eventName: string, payload: Record<string, unknown> = {}): RunContext {
  return {
    eventName,
    ref: eventName === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    sha: 'a'.repeat(40),
    payload,
    repo: { owner: 'acme', repo: 'app' },
    commitDate: new Date('2026-11-01T10:00:00Z'),
    shortShaLength: 7,
    annotationLevels: ['manifest'],
  };
}

export const CLASSIC: ClassicBuilder = {
  kind: 'classic',
  docker: 'docker',
  engineVersion: '20.10.24',
  platforms: ['linux/amd64'],
};
export const REMOTE: BuildxBuilder = {
  kind: 'buildx',
  docker: 'docker',
  version: '0.10.5',
  name: 'testbed',
  driver: 'remote',
  platforms: ['linux/amd64'],
  canExportCache: true,
};

export function buildOutcome(
  builder: Builder,
  steps: BuildImageOutcome['result']['steps'] = [],
): BuildImageOutcome {
  return {
    builder,
    result: { imageId: 'sha256:' + 'c'.repeat(64), metadata: {}, steps, pushed: [] },
  } as unknown as BuildImageOutcome;
}

export function publishedTo(image: string, tag: string, manifest: ManifestBytes): PublishResult {
  const [registry, ...rest] = image.split('/');
  return {
    digest: manifest.digest,
    registries: [
      {
        image,
        registry,
        repository: rest.join('/'),
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        tags: [{ tag, status: 'pushed' }],
        manifest,
      },
    ],
    notices: [],
  };
}

export function resultOf(
  parts: Partial<ImageBuildResult> & Pick<ImageBuildResult, 'metadata'>,
): ImageBuildResult {
  return { context: contextFor('push'), scans: [], state: {}, ...parts };
}

/**
 * An engine as the report uses it: `docker image inspect` gives the size, `docker save -o FILE REF`
 * writes a tarball of `image`; every other command succeeds. Each command line is recorded.
 */
export function engineRunner(image: TestImage, sizeOnDisk = 1000) {
  const commands: string[][] = [];
  const ok: ExecResult = { exitCode: 0, stdout: '', stderr: '' };
  return {
    commands,
    async run(_file: string, args: readonly string[]): Promise<ExecResult> {
      commands.push([...args]);
      if (args[0] === 'image' && args[1] === 'inspect') return { ...ok, stdout: `${sizeOnDisk}\n` };
      if (args[0] === 'save') writeFileSync(args[2], await dockerSave(image));
      return ok;
    },
  };
}
