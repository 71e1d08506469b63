/**
 * Image references, parsed the way Docker and distribution/reference do: a name with an optional
 * registry host (a first component with a `.` or `:`, or `localhost`), Docker Hub by default with
 * `library/` for single-component names, then an optional `:tag` and an optional `@digest`.
 */
export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API host: `docker.io` is only the name users write. */
const DOCKER_HUB_API = 'registry-1.docker.io';

export interface ImageReference {
  /** Registry host as written (with port), `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path inside the registry, e.g. `library/alpine`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** A reference that cannot be parsed; `reference` is the text given, `detail` says what is wrong. */
export class InvalidReferenceError extends Error {
  readonly reference: string;
  constructor(reference: string, detail: string) {
    super(`invalid image reference "${reference}": ${detail}`);
    this.name = 'InvalidReferenceError';
    this.reference = reference;
  }
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
const MAX_NAME_LENGTH = 255;

export function parseReference(text: string): ImageReference {
  const fail = (detail: string): never => {
    throw new InvalidReferenceError(text, detail);
  };
  const input = text.trim();
  if (!input) fail('it is empty');
  if (/\s/.test(input)) fail('it contains whitespace');

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) fail(`"${digest}" is not a digest (expected algorithm:hex)`);
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
      fail(`"${digest}" is not a sha256 digest (64 lowercase hex characters)`);
    }
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      fail(`tag "${tag}" is invalid (letters, digits, _ . - up to 128 characters, not starting with . or -)`);
    }
  }
  if (!rest) fail('the repository name is missing');

  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0];
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = parts.shift() as string;
    if (!HOST.test(registry)) fail(`registry host "${registry}" is invalid`);
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_API) registry = DOCKER_HUB;
  for (const part of parts) {
    if (!part) fail('the repository name has an empty path component');
    if (part !== part.toLowerCase() && COMPONENT.test(part.toLowerCase())) {
      fail(`repository name must be lowercase ("${part}")`);
    }
    if (!COMPONENT.test(part)) {
      fail(`"${part}" is not a valid repository path component (lowercase letters, digits, . _ -)`);
    }
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (repository.length > MAX_NAME_LENGTH)
    fail(`the repository name is longer than ${MAX_NAME_LENGTH} characters`);
  return { registry, repository, tag, digest };
}

/** The canonical text of a reference: `registry/repository[:tag][@digest]`. */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The repository without tag or digest, e.g. `127.0.0.1:5000/app`. */
export function repositoryName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`;
}

/**
 * The name of an image reference as the user wrote it, without its tag and digest (`r/app:1` →
 * `r/app`, no `docker.io/` added): for names derived from it, such as a cache ref beside it.
 */
export function nameAsWritten(text: string): string {
  const { tag, digest } = parseReference(text);
  let name = text.trim();
  if (digest) name = name.slice(0, name.length - digest.length - 1);
  if (tag) name = name.slice(0, name.length - tag.length - 1);
  return name;
}

/** Tag or digest to address the manifest by: the digest wins when both are given. */
export function manifestReference(ref: ImageReference): string | undefined {
  return ref.digest ?? ref.tag;
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/** Host the HTTP API lives on: Docker Hub's names map to its API host. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

/** Loopback registries speak plain HTTP (as Docker assumes); every other registry is HTTPS. */
export function registryBaseUrl(registry: string): string {
  const host = registryApiHost(registry);
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
  return `${loopback ? 'http' : 'https'}://${host}`;
}
