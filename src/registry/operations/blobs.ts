import { BODY_LIMITS } from '../limits.js';
import { sha256Digest } from '../manifest.js';
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
