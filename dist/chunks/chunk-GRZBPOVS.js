import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  InvalidReferenceError,
  parseReference
} from "./chunk-H5I7P22Y.js";
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/registry/ecr-reference.ts
var PRIVATE_HOST = /^(\d{12})\.(?:dkr\.ecr(-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(\.cn)?|dkr-ecr\.([a-z]{2}(?:-[a-z]+)+-\d+)\.on\.aws)$/, PUBLIC_HOST = "public.ecr.aws", REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, PUBLIC_ALIAS = /^[a-z][a-z0-9]+(?:[._-][a-z0-9]+)*$/, DIGEST = /^sha256:[a-f0-9]{64}$/;
function isEcrRegistry(host) {
  let bare = host.toLowerCase();
  return bare === PUBLIC_HOST || PRIVATE_HOST.test(bare);
}
function ecrRepositoryNameProblem(name) {
  if (name.length < 2 || name.length > 256) return `"${name}" must be 2 to 256 characters long`;
  if (!REPOSITORY_NAME.test(name))
    return `"${name}" is not a valid ECR repository name: lowercase letters, digits and . _ - separators, path segments split by /`;
}
function parseEcrReference(reference, input = "images") {
  let trimmed = reference.trim().replace(/^[a-z]+:\/\//i, ""), slash = trimmed.indexOf("/"), host = (slash < 0 ? trimmed : trimmed.slice(0, slash)).toLowerCase();
  if (!isEcrRegistry(host)) return;
  if (slash < 0 || slash === trimmed.length - 1)
    throw new InputError(input, `"${reference}" names an ECR registry but no repository`);
  let pointer = splitPointer(host, trimmed.slice(slash + 1), reference, input);
  if (host === PUBLIC_HOST) return publicReference(pointer, reference, input);
  let match = PRIVATE_HOST.exec(host);
  if (!match) throw new InputError(input, `"${reference}" is not an ECR reference`);
  let [, accountId, fips, classicRegion, china, dualStackRegion] = match, region = classicRegion ?? dualStackRegion;
  if (!!china !== region.startsWith("cn-"))
    throw new InputError(
      input,
      `"${reference}": region ${region} does not belong to ${china ? "amazonaws.com.cn (China regions are cn-*)" : "amazonaws.com (cn-* regions use amazonaws.com.cn)"}`
    );
  let namingProblem = ecrRepositoryNameProblem(pointer.repository);
  if (namingProblem) throw new InputError(input, namingProblem);
  return {
    kind: "private",
    registry: host,
    accountId,
    region,
    partition: region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws",
    fips: !!fips,
    dualStack: !!dualStackRegion,
    ...pointer
  };
}
function publicReference(pointer, reference, input) {
  let aliasEnd = pointer.repository.indexOf("/");
  if (aliasEnd < 0)
    throw new InputError(
      input,
      `"${reference}": ECR Public references are public.ecr.aws/<alias>/<repository>`
    );
  let alias = pointer.repository.slice(0, aliasEnd), repository = pointer.repository.slice(aliasEnd + 1);
  if (alias.length < 2 || alias.length > 50 || !PUBLIC_ALIAS.test(alias))
    throw new InputError(input, `"${reference}": "${alias}" is not a valid ECR Public registry alias`);
  let namingProblem = ecrRepositoryNameProblem(repository);
  if (namingProblem) throw new InputError(input, namingProblem);
  return {
    kind: "public",
    registry: PUBLIC_HOST,
    alias,
    region: "us-east-1",
    partition: "aws",
    ...pointer,
    repository
  };
}
function splitPointer(host, path, reference, input) {
  let parsed;
  try {
    parsed = parseReference(`${host}/${path}`);
  } catch (error) {
    let detail = error instanceof InvalidReferenceError ? error.message.slice(`invalid image reference "${error.reference}": `.length) : String(error);
    throw new InputError(input, `"${reference}": ${detail}`);
  }
  let { repository, tag, digest } = parsed;
  if (digest !== void 0 && !DIGEST.test(digest))
    throw new InputError(input, `"${reference}": "${digest}" is not a sha256 digest`);
  return { repository, ...tag !== void 0 && { tag }, ...digest !== void 0 && { digest } };
}
function ecrRepositoryUri(reference) {
  return reference.kind === "public" ? `${reference.registry}/${reference.alias}/${reference.repository}` : `${reference.registry}/${reference.repository}`;
}

export {
  isEcrRegistry,
  ecrRepositoryNameProblem,
  parseEcrReference,
  ecrRepositoryUri
};
