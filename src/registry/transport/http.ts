import { Readable } from 'node:stream';
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

export interface FetchClientOptions {
  /** Per-request timeout, covering the whole response body (for a streamed body: each wait for data). */
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
      // A streamed body has no overall deadline (a layer may take minutes): the timer restarts on
      // every chunk, so only a stalled answer times out.
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const restartTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), timeoutMs);
      };
      restartTimer();
      let streamed = false;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body:
            typeof request.body === 'string' || request.body === undefined
              ? request.body
              : Buffer.from(request.body),
          redirect: 'manual',
          signal: controller.signal,
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        if (request.streamBody && response.ok && response.body) {
          streamed = true;
          const stream = chunks(
            response.body,
            restartTimer,
            () => clearTimeout(timer),
            (error) => networkError(request.method, url, error, timeoutMs),
          );
          return { status: response.status, headers, body: new Uint8Array(), stream };
        }
        const body = await readBody(
          request.method === 'HEAD' ? null : response.body,
          response.headers.get('content-length'),
          { method: request.method, url, status: response.status, maxBytes: request.maxBodyBytes },
        );
        return { status: response.status, headers, body };
      } catch (error) {
        throw networkError(request.method, url, error, timeoutMs);
      } finally {
        if (!streamed) clearTimeout(timer);
      }
    },
  };
}

/**
 * A fetch body as a Node stream: each chunk restarts the stall timer; the timer stops at the end, on
 * an error, or when the reader stops early (the body is then cancelled, closing the connection).
 */
function chunks(
  body: ReadableStream<Uint8Array>,
  onChunk: () => void,
  onEnd: () => void,
  describe: (error: unknown) => Error,
): Readable {
  const reader = body.getReader();
  async function* read() {
    let done = false;
    try {
      for (;;) {
        const next = await reader.read().catch((error: unknown) => {
          throw describe(error);
        });
        if (next.done) {
          done = true;
          return;
        }
        onChunk();
        yield next.value;
      }
    } finally {
      onEnd();
      if (!done) await reader.cancel().catch(() => undefined);
    }
  }
  return Readable.from(read(), { objectMode: false, highWaterMark: 1 << 20 });
}
