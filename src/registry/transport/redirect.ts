import { MAX_REDIRECTS } from '../limits.js';
import { redactUrl } from './errors.js';
import type { HttpClient, HttpRequest, HttpResponse } from './http.js';
import { NetworkError } from './network.js';

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

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
export function followRedirects(client: HttpClient, options: RedirectOptions = {}): HttpClient {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  return {
    async send(first) {
      let request: HttpRequest = first;
      for (let hops = 0; ; hops++) {
        const response: HttpResponse = await client.send(request);
        const location = response.headers.location;
        if (!REDIRECT_STATUS.has(response.status) || !location)
          return request.url === first.url ? response : { ...response, url: request.url };
        const fail = (detail: string) =>
          new NetworkError(first.method, redactUrl(first.url), detail, {
            code: 'BAD_REDIRECT',
            transient: false,
          });
        let next: URL;
        try {
          next = new URL(location, request.url);
        } catch {
          throw fail(`redirected to an unreadable location ${JSON.stringify(location.slice(0, 200))}`);
        }
        const current = new URL(request.url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw fail(`redirected to ${next.protocol} URL, only http(s) is followed`);
        if (current.protocol === 'https:' && next.protocol === 'http:')
          throw fail(`redirected from HTTPS to plain HTTP (${redactUrl(next.href)}): refused`);
        const sameOrigin = next.origin === current.origin;
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          if (!sameOrigin)
            throw fail(
              `redirected to ${redactUrl(next.href)}, another origin: a ${request.method} is only followed on the same origin`,
            );
          if (response.status !== 307 && response.status !== 308)
            throw fail(
              `answered ${response.status}, which would turn the ${request.method} into a GET: not followed`,
            );
        }
        if (hops >= maxRedirects)
          throw fail(`more than ${maxRedirects} redirects (the last to ${redactUrl(next.href)})`);
        const headers = Object.fromEntries(
          Object.entries(request.headers ?? {}).filter(
            ([name]) => sameOrigin || name.toLowerCase() !== 'authorization',
          ),
        );
        request = { ...request, url: next.href, headers };
      }
    },
  };
}
