import type { ManifestBytes, TagWriter } from './tag-writer.js';
import { type CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { type CredentialSource } from './credentials.js';
import type { Readable } from 'node:stream';
import { type OpenBlobOptions } from './operations/blobs.js';
import { type ManifestHead, type PutManifestResult } from './operations/manifests.js';
import type { HttpClient } from './transport/http.js';
import type { RetryOptions } from './transport/retry.js';
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
    putManifest(repository: string, reference: string, manifest: ManifestBytes, tags?: readonly string[]): Promise<PutManifestResult>;
    blobExists(repository: string, digest: string): Promise<boolean>;
    /**
     * A blob's bytes, checked against the digest: for configs and other small blobs (held in memory, at
     * most `maxBytes`, 8 MiB by default).
     */
    getBlob(repository: string, digest: string, options?: {
        maxBytes?: number;
    }): Promise<Uint8Array>;
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
export declare function createRegistryClient(options: RegistryClientOptions): RegistryClient;
