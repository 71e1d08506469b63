import type { ManifestBytes, TagWriter } from '../publish/tag-writer.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { chainCredentials, type CredentialSource, dockerConfigCredentials } from './credentials.js';
import { detectMediaType, MANIFEST_ACCEPT, sha256Digest } from './manifest.js';
import { isDigest } from './reference.js';
import { parseErrorBody, RegistryError } from './transport/errors.js';
import type { HttpClient, HttpResponse } from './transport/http.js';
import type { RetryOptions } from './transport/retry.js';
import { createTransport, type RegistryRequest, type RegistryTransport } from './transport/transport.js';

export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

export interface PutManifestResult {
  /** The digest the registry stored, from Docker-Content-Digest (or computed from the bytes). */
  digest: string;
  /** Tags the registry confirmed through `OCI-Tag`, when the PUT carried `?tag=` parameters. */
  ociTags?: string[];
}

/** Operations on one registry (a host); repositories are paths inside it. */
export interface RegistryClient extends TagWriter {
  readonly registry: string;
  /** GET /v2/: reachability and credentials, before anything is pushed. */
  ping(repository?: string, push?: boolean): Promise<void>;
  getManifest(repository: string, reference: string): Promise<ManifestBytes>;
  headManifest(repository: string, reference: string): Promise<ManifestHead | undefined>;
  putManifest(
    repository: string,
    reference: string,
    manifest: ManifestBytes,
    tags?: readonly string[],
  ): Promise<PutManifestResult>;
  blobExists(repository: string, digest: string): Promise<boolean>;
  /** Cross-repository mount: true when the registry mounted it (201), false when it wants an upload (202). */
  mountBlob(repository: string, digest: string, fromRepository: string): Promise<boolean>;
  /** HTTP requests sent so far, retries and token requests included. */
  requestCount(): number;
}

export interface RegistryClientOptions {
  registry: string;
  /** Where credentials come from; by default the Docker config (needs `runner` for helpers). */
  credentials?: CredentialSource;
  runner?: CommandRunner;
  logger?: Logger;
  http?: HttpClient;
  retry?: RetryOptions;
  timeoutMs?: number;
  /** Overrides scheme and host (a proxy in tests). */
  baseUrl?: string;
  /** Tags asked for per page of the tag list (the registry may send fewer). */
  tagPageSize?: number;
}

const pull = (repository: string) => `repository:${repository}:pull`;
const pushPull = (repository: string) => `repository:${repository}:pull,push`;

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const credentials =
    options.credentials ??
    (options.runner ? chainCredentials(dockerConfigCredentials({ runner: options.runner })) : undefined);
  const transport: RegistryTransport = createTransport({ ...options, credentials });
  /** Whether this registry applies `?tag=` on a digest PUT; learnt from the first such PUT. */
  let supportsTagParameters: boolean | undefined;

  const send = (request: RegistryRequest, scopes: readonly string[]) => transport.send(request, scopes);
  const fail = (request: RegistryRequest, response: HttpResponse, detail?: string): never => {
    throw new RegistryError(
      request.method,
      transport.baseUrl + request.path,
      response.status,
      parseErrorBody(response.body),
      detail,
    );
  };
  const manifestPath = (repository: string, reference: string) => `/v2/${repository}/manifests/${reference}`;

  async function headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const request: RegistryRequest = {
      method: 'HEAD',
      path: manifestPath(repository, reference),
      headers: { accept: MANIFEST_ACCEPT },
    };
    const response = await send(request, [pull(repository)]);
    if (response.status === 404) return undefined;
    if (response.status !== 200) fail(request, response);
    const digest = response.headers['docker-content-digest'];
    if (!digest) {
      // Without the header only a GET can tell the digest.
      const manifest = await getManifest(repository, reference);
      return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
    }
    return {
      digest,
      mediaType: detectMediaType(new Uint8Array(), response.headers['content-type']),
      size: Number(response.headers['content-length'] ?? 0),
    };
  }

  async function getManifest(repository: string, reference: string): Promise<ManifestBytes> {
    const request: RegistryRequest = {
      method: 'GET',
      path: manifestPath(repository, reference),
      headers: { accept: MANIFEST_ACCEPT },
    };
    const response = await send(request, [pull(repository)]);
    if (response.status === 404)
      fail(request, response, `manifest ${repository}:${reference} does not exist`);
    if (response.status !== 200) fail(request, response);
    const digest = sha256Digest(response.body);
    if (isDigest(reference) && reference.startsWith('sha256:') && reference !== digest) {
      fail(
        request,
        response,
        `the registry sent bytes with digest ${digest}, not the ${reference} asked for`,
      );
    }
    return {
      bytes: response.body,
      mediaType: detectMediaType(response.body, response.headers['content-type']),
      digest,
    };
  }

  async function putManifest(
    repository: string,
    reference: string,
    manifest: ManifestBytes,
    tags: readonly string[] = [],
  ): Promise<PutManifestResult> {
    const query = tags.length ? `?${tags.map((t) => `tag=${encodeURIComponent(t)}`).join('&')}` : '';
    const request: RegistryRequest = {
      method: 'PUT',
      path: manifestPath(repository, reference) + query,
      headers: { 'content-type': manifest.mediaType },
      body: manifest.bytes,
    };
    const response = await send(request, [pushPull(repository)]);
    if (response.status !== 201 && response.status !== 200) fail(request, response);
    const digest = response.headers['docker-content-digest'] ?? manifest.digest;
    if (digest !== manifest.digest) {
      fail(request, response, `the registry stored digest ${digest}, expected ${manifest.digest}`);
    }
    const ociTag = response.headers['oci-tag'];
    return {
      digest,
      ociTags: ociTag
        ? ociTag
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined,
    };
  }

  async function putTags(
    repository: string,
    manifest: ManifestBytes,
    tags: readonly string[],
  ): Promise<void> {
    if (tags.length === 0) return;
    let remaining = [...tags];
    // Probing costs one request where unsupported, so only when it can save at least two.
    const worthProbing = supportsTagParameters === undefined && tags.length >= 3;
    if (tags.length > 1 && (supportsTagParameters === true || worthProbing)) {
      const result = await putManifest(repository, manifest.digest, manifest, tags);
      supportsTagParameters = result.ociTags !== undefined;
      if (result.ociTags) remaining = remaining.filter((t) => !result.ociTags?.includes(t));
    }
    for (const tag of remaining) await putManifest(repository, tag, manifest);
  }

  async function listTags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${repository}/tags/list?n=${options.tagPageSize ?? 1000}`;
    while (path) {
      const request: RegistryRequest = { method: 'GET', path };
      const response = await send(request, [pull(repository)]);
      // A repository nobody pushed to yet has no tags: distribution answers NAME_UNKNOWN.
      if (response.status === 404) return tags;
      if (response.status !== 200) fail(request, response);
      const body = JSON.parse(Buffer.from(response.body).toString('utf8')) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      path = nextPage(response.headers.link, transport.baseUrl);
    }
    return tags;
  }

  return {
    registry: options.registry,
    requestCount: () => transport.requestCount(),
    async ping(repository, push = false) {
      const request: RegistryRequest = { method: 'GET', path: '/v2/' };
      const scopes = repository ? [push ? pushPull(repository) : pull(repository)] : [];
      const response = await send(request, scopes);
      if (response.status !== 200) fail(request, response, 'the registry API is not available here');
    },
    getManifest,
    headManifest,
    putManifest,
    putTags,
    listTags,
    async resolveTag(repository, tag) {
      return (await headManifest(repository, tag))?.digest;
    },
    async blobExists(repository, digest) {
      const request: RegistryRequest = { method: 'HEAD', path: `/v2/${repository}/blobs/${digest}` };
      const response = await send(request, [pull(repository)]);
      if (response.status === 404) return false;
      if (response.status !== 200) fail(request, response);
      return true;
    },
    async mountBlob(repository, digest, fromRepository) {
      const request: RegistryRequest = {
        method: 'POST',
        path: `/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`,
        headers: { 'content-length': '0' },
      };
      const response = await send(request, [pushPull(repository), pull(fromRepository)]);
      if (response.status === 201) return true;
      if (response.status !== 202) fail(request, response);
      // The registry opened an upload instead; close it so it does not linger.
      const location = response.headers.location;
      if (location) {
        const path = location.startsWith('http')
          ? new URL(location).pathname + new URL(location).search
          : location;
        await send({ method: 'DELETE', path }, [pushPull(repository)]).catch(() => undefined);
      }
      return false;
    },
  };
}

/** The next page from a `Link: </v2/…?last=x&n=y>; rel="next"` header, as a path on this registry. */
export function nextPage(link: string | undefined, baseUrl: string): string | undefined {
  if (!link) return undefined;
  const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!match) return undefined;
  const url = new URL(match[1], baseUrl);
  return url.pathname + url.search;
}
