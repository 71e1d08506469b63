/** The one seam between the registry client and the network: tests may swap it for a fake. */
export interface HttpRequest {
    method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
    url: string;
    headers?: Record<string, string>;
    /** Bytes, kept as given: a retry re-sends the same buffer. */
    body?: Uint8Array | string;
    /** Most bytes a successful answer's body may have (see BODY_LIMITS); past it the request fails. */
    maxBodyBytes?: number;
}
export interface HttpResponse {
    status: number;
    /** Lower-case header names. */
    headers: Record<string, string>;
    body: Uint8Array;
    /** The URL that answered, after redirects; absent when it is the URL asked for. */
    url?: string;
}
export interface HttpClient {
    send(request: HttpRequest): Promise<HttpResponse>;
}
export interface FetchClientOptions {
    /** Per-request timeout, covering the whole response body. */
    timeoutMs?: number;
}
/**
 * HttpClient on Node's fetch (undici): keep-alive, no cookies, a timeout per request, bodies read up
 * to their limit. Redirects are returned, not followed: `followRedirects` decides which to follow and
 * what goes along. Failures without an answer are NetworkErrors naming method, URL and cause.
 */
export declare function createFetchClient(options?: FetchClientOptions): HttpClient;
