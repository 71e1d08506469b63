import { type Readable } from 'node:stream';
/** The one seam between the registry client and the network: tests may swap it for a fake. */
export interface HttpRequest {
    method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
    url: string;
    headers?: Record<string, string>;
    /** Bytes, kept as given: a retry re-sends the same buffer. */
    body?: Uint8Array | string;
    /** Most bytes a successful answer's body may have (see BODY_LIMITS); past it the request fails. */
    maxBodyBytes?: number;
    /**
     * Hand a successful (2xx) answer's body over unread, as `stream`, with no size limit (layer blobs);
     * the timeout then bounds the wait for the headers and for each next chunk, not the whole body.
     */
    streamBody?: boolean;
}
export interface HttpResponse {
    status: number;
    /** Lower-case header names. */
    headers: Record<string, string>;
    body: Uint8Array;
    /** The URL that answered, after redirects; absent when it is the URL asked for. */
    url?: string;
    /** The unread body of a 2xx answer to a `streamBody` request (`body` is then empty). */
    stream?: Readable;
}
export interface HttpClient {
    send(request: HttpRequest): Promise<HttpResponse>;
}
export interface HttpClientOptions {
    /** Per-request timeout, covering the whole response body (for a streamed body: each wait for data). */
    timeoutMs?: number;
}
/**
 * HttpClient on Node's http and https modules, through their global agents (keep-alive, so the
 * requests of one run share connections): no cookies, no content decoding (blobs are checked against
 * their digest as sent), a timeout per request, bodies read up to their limit. Redirects are
 * returned, not followed: `followRedirects` decides which to follow and what goes along. Failures
 * without an answer are NetworkErrors naming method, URL and cause.
 *
 * Not fetch: undici's fetch costs about 35 ms to load and 1.5 ms more CPU per request, which is most
 * of a no-op graph run's registry time (35 requests); node:http is already loaded with Node.
 */
export declare function createHttpClient(options?: HttpClientOptions): HttpClient;
