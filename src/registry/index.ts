// A small OCI distribution client: references, a transport (auth challenges, retries), operations.
export type { ManifestBytes, TagWriter } from './tag-writer.js';
export {
  DOCKER_HUB,
  formatReference,
  InvalidReferenceError,
  isDigest,
  isValidTag,
  manifestReference,
  nameAsWritten,
  parseReference,
  registryApiHost,
  registryBaseUrl,
  repositoryName,
  type ImageReference,
} from './reference.js';
export {
  chainCredentials,
  dockerConfigCredentials,
  givenCredentials,
  normaliseConfigKey,
  type CredentialSource,
  type DockerConfig,
  type DockerConfigOptions,
  type RegistryCredential,
} from './credentials.js';
export {
  createRegistryClient,
  nextPage,
  type ManifestHead,
  type OpenBlobOptions,
  type PutManifestResult,
  type RegistryClient,
  type RegistryClientOptions,
} from './client.js';
export {
  detectMediaType,
  indexManifests,
  isIndexMediaType,
  MANIFEST_ACCEPT,
  manifestBlobs,
  manifestConfigDigest,
  MEDIA_TYPES,
  sha256Digest,
  type Descriptor,
} from './manifest.js';
export { BODY_LIMITS, MAX_REDIRECTS, MAX_TAG_PAGES } from './limits.js';
export { parseChallenge, type AuthChallenge } from './transport/challenge.js';
export { RegistryError, type RegistryErrorDetail } from './transport/errors.js';
export { createHttpClient, type HttpClient, type HttpRequest, type HttpResponse } from './transport/http.js';
export { NetworkError } from './transport/network.js';
export { followRedirects, type RedirectOptions } from './transport/redirect.js';
export { parseRetryAfter, withRetry, type RetryOptions } from './transport/retry.js';
export {
  RegistryAuthError,
  createTransport,
  type RegistryTransport,
  type TransportOptions,
} from './transport/transport.js';
