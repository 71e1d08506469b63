import type { ManifestBytes } from '../tag-writer.js';
import { BODY_LIMITS } from '../limits.js';
import { detectMediaType, MANIFEST_ACCEPT, sha256Digest } from '../manifest.js';
import { isDigest } from '../reference.js';
import type { RegistryRequest } from '../transport/transport.js';
import { pullScope, pushScope, type Session } from './session.js';

export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

export interface PutManifestResult {
  /** The digest the registry stored, from Docker-Content-Digest (or computed from the bytes). */
  digest: string;
  /** Tags the registry confirmed through `OCI-Tag`, when the PUT carried `?tag=` parameters. */
  ociTags?: string[];
}

const manifestPath = (repository: string, reference: string) => `/v2/${repository}/manifests/${reference}`;

/**
 * GET by tag or digest, keeping the exact bytes, at most 4 MiB. The bytes must match the digest asked
 * for, and the registry's Docker-Content-Digest when it sends one: a registry that serves other bytes
 * than it names is an error, not a manifest.
 */
export async function getManifest(
  session: Session,
  repository: string,
  reference: string,
): Promise<ManifestBytes> {
  const request: RegistryRequest = {
    method: 'GET',
    path: manifestPath(repository, reference),
    headers: { accept: MANIFEST_ACCEPT },
    maxBodyBytes: BODY_LIMITS.manifest,
  };
  const response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404)
    session.fail(request, response, `manifest ${repository}:${reference} does not exist`);
  if (response.status !== 200) session.fail(request, response);
  const digest = sha256Digest(response.body);
  if (isDigest(reference) && reference.startsWith('sha256:') && reference !== digest) {
    session.fail(
      request,
      response,
      `the registry sent bytes with digest ${digest}, not the ${reference} asked for`,
    );
  }
  const named = response.headers['docker-content-digest'];
  if (named?.startsWith('sha256:') && named !== digest) {
    session.fail(
      request,
      response,
      `the registry sent bytes with digest ${digest} but names them ${named} (Docker-Content-Digest)`,
    );
  }
  return {
    bytes: response.body,
    mediaType: detectMediaType(response.body, response.headers['content-type']),
    digest,
  };
}

/** HEAD by tag or digest; undefined when it does not exist. */
export async function headManifest(
  session: Session,
  repository: string,
  reference: string,
): Promise<ManifestHead | undefined> {
  const request: RegistryRequest = {
    method: 'HEAD',
    path: manifestPath(repository, reference),
    headers: { accept: MANIFEST_ACCEPT },
  };
  const response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404) return undefined;
  if (response.status !== 200) session.fail(request, response);
  const digest = response.headers['docker-content-digest'];
  if (digest && reference.startsWith('sha256:') && digest.startsWith('sha256:') && digest !== reference) {
    session.fail(request, response, `the registry names digest ${digest}, not the ${reference} asked for`);
  }
  if (!digest) {
    // Without the header only a GET can tell the digest.
    const manifest = await getManifest(session, repository, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
  }
  return {
    digest,
    mediaType: detectMediaType(new Uint8Array(), response.headers['content-type']),
    size: Number(response.headers['content-length'] ?? 0),
  };
}

/**
 * PUT the exact bytes under a tag or digest, optionally with `?tag=` parameters. The registry's answer
 * must name the same digest: that is the check that the tag now points at this manifest.
 */
export async function putManifest(
  session: Session,
  repository: string,
  reference: string,
  manifest: ManifestBytes,
  tags: readonly string[] = [],
): Promise<PutManifestResult> {
  const query = tags.length ? `?${tags.map((t) => `tag=${encodeURIComponent(t)}`).join('&')}` : '';
  const request: RegistryRequest = {
    method: 'PUT',
    path: manifestPath(repository, reference) + query,
    headers: { 'content-type': manifest.mediaType },
    body: manifest.bytes,
  };
  const response = await session.send(request, [pushScope(repository)]);
  if (response.status !== 201 && response.status !== 200) session.fail(request, response);
  const digest = response.headers['docker-content-digest'] ?? manifest.digest;
  if (digest !== manifest.digest) {
    session.fail(request, response, `the registry stored digest ${digest}, expected ${manifest.digest}`);
  }
  const ociTag = response.headers['oci-tag'];
  const ociTags = ociTag
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return { digest, ociTags };
}
