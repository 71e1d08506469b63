import { parseBoolean } from '../util/boolean.js';
import type { EncryptionType, ImageTagMutability } from '@aws-sdk/client-ecr';
import { InputError } from '../util/errors.js';
import type { EcrReference } from '../registry/ecr-reference.js';

/** Action input names (and their defaults) that configure ECR; the lead lists them in action.yml. */
export const ECR_INPUT_DEFAULTS = {
  'aws-region': '',
  'ecr-create-repository': 'true',
  'ecr-scan-on-push': 'true',
  'ecr-tag-mutability': 'MUTABLE',
  'ecr-tag-mutability-exclusions': '',
  'ecr-encryption': 'AES256',
  'ecr-kms-key': '',
  'ecr-repository-tags': '',
  'ecr-lifecycle-expire-untagged-days': '',
  'ecr-wait-for-scan': '120',
} as const;

export type EcrInputName = keyof typeof ECR_INPUT_DEFAULTS;

export interface EcrResourceTag {
  key: string;
  value: string;
}

export interface EcrInputs {
  /** Region from inputs; undefined means "take it from the image reference". */
  region?: string;
  createRepository: boolean;
  scanOnPush: boolean;
  tagMutability: ImageTagMutability;
  /** Wildcard filters for the *_WITH_EXCLUSION mutabilities. */
  tagMutabilityExclusions: string[];
  encryption: EncryptionType;
  kmsKey?: string;
  repositoryTags: EcrResourceTag[];
  /** Lifecycle rule for new repositories: expire untagged images after this many days. */
  lifecycleExpireUntaggedDays?: number;
  /** Upper bound for waiting on scan-on-push findings; 0 means do not wait. */
  waitForScanSeconds: number;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const MUTABILITIES: readonly ImageTagMutability[] = [
  'MUTABLE',
  'IMMUTABLE',
  'MUTABLE_WITH_EXCLUSION',
  'IMMUTABLE_WITH_EXCLUSION',
];
const ENCRYPTIONS: readonly EncryptionType[] = ['AES256', 'KMS', 'KMS_DSSE'];

/** Reads and validates the ECR inputs; every problem is an InputError naming the input. */
export function readEcrInputs(getInput: (name: EcrInputName) => string): EcrInputs {
  const read = (name: EcrInputName): string => {
    const value = getInput(name).trim();
    return value === '' ? ECR_INPUT_DEFAULTS[name] : value;
  };

  const region = read('aws-region') || undefined;
  if (region !== undefined && !REGION.test(region)) {
    throw new InputError('aws-region', `"${region}" is not an AWS region (e.g. eu-west-1)`);
  }

  const tagMutability = oneOf('ecr-tag-mutability', read('ecr-tag-mutability').toUpperCase(), MUTABILITIES);
  const tagMutabilityExclusions = lines(read('ecr-tag-mutability-exclusions')).map((entry) => entry.text);
  if (tagMutability.endsWith('_WITH_EXCLUSION') !== tagMutabilityExclusions.length > 0) {
    throw new InputError(
      'ecr-tag-mutability-exclusions',
      tagMutabilityExclusions.length > 0
        ? `exclusion filters only apply to MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION, not ${tagMutability}`
        : `${tagMutability} needs at least one wildcard filter (e.g. "latest" or "dev-*")`,
    );
  }

  const encryption = oneOf('ecr-encryption', read('ecr-encryption').toUpperCase(), ENCRYPTIONS);
  const kmsKey = read('ecr-kms-key') || undefined;
  if (kmsKey !== undefined && encryption === 'AES256') {
    throw new InputError('ecr-kms-key', 'a KMS key needs ecr-encryption KMS or KMS_DSSE, not AES256');
  }

  const days = read('ecr-lifecycle-expire-untagged-days');
  const waitForScan = read('ecr-wait-for-scan');
  return {
    ...(region !== undefined && { region }),
    createRepository: bool('ecr-create-repository', read('ecr-create-repository')),
    scanOnPush: bool('ecr-scan-on-push', read('ecr-scan-on-push')),
    tagMutability,
    tagMutabilityExclusions,
    encryption,
    ...(kmsKey !== undefined && { kmsKey }),
    repositoryTags: resourceTags(read('ecr-repository-tags')),
    ...(days !== '' && {
      lifecycleExpireUntaggedDays: wholeNumber('ecr-lifecycle-expire-untagged-days', days, 1),
    }),
    waitForScanSeconds: wholeNumber('ecr-wait-for-scan', waitForScan, 0),
  };
}

/**
 * The region to call ECR in: the reference's own region, which an `aws-region` input must match
 * (a mismatch would log in to, and create repositories in, the wrong region).
 */
export function resolveEcrRegion(reference: EcrReference, inputs: Pick<EcrInputs, 'region'>): string {
  if (reference.kind === 'public') return reference.region;
  if (inputs.region !== undefined && inputs.region !== reference.region) {
    throw new InputError(
      'aws-region',
      `"${inputs.region}" does not match the region of ${reference.registry} (${reference.region}); remove aws-region or set it to ${reference.region}`,
    );
  }
  return reference.region;
}

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (!found) throw new InputError(input, `"${value}" is not one of ${allowed.join(', ')}`);
  return found;
}

function bool(input: string, value: string): boolean {
  return parseBoolean(input, value, false);
}

function wholeNumber(input: string, value: string, minimum: number): number {
  if (!/^\d+$/.test(value) || Number(value) < minimum) {
    throw new InputError(input, `"${value}" is not a whole number of at least ${minimum}`);
  }
  return Number(value);
}

function lines(value: string): { text: string; line: number }[] {
  return value
    .split(/\r?\n/)
    .flatMap((text, index) => text.split(',').map((part) => ({ text: part.trim(), line: index + 1 })))
    .filter((entry) => entry.text !== '');
}

/** `Key=Value` per line (or comma-separated), the limits ECR's TagResource enforces. */
function resourceTags(value: string): EcrResourceTag[] {
  const tags: EcrResourceTag[] = [];
  for (const { text, line } of lines(value)) {
    const equals = text.indexOf('=');
    if (equals <= 0) throw new InputError('ecr-repository-tags', `"${text}" is not Key=Value`, { line });
    const key = text.slice(0, equals).trim();
    const tagValue = text.slice(equals + 1).trim();
    if (key.length > 128)
      throw new InputError('ecr-repository-tags', 'keys are at most 128 characters', { line, field: key });
    if (tagValue.length > 256) {
      throw new InputError('ecr-repository-tags', 'values are at most 256 characters', { line, field: key });
    }
    if (/^aws:/i.test(key))
      throw new InputError('ecr-repository-tags', 'the aws: prefix is reserved', { line, field: key });
    if (tags.some((tag) => tag.key === key)) {
      throw new InputError('ecr-repository-tags', 'the key is given twice', { line, field: key });
    }
    tags.push({ key, value: tagValue });
  }
  return tags;
}
