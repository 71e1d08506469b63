import { readBody } from './body.js';
import { redactUrl } from './errors.js';
import { networkError } from './network.js';

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
export function createFetchClient(options: FetchClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(request) {
      const url = redactUrl(request.url);
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body:
            typeof request.body === 'string' || request.body === undefined
              ? request.body
              : Buffer.from(request.body),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        const body = await readBody(
          request.method === 'HEAD' ? null : response.body,
          response.headers.get('content-length'),
          { method: request.method, url, status: response.status, maxBytes: request.maxBodyBytes },
        );
        return { status: response.status, headers, body };
      } catch (error) {
        throw networkError(request.method, url, error, timeoutMs);
      }
    },
  };
}
