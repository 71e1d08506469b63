import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform, type Readable } from 'node:stream';
import { prematureClose, readBody } from './body.js';
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
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    send(request) {
      const url = redactUrl(request.url);
      // Once the timer fired, whatever the socket then reports (a reset, a short body) is that timeout.
      let timedOut = false;
      const fail = (error: unknown) =>
        networkError(request.method, url, timedOut ? timeoutError(timeoutMs) : error, timeoutMs);
      return new Promise<HttpResponse>((resolve, reject) => {
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          outcome();
        };
        let target: URL;
        try {
          target = new URL(request.url);
          if (target.protocol !== 'http:' && target.protocol !== 'https:')
            throw new Error(`unsupported protocol ${target.protocol}`);
        } catch (error) {
          reject(fail(error));
          return;
        }
        const body =
          request.body === undefined
            ? undefined
            : typeof request.body === 'string'
              ? Buffer.from(request.body)
              : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
        const headers: Record<string, string> = { ...request.headers };
        if (body !== undefined || ['PUT', 'POST', 'PATCH'].includes(request.method))
          headers['content-length'] = String(body?.length ?? 0);
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
        const outgoing = send(target, { method: request.method, headers });

        // A streamed body has no overall deadline (a layer may take minutes): the timer restarts on
        // every chunk, so only a stalled answer times out.
        let timer: NodeJS.Timeout | undefined;
        const restartTimer = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            timedOut = true;
            outgoing.destroy(timeoutError(timeoutMs));
          }, timeoutMs);
        };
        restartTimer();

        let answer: IncomingMessage | undefined;
        outgoing.on('error', (error) => {
          // Bytes past a complete answer (more than its Content-Length): the answer stands as
          // announced, and its digest check decides; node:http calls the rest a parse error.
          if (answer?.complete) return;
          clearTimeout(timer);
          settle(() => reject(fail(error)));
        });
        outgoing.on('response', (response) => {
          answer = response;
          const status = response.statusCode ?? 0;
          const head = { status, headers: headerRecord(response) };
          if (request.streamBody && status >= 200 && status < 300) {
            settle(() =>
              resolve({
                ...head,
                body: new Uint8Array(),
                stream: streamed(response, restartTimer, () => clearTimeout(timer), fail),
              }),
            );
            return;
          }
          // An answer without a body is still read to its end, or its connection is never reused.
          if (request.method === 'HEAD') response.resume();
          readBody(request.method === 'HEAD' ? null : response, {
            method: request.method,
            url,
            status,
            maxBytes: request.maxBodyBytes,
          }).then(
            (bytes) => {
              clearTimeout(timer);
              settle(() => resolve({ ...head, body: bytes }));
            },
            (error: unknown) => {
              clearTimeout(timer);
              response.destroy();
              settle(() => reject(fail(error)));
            },
          );
        });
        outgoing.end(body);
      });
    },
  };
}

/** The error a timed-out request is destroyed with: describeNetworkFailure calls it a timeout. */
function timeoutError(timeoutMs: number): Error {
  const error = new Error(`no answer within ${timeoutMs} ms`);
  error.name = 'TimeoutError';
  return error;
}

/** Lower-case names (as Node gives them); a repeated header's values joined as fetch joins them. */
function headerRecord(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * A 2xx body handed over unread: each chunk restarts the stall timer; the timer stops at the end, on
 * an error, or when the reader stops early (the answer is then destroyed, closing its connection). A
 * connection that ends before the body is complete is an error, never a short stream.
 */
function streamed(
  response: IncomingMessage,
  onChunk: () => void,
  onEnd: () => void,
  describe: (error: unknown) => Error,
): Readable {
  const out = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _encoding, callback) {
      onChunk();
      callback(null, chunk);
    },
  });
  response.on('error', (error) => out.destroy(describe(error)));
  response.on('close', () => {
    if (!response.complete) out.destroy(describe(prematureClose()));
  });
  out.on('close', () => {
    onEnd();
    if (!response.complete) response.destroy();
  });
  response.pipe(out);
  return out;
}
