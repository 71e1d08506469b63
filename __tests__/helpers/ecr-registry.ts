import { createHash } from 'node:crypto';

/**
 * The ECR emulator's image store: the real test registry, where ECR repository `<name>` lives as
 * `ecr/<name>`. Only plain HTTP calls, so what the emulator reports is what the registry holds.
 */
export interface EcrRegistryStore {
  /** Registry path of an ECR repository. */
  path(repository: string): string;
  getManifest(
    repository: string,
    reference: string,
    accept: readonly string[],
  ): Promise<StoredManifest | undefined>;
  headDigest(repository: string, reference: string): Promise<string | undefined>;
  putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string>;
  listTags(repository: string): Promise<string[]>;
}

export interface StoredManifest {
  bytes: Buffer;
  mediaType: string;
  digest: string;
}

export const ALL_MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** The registry refused a manifest PUT: its status and OCI error list. */
export class RegistryRejection extends Error {
  constructor(
    readonly status: number,
    readonly errors: { code: string; message: string; detail?: unknown }[],
  ) {
    super(`registry PUT manifest ${status}: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  }
}

export function sha256Digest(bytes: Buffer | Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function createEcrRegistryStore(registry: string): EcrRegistryStore {
  const base = `http://${registry}/v2`;
  const path = (repository: string) => `ecr/${repository}`;
  return {
    path,
    async getManifest(repository, reference, accept) {
      const response = await fetch(`${base}/${path(repository)}/manifests/${reference}`, {
        headers: { Accept: accept.join(', ') },
      });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`registry GET manifest ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      return { bytes, mediaType: response.headers.get('content-type') ?? '', digest: sha256Digest(bytes) };
    },
    async headDigest(repository, reference) {
      const response = await fetch(`${base}/${path(repository)}/manifests/${reference}`, {
        method: 'HEAD',
        headers: { Accept: ALL_MANIFEST_TYPES.join(', ') },
      });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`registry HEAD manifest ${response.status}`);
      return response.headers.get('docker-content-digest') ?? undefined;
    },
    async putManifest(repository, reference, bytes, mediaType) {
      const response = await fetch(`${base}/${path(repository)}/manifests/${reference}`, {
        method: 'PUT',
        headers: { 'Content-Type': mediaType },
        body: new Uint8Array(bytes),
      });
      if (response.status !== 201) {
        const text = await response.text();
        let errors: RegistryRejection['errors'] = [];
        try {
          errors = (JSON.parse(text) as { errors?: RegistryRejection['errors'] }).errors ?? [];
        } catch {
          errors = [{ code: 'UNKNOWN', message: text.slice(0, 200) }];
        }
        throw new RegistryRejection(response.status, errors);
      }
      return response.headers.get('docker-content-digest') ?? sha256Digest(bytes);
    },
    async listTags(repository) {
      const tags: string[] = [];
      let next: string | undefined = `${base}/${path(repository)}/tags/list?n=100`;
      while (next) {
        const response: Response = await fetch(next);
        if (response.status === 404) return tags;
        const body = (await response.json()) as { tags?: string[] | null };
        tags.push(...(body.tags ?? []));
        const link = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '');
        next = link ? new URL(link[1], `http://${registry}`).toString() : undefined;
      }
      return tags;
    },
  };
}
