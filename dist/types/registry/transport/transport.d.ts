import type { Logger } from '../../util/log.js';
import type { CredentialSource } from '../credentials.js';
import { type HttpClient, type HttpRequest, type HttpResponse } from './http.js';
import { type RetryOptions } from './retry.js';
export interface TransportOptions {
    /** Registry host as in references (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
    registry: string;
    credentials?: CredentialSource;
    /** The raw HTTP client; Node's fetch by default. Retries wrap it. */
    http?: HttpClient;
    retry?: RetryOptions;
    timeoutMs?: number;
    logger?: Logger;
    /** Overrides the scheme and host, e.g. to go through a proxy in tests. */
    baseUrl?: string;
}
export interface RegistryRequest extends Omit<HttpRequest, 'url'> {
    /** Path under the registry, starting with /v2/. */
    path: string;
}
/**
 * Sends requests to one registry, answering its auth challenges, with retries. The layers, outside in:
 * auth (this file), retry, redirects, the request count, fetch.
 */
export interface RegistryTransport {
    readonly registry: string;
    readonly baseUrl: string;
    /** `scopes` are token scopes, e.g. `repository:app:pull,push`, used when the registry wants bearer auth. */
    send(request: RegistryRequest, scopes: readonly string[]): Promise<HttpResponse>;
    /** HTTP requests sent so far (retries and token requests included). */
    requestCount(): number;
}
/** The registry needs credentials we do not have, or rejected the ones we have. */
export declare class RegistryAuthError extends Error {
    readonly registry: string;
    constructor(registry: string, detail: string);
}
export declare function createTransport(options: TransportOptions): RegistryTransport;
