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

/**
 * Reads a response body as a stream, stopping at a limit: a declared Content-Length over the limit
 * fails before anything is read, and a body that grows past it fails as soon as it does, so memory
 * stays at the limit whatever the server sends. Error bodies are only read for their first bytes (the
 * registry's error codes); redirects' bodies are dropped.
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  contentLength: string | null,
  options: BodyReadOptions,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const success = options.status >= 200 && options.status < 300;
  const redirect = options.status >= 300 && options.status < 400;
  const limit = success ? (options.maxBytes ?? BODY_LIMITS.other) : redirect ? 0 : BODY_LIMITS.errorBody;
  const declared = contentLength === null ? undefined : Number(contentLength);
  const tooLarge = (what: string) =>
    new NetworkError(
      options.method,
      options.url,
      `the answer (${options.status}) is larger than the ${limitText(limit)} allowed for it (${what}); stopped reading`,
      { code: 'BODY_TOO_LARGE', transient: false },
    );
  const reader = body.getReader();
  if (success && declared !== undefined && declared > limit) {
    await reader.cancel().catch(() => undefined);
    throw tooLarge(`Content-Length: ${declared}`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > limit) {
      await reader.cancel().catch(() => undefined);
      if (success) throw tooLarge(`more than ${limit} bytes received`);
      chunks.push(value.subarray(0, limit - received));
      received = limit;
      break;
    }
    chunks.push(value);
    received += value.length;
  }
  return concat(chunks, received);
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
