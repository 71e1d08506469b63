import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/registry/reference.ts
var DOCKER_HUB = "docker.io", DOCKER_HUB_API = "registry-1.docker.io", InvalidReferenceError = class extends Error {
  reference;
  constructor(reference, detail) {
    super(`invalid image reference "${reference}": ${detail}`), this.name = "InvalidReferenceError", this.reference = reference;
  }
}, COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/, TAG = /^[\w][\w.-]{0,127}$/, DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/, HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/, MAX_NAME_LENGTH = 255;
function parseReference(text) {
  let fail = (detail) => {
    throw new InvalidReferenceError(text, detail);
  }, input = text.trim();
  input || fail("it is empty"), /\s/.test(input) && fail("it contains whitespace");
  let rest = input, digest, at = rest.indexOf("@");
  at >= 0 && (digest = rest.slice(at + 1), rest = rest.slice(0, at), DIGEST.test(digest) || fail(`"${digest}" is not a digest (expected algorithm:hex)`), digest.startsWith("sha256:") && !/^sha256:[a-f0-9]{64}$/.test(digest) && fail(`"${digest}" is not a sha256 digest (64 lowercase hex characters)`));
  let tag, lastSlash = rest.lastIndexOf("/"), colon = rest.lastIndexOf(":");
  colon > lastSlash && (tag = rest.slice(colon + 1), rest = rest.slice(0, colon), TAG.test(tag) || fail(`tag "${tag}" is invalid (letters, digits, _ . - up to 128 characters, not starting with . or -)`)), rest || fail("the repository name is missing");
  let parts = rest.split("/"), registry = DOCKER_HUB, first = parts[0];
  parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost") && (registry = parts.shift(), HOST.test(registry) || fail(`registry host "${registry}" is invalid`)), (registry === "index.docker.io" || registry === DOCKER_HUB_API) && (registry = DOCKER_HUB);
  for (let part of parts)
    part || fail("the repository name has an empty path component"), part !== part.toLowerCase() && COMPONENT.test(part.toLowerCase()) && fail(`repository name must be lowercase ("${part}")`), COMPONENT.test(part) || fail(`"${part}" is not a valid repository path component (lowercase letters, digits, . _ -)`);
  registry === DOCKER_HUB && parts.length === 1 && parts.unshift("library");
  let repository = parts.join("/");
  return repository.length > MAX_NAME_LENGTH && fail(`the repository name is longer than ${MAX_NAME_LENGTH} characters`), { registry, repository, tag, digest };
}
function formatReference(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
function repositoryName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function nameAsWritten(text) {
  let { tag, digest } = parseReference(text), name = text.trim();
  return digest && (name = name.slice(0, name.length - digest.length - 1)), tag && (name = name.slice(0, name.length - tag.length - 1)), name;
}
function manifestReference(ref) {
  return ref.digest ?? ref.tag;
}
function isValidTag(tag) {
  return TAG.test(tag);
}
function isDigest(text) {
  return DIGEST.test(text);
}
function registryApiHost(registry) {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
function registryBaseUrl(registry) {
  let host = registryApiHost(registry), hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return `${hostname === "localhost" || hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(hostname) ? "http" : "https"}://${host}`;
}

export {
  DOCKER_HUB,
  InvalidReferenceError,
  parseReference,
  formatReference,
  repositoryName,
  nameAsWritten,
  manifestReference,
  isValidTag,
  isDigest,
  registryApiHost,
  registryBaseUrl
};
