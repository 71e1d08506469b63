import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { BODY_LIMITS, limitText } from '../limits.js';
import { sha256Digest } from '../manifest.js';
import { RegistryError } from '../transport/errors.js';
import type { RegistryRequest } from '../transport/transport.js';
import { pullScope, pushScope, type Session } from './session.js';

export async function blobExists(session: Session, repository: string, digest: string): Promise<boolean> {
  const request: RegistryRequest = { method: 'HEAD', path: `/v2/${repository}/blobs/${digest}` };
  const response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404) return false;
  if (response.status !== 200) session.fail(request, response);
  return true;
}

/** Cross-repository mount: true when the registry mounted the blob (201), false when it wants an upload (202). */
export async function mountBlob(
  session: Session,
  repository: string,
  digest: string,
  fromRepository: string,
): Promise<boolean> {
  const query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
  const request: RegistryRequest = {
    method: 'POST',
    path: `/v2/${repository}/blobs/uploads/?${query}`,
    headers: { 'content-length': '0' },
  };
  const response = await session.send(request, [pushScope(repository), pullScope(fromRepository)]);
  if (response.status === 201) return true;
  if (response.status !== 202) session.fail(request, response);
  // The registry opened an upload instead; cancel it so it does not linger until garbage collection.
  const location = response.headers.location;
  if (location) {
    const url = new URL(location, session.baseUrl);
    await session
      .send({ method: 'DELETE', path: url.pathname + url.search }, [pushScope(repository)])
      .catch(() => undefined);
  }
  return false;
}

/**
 * A blob's bytes (configs, small files), held in memory: at most `maxBytes` (8 MiB, for configs), and
 * checked against its digest. Redirects to storage are followed, without our credentials.
 */
export async function getBlob(
  session: Session,
  repository: string,
  digest: string,
  maxBytes: number = BODY_LIMITS.configBlob,
): Promise<Uint8Array> {
  const request: RegistryRequest = {
    method: 'GET',
    path: `/v2/${repository}/blobs/${digest}`,
    maxBodyBytes: maxBytes,
  };
  const response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404)
    session.fail(request, response, `blob ${digest} does not exist in ${repository}`);
  if (response.status !== 200) session.fail(request, response);
  if (digest.startsWith('sha256:') && sha256Digest(response.body) !== digest) {
    session.fail(request, response, `the registry sent bytes that do not match ${digest}`);
  }
  return response.body;
}

export interface OpenBlobOptions {
  /** The blob's size from its descriptor: a declared length that differs, or more bytes, fail at once. */
  expectedBytes?: number;
}

const DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;

/**
 * A blob as a stream, for layers of any size: no body limit applies, and nothing is held in memory.
 * The bytes are hashed as they pass; when the registry has sent them all, a digest (or size) that does
 * not match fails the stream, so a reader learns of corrupt bytes before it finishes. A reader that
 * stops early destroys the stream, which closes the connection.
 */
export async function openBlob(
  session: Session,
  repository: string,
  digest: string,
  options: OpenBlobOptions = {},
): Promise<Readable> {
  const request: RegistryRequest = {
    method: 'GET',
    path: `/v2/${repository}/blobs/${digest}`,
    streamBody: true,
  };
  const algorithm = DIGEST.exec(digest)?.[1];
  if (!algorithm) throw new Error(`"${digest}" is not a sha256 or sha512 digest`);
  const response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404)
    session.fail(request, response, `blob ${digest} does not exist in ${repository}`);
  if (response.status !== 200) session.fail(request, response);
  // An HTTP client that does not stream (a test double) hands the whole body over instead.
  const source = response.stream ?? Readable.from([Buffer.from(response.body)]);
  const problem = (detail: string) =>
    new RegistryError(request.method, session.baseUrl + request.path, response.status, [], detail);
  const declared = response.headers['content-length'];
  const { expectedBytes } = options;
  if (expectedBytes !== undefined && declared !== undefined && Number(declared) !== expectedBytes) {
    source.destroy();
    throw problem(
      `the registry declares ${declared} bytes for ${digest}, whose descriptor says ${expectedBytes}`,
    );
  }
  const check = new DigestCheck(algorithm, digest, expectedBytes, problem);
  // pipeline() ends both streams together: an error on either side (the connection, the check, a
  // reader that stops) reaches the other.
  pipeline(source, check, () => undefined);
  return check;
}

/** Passes bytes through, hashing and counting them; fails on more bytes than expected, or a bad digest at the end. */
class DigestCheck extends Transform {
  private readonly hash;
  private received = 0;

  constructor(
    algorithm: string,
    private readonly digest: string,
    private readonly expectedBytes: number | undefined,
    private readonly problem: (detail: string) => Error,
  ) {
    super({ highWaterMark: 1 << 20 });
    this.hash = createHash(algorithm);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.expectedBytes !== undefined && this.received > this.expectedBytes) {
      callback(this.problem(`the registry sent more than the ${this.expectedBytes} bytes of ${this.digest}`));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedBytes !== undefined && this.received !== this.expectedBytes) {
      callback(
        this.problem(
          `the registry sent ${this.received} of the ${this.expectedBytes} bytes of ${this.digest}`,
        ),
      );
      return;
    }
    const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    callback(
      actual === this.digest
        ? null
        : this.problem(`the registry sent bytes that do not match ${this.digest}`),
    );
  }
}

/**
 * Uploads a small blob held in memory (an artifact's JSON, never a layer): POST opens an upload, one
 * PUT to its Location with `?digest=` completes it. The Location may be relative or absolute; an
 * absolute one on another origin is refused, because the PUT would carry this registry's credentials
 * there. At most `BODY_LIMITS.uploadBlob` bytes. Returns the digest the registry stored.
 */
export async function uploadBlob(session: Session, repository: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length > BODY_LIMITS.uploadBlob) {
    throw new Error(
      `a blob of ${bytes.length} bytes is over the ${limitText(BODY_LIMITS.uploadBlob)} uploaded from memory`,
    );
  }
  const digest = sha256Digest(bytes);
  const start: RegistryRequest = {
    method: 'POST',
    path: `/v2/${repository}/blobs/uploads/`,
    headers: { 'content-length': '0' },
  };
  const opened = await session.send(start, [pushScope(repository)]);
  if (opened.status !== 202) session.fail(start, opened);
  const location = opened.headers.location;
  if (!location) session.fail(start, opened, 'the registry opened an upload without a Location');
  const url = uploadUrl(location, session.baseUrl + start.path);
  if (!url || url.origin !== new URL(session.baseUrl).origin) {
    session.fail(start, opened, 'the upload Location is not on this registry: not followed');
  }
  url.searchParams.set('digest', digest);
  const finish: RegistryRequest = {
    method: 'PUT',
    path: url.pathname + url.search,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
    body: bytes,
  };
  const stored = await session.send(finish, [pushScope(repository)]);
  if (stored.status !== 201) session.fail(finish, stored);
  const named = stored.headers['docker-content-digest'];
  if (named && named !== digest) {
    session.fail(finish, stored, `the registry stored digest ${named}, expected ${digest}`);
  }
  return digest;
}

/** The upload URL a Location names, resolved against the request that opened it; undefined when unreadable. */
function uploadUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
