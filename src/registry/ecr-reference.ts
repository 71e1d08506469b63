import { InputError } from '../util/errors.js';
import { type ImageReference, InvalidReferenceError, parseReference } from './reference.js';

/** AWS partitions ECR runs in; the China partition has its own domain. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

interface ImagePointer {
  /** Repository name inside the registry (for ECR Public: without the alias). */
  repository: string;
  tag?: string;
  digest?: string;
}

export interface EcrPrivateReference extends ImagePointer {
  kind: 'private';
  /** Registry host, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
  registry: string;
  accountId: string;
  region: string;
  partition: AwsPartition;
  fips: boolean;
  /** `<acct>.dkr-ecr.<region>.on.aws` (IPv4 + IPv6 endpoint). */
  dualStack: boolean;
}

export interface EcrPublicReference extends ImagePointer {
  kind: 'public';
  registry: 'public.ecr.aws';
  /** Registry alias: the first path segment of `public.ecr.aws/<alias>/<repository>`. */
  alias: string;
  /** ECR Public's API lives only in us-east-1, wherever the user's other resources are. */
  region: 'us-east-1';
  partition: 'aws';
}

export type EcrReference = EcrPrivateReference | EcrPublicReference;

const PRIVATE_HOST =
  /^(\d{12})\.(?:dkr\.ecr(-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(\.cn)?|dkr-ecr\.([a-z]{2}(?:-[a-z]+)+-\d+)\.on\.aws)$/;
const PUBLIC_HOST = 'public.ecr.aws';
/** ECR's repositoryName pattern (API reference, CreateRepository), 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const PUBLIC_ALIAS = /^[a-z][a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** True when `host` (no scheme, no path) is a private or public ECR registry. */
export function isEcrRegistry(host: string): boolean {
  const bare = host.toLowerCase();
  return bare === PUBLIC_HOST || PRIVATE_HOST.test(bare);
}

/** Why a repository name is not valid for ECR, or undefined when it is. */
export function ecrRepositoryNameProblem(name: string): string | undefined {
  if (name.length < 2 || name.length > 256) return `"${name}" must be 2 to 256 characters long`;
  if (!REPOSITORY_NAME.test(name)) {
    return `"${name}" is not a valid ECR repository name: lowercase letters, digits and . _ - separators, path segments split by /`;
  }
  return undefined;
}

/**
 * Recognises an ECR image reference (`host/repository[:tag][@digest]`). Returns undefined when the
 * host is not ECR, so callers can treat other registries normally; throws InputError when the host is
 * ECR but the rest cannot be pushed there.
 */
export function parseEcrReference(reference: string, input = 'images'): EcrReference | undefined {
  const trimmed = reference.trim().replace(/^[a-z]+:\/\//i, '');
  const slash = trimmed.indexOf('/');
  const host = (slash < 0 ? trimmed : trimmed.slice(0, slash)).toLowerCase();
  if (!isEcrRegistry(host)) return undefined;
  if (slash < 0 || slash === trimmed.length - 1) {
    throw new InputError(input, `"${reference}" names an ECR registry but no repository`);
  }
  const pointer = splitPointer(host, trimmed.slice(slash + 1), reference, input);
  if (host === PUBLIC_HOST) return publicReference(pointer, reference, input);

  const match = PRIVATE_HOST.exec(host);
  if (!match) throw new InputError(input, `"${reference}" is not an ECR reference`);
  const [, accountId, fips, classicRegion, china, dualStackRegion] = match;
  const region = classicRegion ?? dualStackRegion;
  if (Boolean(china) !== region.startsWith('cn-')) {
    throw new InputError(
      input,
      `"${reference}": region ${region} does not belong to ${china ? 'amazonaws.com.cn (China regions are cn-*)' : 'amazonaws.com (cn-* regions use amazonaws.com.cn)'}`,
    );
  }
  const namingProblem = ecrRepositoryNameProblem(pointer.repository);
  if (namingProblem) throw new InputError(input, namingProblem);
  return {
    kind: 'private',
    registry: host,
    accountId,
    region,
    partition: region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
    fips: Boolean(fips),
    dualStack: Boolean(dualStackRegion),
    ...pointer,
  };
}

function publicReference(pointer: ImagePointer, reference: string, input: string): EcrPublicReference {
  const aliasEnd = pointer.repository.indexOf('/');
  if (aliasEnd < 0) {
    throw new InputError(
      input,
      `"${reference}": ECR Public references are public.ecr.aws/<alias>/<repository>`,
    );
  }
  const alias = pointer.repository.slice(0, aliasEnd);
  const repository = pointer.repository.slice(aliasEnd + 1);
  if (alias.length < 2 || alias.length > 50 || !PUBLIC_ALIAS.test(alias)) {
    throw new InputError(input, `"${reference}": "${alias}" is not a valid ECR Public registry alias`);
  }
  const namingProblem = ecrRepositoryNameProblem(repository);
  if (namingProblem) throw new InputError(input, namingProblem);
  return {
    kind: 'public',
    registry: PUBLIC_HOST,
    alias,
    region: 'us-east-1',
    partition: 'aws',
    ...pointer,
    repository,
  };
}

/** Repository, tag and digest of an ECR reference, through the one reference parser. */
function splitPointer(host: string, path: string, reference: string, input: string): ImagePointer {
  let parsed: ImageReference;
  try {
    parsed = parseReference(`${host}/${path}`);
  } catch (error) {
    // The parser's message starts with the reference again: keep only what is wrong with it.
    const detail =
      error instanceof InvalidReferenceError
        ? error.message.slice(`invalid image reference "${error.reference}": `.length)
        : String(error);
    throw new InputError(input, `"${reference}": ${detail}`);
  }
  const { repository, tag, digest } = parsed;
  if (digest !== undefined && !DIGEST.test(digest))
    throw new InputError(input, `"${reference}": "${digest}" is not a sha256 digest`);
  return { repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** The registry/repository string docker uses for this reference (no tag or digest). */
export function ecrRepositoryUri(reference: EcrReference): string {
  return reference.kind === 'public'
    ? `${reference.registry}/${reference.alias}/${reference.repository}`
    : `${reference.registry}/${reference.repository}`;
}
