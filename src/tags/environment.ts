import * as semver from 'semver';
import { InputError } from '../util/errors.js';
import { csvFields, splitField } from './csv-fields.js';
import type { EnvironmentPolicy, LatestMode } from './types.js';

/**
 * An environment name is a tag (`staging`) and a repository path component (`rag-worker-staging`):
 * lowercase letters and digits, with single `.`, `_` or `-` between them.
 */
const NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 64;
const LATEST_MODES: readonly LatestMode[] = ['auto', 'always', 'never'];
const KEYS = ['name', 'version', 'latest', 'timezone'] as const;

/**
 * Parses the `environment` input: `<name>[,version=<semver>][,latest=auto|always|never]
 * [,timezone=<IANA zone>]` (CSV, so a quoted field may hold a comma, which no valid value has).
 * Empty means no policy.
 */
export function parseEnvironment(raw: string): EnvironmentPolicy | undefined {
  const text = raw.trim();
  if (text.length === 0) return undefined;
  const fail = (field: string, detail: string): never => {
    throw new InputError('environment', detail, { field });
  };
  const given = new Map<string, string>();
  for (const field of csvFields('environment', text, 1)) {
    const { key = 'name', value } = splitField(field);
    if (!(KEYS as readonly string[]).includes(key)) {
      fail(key, `unknown key "${key}"; expected ${KEYS.join(', ')}`);
    }
    if (given.has(key)) fail(key, `${key} is given twice`);
    given.set(key, value);
  }
  const name = given.get('name');
  if (name === undefined || name === '') return fail('name', 'missing the environment name (e.g. staging)');
  if (!NAME.test(name) || name.length > MAX_NAME_LENGTH) {
    fail(
      'name',
      `"${name}" is not an environment name (lowercase letters and digits, with . _ or - between them, up to ${MAX_NAME_LENGTH})`,
    );
  }
  const version = given.get('version');
  if (version !== undefined && semver.valid(semver.clean(version)) === null) {
    fail('version', `"${version}" is not a semantic version (e.g. 1.0.0 or 1.0.0-rc.1)`);
  }
  const latest = given.get('latest') ?? 'auto';
  if (!(LATEST_MODES as readonly string[]).includes(latest)) {
    fail('latest', `latest must be ${LATEST_MODES.join(', ')}, got "${latest}"`);
  }
  const timeZone = given.get('timezone') || 'UTC';
  if (!isTimeZone(timeZone)) fail('timezone', `"${timeZone}" is not an IANA time zone (e.g. Europe/Paris)`);
  return {
    name,
    ...(version !== undefined && { version }),
    latest: latest as LatestMode,
    timeZone,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
