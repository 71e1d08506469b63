import type { IncomingMessage } from 'node:http';
import { BODY_LIMITS, limitText } from '../limits.js';
import { NetworkError } from './network.js';

export interface BodyReadOptions {
  method: string;
  /** For messages, without credentials. */
  url: string;
  status: number;
  /** Most bytes a successful answer may have; past it the request fails. */
  maxBytes?: number;
}

/** A connection that ended before the answer was complete: worth another try. */
export function prematureClose(): Error {
  return Object.assign(new Error('the body ended early'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * Reads a response body, stopping at a limit: a declared Content-Length over the limit fails before
 * anything is read, and a body that grows past it fails as soon as it does, so memory stays at the
 * limit whatever the server sends. Error bodies are only read for their first bytes (the registry's
 * error codes); redirects' bodies are dropped. The caller destroys the answer when this fails or stops
 * early.
 */
export async function readBody(body: IncomingMessage | null, options: BodyReadOptions): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const success = options.status >= 200 && options.status < 300;
  const redirect = options.status >= 300 && options.status < 400;
  const limit = success ? (options.maxBytes ?? BODY_LIMITS.other) : redirect ? 0 : BODY_LIMITS.errorBody;
  const contentLength = body.headers['content-length'];
  const declared = contentLength === undefined ? undefined : Number(contentLength);
  const tooLarge = (what: string) =>
    new NetworkError(
      options.method,
      options.url,
      `the answer (${options.status}) is larger than the ${limitText(limit)} allowed for it (${what}); stopped reading`,
      { code: 'BODY_TOO_LARGE', transient: false },
    );
  if (success && declared !== undefined && declared > limit) {
    body.destroy();
    throw tooLarge(`Content-Length: ${declared}`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  return new Promise<Uint8Array>((resolve, reject) => {
    const stop = () => {
      body.off('data', onData);
      body.destroy();
    };
    const onData = (chunk: Buffer) => {
      if (received + chunk.length > limit) {
        stop();
        if (success) {
          reject(tooLarge(`more than ${limit} bytes received`));
          return;
        }
        chunks.push(chunk.subarray(0, limit - received));
        received = limit;
        resolve(concat(chunks, received));
        return;
      }
      chunks.push(chunk);
      received += chunk.length;
    };
    body.on('data', onData);
    body.on('end', () => resolve(concat(chunks, received)));
    body.on('error', reject);
    body.on('close', () => {
      if (!body.complete) reject(prematureClose());
    });
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
