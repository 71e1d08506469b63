import type { ManifestBytes, TagWriter } from './tag-writer.js';
import { type CommandRunner, processRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { type CredentialSource, dockerConfigCredentials } from './credentials.js';
import type { Readable } from 'node:stream';
import {
  blobExists,
  getBlob,
  mountBlob,
  openBlob,
  type OpenBlobOptions,
  uploadBlob,
} from './operations/blobs.js';
import {
  getManifest,
  headManifest,
  type ManifestHead,
  putManifest,
  type PutManifestResult,
} from './operations/manifests.js';
import { createSession, pullScope, pushScope } from './operations/session.js';
import { listTags } from './operations/tags.js';
import type { HttpClient } from './transport/http.js';
import type { RetryOptions } from './transport/retry.js';
import { createTransport, type RegistryRequest } from './transport/transport.js';

export type { ManifestHead, PutManifestResult } from './operations/manifests.js';
export type { OpenBlobOptions } from './operations/blobs.js';
export { nextPage } from './operations/tags.js';

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
  /**
   * A blob's bytes, checked against the digest: for configs and other small blobs (held in memory, at
   * most `maxBytes`, 8 MiB by default).
   */
  getBlob(repository: string, digest: string, options?: { maxBytes?: number }): Promise<Uint8Array>;
  /**
   * A blob as a stream, for layers of any size (no body limit), checked against the digest (and
   * `expectedBytes`) as it passes: a mismatch fails the stream at its end.
   */
  openBlob(repository: string, digest: string, options?: OpenBlobOptions): Promise<Readable>;
  /** Cross-repository mount: true when the registry mounted it (201), false when it wants an upload (202). */
  mountBlob(repository: string, digest: string, fromRepository: string): Promise<boolean>;
  /**
   * Uploads a small blob from memory (POST, then one PUT with its digest; at most 16 MiB) and returns
   * its digest. For artifacts the client writes itself; layers are pushed by the engine.
   */
  uploadBlob(repository: string, bytes: Uint8Array): Promise<string>;
  /** HTTP requests sent so far, retries and token requests included. */
  requestCount(): number;
}

export interface RegistryClientOptions {
  registry: string;
  /** Where credentials come from; by default the Docker config, its helpers run through `runner`. */
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
  /** Pages of a tag list read before giving up (MAX_TAG_PAGES by default). */
  maxTagPages?: number;
  /**
   * `never` (default): one PUT per tag. `auto`: try `PUT …/manifests/<digest>?tag=…` once when writing
   * three or more tags and keep using it if the registry confirms with `OCI-Tag`. Few registries apply
   * the parameters yet (distribution 2.8 ignores them), and a probe that is ignored costs a request on
   * every publish, so it is opt-in.
   */
  tagParameters?: 'auto' | 'never';
}

/** Manifest PUTs in flight at once for one publish: enough to hide latency, few enough for any registry. */
const TAG_WRITES_AT_ONCE = 4;

/** Runs `work` on every item, at most `limit` at a time; the first failure rejects once all have settled. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (errors.length) throw errors[0];
}

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const credentials =
    options.credentials ?? dockerConfigCredentials({ runner: options.runner ?? processRunner });
  const transport = createTransport({ ...options, credentials });
  const session = createSession(transport);
  /** Whether this registry applies `?tag=` on a digest PUT; learnt from the first such PUT. */
  let supportsTagParameters: boolean | undefined = options.tagParameters === 'auto' ? undefined : false;

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
      const result = await putManifest(session, repository, manifest.digest, manifest, tags);
      supportsTagParameters = result.ociTags !== undefined;
      if (result.ociTags) remaining = remaining.filter((t) => !result.ociTags?.includes(t));
    }
    // The tags are independent writes of the same bytes: a few at a time, so many tags cost about one
    // round trip (the builder pushed the version first, which is all the floating-tag check relies on).
    await inParallel(remaining, TAG_WRITES_AT_ONCE, (tag) => putManifest(session, repository, tag, manifest));
  }

  return {
    registry: options.registry,
    requestCount: () => transport.requestCount(),
    async ping(repository, push = false) {
      const request: RegistryRequest = { method: 'GET', path: '/v2/' };
      const scopes = repository ? [push ? pushScope(repository) : pullScope(repository)] : [];
      const response = await session.send(request, scopes);
      if (response.status !== 200) session.fail(request, response, 'the registry API is not available here');
    },
    getManifest: (repository, reference) => getManifest(session, repository, reference),
    headManifest: (repository, reference) => headManifest(session, repository, reference),
    putManifest: (repository, reference, manifest, tags) =>
      putManifest(session, repository, reference, manifest, tags),
    putTags,
    listTags: (repository) =>
      listTags(session, repository, { pageSize: options.tagPageSize, maxPages: options.maxTagPages }),
    resolveTag: async (repository, tag) => (await headManifest(session, repository, tag))?.digest,
    blobExists: (repository, digest) => blobExists(session, repository, digest),
    getBlob: (repository, digest, blobOptions) => getBlob(session, repository, digest, blobOptions?.maxBytes),
    openBlob: (repository, digest, blobOptions) => openBlob(session, repository, digest, blobOptions),
    mountBlob: (repository, digest, from) => mountBlob(session, repository, digest, from),
    uploadBlob: (repository, bytes) => uploadBlob(session, repository, bytes),
  };
}
