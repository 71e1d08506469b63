import type { HttpClient } from './http.js';
export interface RedirectOptions {
    maxRedirects?: number;
}
/**
 * Follows redirects the way a registry client should, where fetch's rules are made for browsers:
 * - `Authorization` never leaves the origin it was meant for (blob storage gets none);
 * - HTTPS never turns into plain HTTP, and only http(s) URLs are followed;
 * - GET and HEAD follow any redirect; other methods (a manifest PUT, a mount, a token POST) follow only
 *   307 and 308 on the same origin, so their bytes and method never go elsewhere or change; any other
 *   redirect of theirs is an error;
 * - at most `maxRedirects` hops.
 * The answer carries the URL that gave it, so the transport can tell a challenge from another origin.
 */
export declare function followRedirects(client: HttpClient, options?: RedirectOptions): HttpClient;
