import type { CheckId, CheckLevel, ChecksPolicy, SizeBudgetPolicy } from '../report/index.js';
import { ECR_PRICE_PER_GB_MONTH } from '../report/index.js';
import { isValidTag } from '../registry/reference.js';
import { parseImageInput } from '../publish/image-input.js';
import { formatReference } from '../registry/reference.js';
import { withDefaultRegistry } from '../tags/environment-images.js';
import { parseBoolean } from '../util/boolean.js';
import { InputError } from '../util/errors.js';
import { parseListInput } from '../util/input-list.js';
import { closestMatch } from '../util/suggest.js';

/** Where the report's baseline comes from. */
export type BaselineChoice =
  /** On a pull request the base branch's tag, on a release the previous version. */
  | { kind: 'auto' }
  | { kind: 'none' }
  /** A whole reference (`registry/repo:tag`, `…@sha256:…`). */
  | { kind: 'reference'; reference: string }
  /** A tag of the image being built (its first image name). */
  | { kind: 'tag'; tag: string };

export interface SmokeTestInputs {
  /** A probe run in the container until it exits 0; undefined: the image's HEALTHCHECK (or staying up). */
  command?: string[];
  timeoutSeconds: number;
  network: 'none' | 'host';
}

/** The report's inputs, checked before anything is built. */
export interface ReportInputs {
  /** `comment`: the sticky pull request comment (the action only). */
  comment: boolean;
  /** `report-contents`: the file-level analysis. */
  contents: boolean;
  /** `report-contents-limit`: above this many layer bytes to read, the analysis is skipped. */
  contentsLimitBytes: number;
  baseline: BaselineChoice;
  policy: ChecksPolicy;
  /** `storage-price`: USD per GB-month. */
  pricePerGbMonth: number;
  smokeTest?: SmokeTestInputs;
}

export const DEFAULT_CONTENTS_LIMIT = '2GiB';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** `250MiB`, `1.5GB`, `1000000`: KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024, a bare number bytes. */
export function parseByteSize(input: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined) {
    throw new InputError(
      input,
      `"${text.trim()}" is not a size: a number with B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024)`,
    );
  }
  return Math.round(Number(match[1]) * unit);
}

/** `10%` (or `10`) as a number of percent. */
function parsePercent(input: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match) throw new InputError(input, `"${text.trim()}" is not a percentage (e.g. 10%)`);
  return Number(match[1]);
}

/** `90%` or `0.9` as a ratio from 0 to 1. */
function parseRatio(input: string, text: string): number {
  const value = text.trim();
  const ratio = value.endsWith('%') ? parsePercent(input, value) / 100 : Number(value);
  if (!/^\d/.test(value) || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new InputError(
      input,
      `"${value}" is not a ratio: write a percentage (90%) or a number from 0 to 1`,
    );
  }
  return ratio;
}

function parseWholeNumber(input: string, text: string, minimum = 0): number {
  const value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) < minimum)
    throw new InputError(
      input,
      `"${value}" is not a whole number${minimum ? ` of at least ${minimum}` : ''}`,
    );
  return Number(value);
}

/** Each check's key in the policy: the compiler keeps this list complete. */
const POLICY_KEYS: Record<CheckId, keyof ChecksPolicy> = {
  'non-root': 'nonRoot',
  healthcheck: 'healthcheck',
  'build-tools': 'buildTools',
  'package-caches': 'packageCaches',
  secrets: 'secrets',
  'base-pinned': 'basePinned',
  'size-budget': 'sizeBudget',
  'layer-count': 'layerCount',
  efficiency: 'efficiency',
  vulnerabilities: 'vulnerabilities',
  'smoke-test': 'smokeTest',
};
const LEVELS: readonly CheckLevel[] = ['fail', 'warn', 'off'];

/** `report-checks`: `check=level` entries, one per line or comma. */
function parseCheckLevels(text: string): Partial<Record<keyof ChecksPolicy, CheckLevel>> {
  const levels: Partial<Record<keyof ChecksPolicy, CheckLevel>> = {};
  for (const item of parseListInput(text, { input: 'report-checks' })) {
    const fail = (message: string): never => {
      throw new InputError('report-checks', message, { line: item.line });
    };
    const [name, level, ...rest] = item.value.split('=').map((part) => part.trim());
    if (level === undefined || rest.length) fail(`"${item.value}" is not check=level`);
    const key = POLICY_KEYS[name as CheckId];
    if (!key) {
      const near = closestMatch(name, Object.keys(POLICY_KEYS));
      fail(
        `"${name}" is not a check${near ? ` (did you mean ${near}?)` : ''}; the checks are ${Object.keys(POLICY_KEYS).join(', ')}`,
      );
    }
    if (!LEVELS.includes(level as CheckLevel)) fail(`"${level}" is not a level: fail, warn or off`);
    levels[key] = level as CheckLevel;
  }
  return levels;
}

/** `size-budget`: `compressed=…,uncompressed=…,growth=…%,growth-bytes=…,growth-floor=…`; a bare size is `compressed`. */
function parseSizeBudget(text: string): SizeBudgetPolicy {
  const budget: SizeBudgetPolicy = {};
  for (const item of parseListInput(text, { input: 'size-budget' })) {
    const equals = item.value.indexOf('=');
    const key = equals < 0 ? 'compressed' : item.value.slice(0, equals).trim();
    const value = equals < 0 ? item.value : item.value.slice(equals + 1);
    const input = 'size-budget';
    switch (key) {
      case 'compressed':
        budget.maxCompressedBytes = parseByteSize(input, value);
        break;
      case 'uncompressed':
        budget.maxUncompressedBytes = parseByteSize(input, value);
        break;
      case 'growth':
        budget.maxGrowthPercent = parsePercent(input, value);
        break;
      case 'growth-bytes':
        budget.maxGrowthBytes = parseByteSize(input, value);
        break;
      case 'growth-floor':
        budget.growthFloorBytes = parseByteSize(input, value);
        break;
      default:
        throw new InputError(
          input,
          `unknown key "${key}"; the keys are compressed, uncompressed, growth, growth-bytes, growth-floor`,
          { line: item.line },
        );
    }
  }
  return budget;
}

/**
 * `smoke-test`: `healthcheck` (the image's own, or staying up without one), or a probe command: a JSON
 * array is run as it is (exec form), any other text through `sh -c` (shell form), as Dockerfiles do.
 */
function parseSmokeTest(read: (name: string) => string): SmokeTestInputs | undefined {
  const text = read('smoke-test').trim();
  const timeoutSeconds = parseWholeNumber('smoke-test-timeout', read('smoke-test-timeout') || '30', 1);
  const network = read('smoke-test-network').trim() || 'none';
  if (network !== 'none' && network !== 'host')
    throw new InputError('smoke-test-network', `"${network}" is not none or host`);
  if (text === '' || text === 'off' || text === 'false') return undefined;
  if (text === 'healthcheck' || text === 'true') return { timeoutSeconds, network };
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((word) => typeof word === 'string'))
      throw new InputError('smoke-test', `${text} is not a JSON array of strings (the exec form)`);
    return { command: parsed, timeoutSeconds, network };
  }
  return { command: ['sh', '-c', text], timeoutSeconds, network };
}

/** `report-baseline`: `none`, a tag of the image, or a whole reference (the `registry` input applies). */
function parseBaseline(text: string, registry: string | undefined): BaselineChoice {
  const value = text.trim();
  if (value === '') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  if (!/[/:@]/.test(value)) {
    if (!isValidTag(value))
      throw new InputError('report-baseline', `"${value}" is neither a tag nor an image reference`);
    return { kind: 'tag', tag: value };
  }
  const ref = parseImageInput(withDefaultRegistry(value, registry), 'report-baseline');
  if (!ref.tag && !ref.digest)
    throw new InputError('report-baseline', `"${value}" needs a tag or a digest (image:tag, image@sha256:…)`);
  return { kind: 'reference', reference: formatReference(ref) };
}

export function readReportInputs(read: (name: string) => string, registry?: string): ReportInputs {
  const levels = parseCheckLevels(read('report-checks'));
  const level = <K extends keyof ChecksPolicy>(key: K) => (levels[key] ? { level: levels[key] } : {});
  const minEfficiency = read('min-efficiency').trim();
  const maxLayers = read('max-layers').trim();
  const policy: ChecksPolicy = {
    nonRoot: level('nonRoot'),
    healthcheck: level('healthcheck'),
    buildTools: level('buildTools'),
    packageCaches: level('packageCaches'),
    secrets: level('secrets'),
    basePinned: level('basePinned'),
    sizeBudget: { ...parseSizeBudget(read('size-budget')), ...level('sizeBudget') },
    layerCount: { max: parseWholeNumber('max-layers', maxLayers || '50', 1), ...level('layerCount') },
    efficiency: { min: parseRatio('min-efficiency', minEfficiency || '90%'), ...level('efficiency') },
    vulnerabilities: level('vulnerabilities'),
    smokeTest: level('smokeTest'),
  };
  const price = read('storage-price').trim() || String(ECR_PRICE_PER_GB_MONTH);
  if (!/^\d+(\.\d+)?$/.test(price))
    throw new InputError('storage-price', `"${price}" is not a price (USD per GB-month, e.g. 0.10)`);
  const smokeTest = parseSmokeTest(read);
  return {
    comment: parseBoolean('comment', read('comment'), true),
    contents: parseBoolean('report-contents', read('report-contents'), true),
    contentsLimitBytes: parseByteSize(
      'report-contents-limit',
      read('report-contents-limit') || DEFAULT_CONTENTS_LIMIT,
    ),
    baseline: parseBaseline(read('report-baseline'), registry),
    policy,
    pricePerGbMonth: Number(price),
    ...(smokeTest && { smokeTest }),
  };
}
