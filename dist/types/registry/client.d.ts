import type { ManifestBytes, TagWriter } from '../publish/tag-writer.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { type CredentialSource } from './credentials.js';
import type { HttpClient } from './transport/http.js';
import type { RetryOptions } from './transport/retry.js';
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
    putManifest(repository: string, reference: string, manifest: ManifestBytes, tags?: readonly string[]): Promise<PutManifestResult>;
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
export declare function createRegistryClient(options: RegistryClientOptions): RegistryClient;
/** The next page from a `Link: </v2/…?last=x&n=y>; rel="next"` header, as a path on this registry. */
export declare function nextPage(link: string | undefined, baseUrl: string): string | undefined;
