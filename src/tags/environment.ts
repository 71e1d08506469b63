import { InputError } from '../util/errors.js';
import { csvFields, splitField } from './csv-fields.js';
import type { EnvironmentPolicy } from './types.js';

/** Parses the `environment` input: `prod` or `dev`, optionally `,version=1.0.0`. Empty means no policy. */
export function parseEnvironment(raw: string): EnvironmentPolicy | undefined {
  const text = raw.trim();
  if (text.length === 0) return undefined;
  const policy: Partial<EnvironmentPolicy> = {};
  for (const field of csvFields('environment', text, 1)) {
    const { key, value } = splitField(field);
    if (key === undefined || key === 'name') {
      if (value !== 'prod' && value !== 'dev') {
        throw new InputError('environment', `expected prod or dev, got "${value}"`, { field: 'name' });
      }
      policy.name = value;
    } else if (key === 'version') {
      if (value.length === 0) throw new InputError('environment', 'version= is empty', { field: 'version' });
      policy.version = value;
    } else {
      throw new InputError('environment', `unknown key "${key}"; expected name or version`, { field: key });
    }
  }
  if (policy.name === undefined) {
    throw new InputError('environment', 'missing the environment name (prod or dev)', { field: 'name' });
  }
  return { name: policy.name, version: policy.version };
}
