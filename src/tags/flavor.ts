import { InputError } from '../util/errors.js';
import { csvFields } from './csv-fields.js';
import type { ListItem } from '../util/input-list.js';
import type { Flavor } from './types.js';

/** Parses the `flavor` input: `latest=auto|true|false`, `prefix=X[,onlatest=true]`, `suffix=X[,onlatest=true]`. */
export function parseFlavor(lines: readonly ListItem[]): Flavor {
  const flavor: Flavor = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
  for (const { value: text, line } of lines) {
    let onLatestFor: 'prefix' | 'suffix' | undefined;
    for (const field of csvFields('flavor', text, line)) {
      // metadata-action splits flavor fields on every `=` and keeps the second part.
      const parts = field.split('=').map((part) => part.trim());
      if (parts.length === 1) {
        throw new InputError('flavor', `expected key=value, got "${field}"`, { line });
      }
      const key = parts[0].toLowerCase();
      const value = parts[1];
      switch (key) {
        case 'latest':
          if (value !== 'auto' && value !== 'true' && value !== 'false') {
            throw new InputError('flavor', `latest must be auto, true or false, got "${value}"`, {
              line,
              field: 'latest',
            });
          }
          flavor.latest = value;
          break;
        case 'prefix':
          flavor.prefix = value;
          onLatestFor = 'prefix';
          break;
        case 'suffix':
          flavor.suffix = value;
          onLatestFor = 'suffix';
          break;
        case 'onlatest':
          if (value !== 'true' && value !== 'false') {
            throw new InputError('flavor', `onlatest must be true or false, got "${value}"`, {
              line,
              field: 'onlatest',
            });
          }
          if (onLatestFor === 'prefix') flavor.prefixLatest = value === 'true';
          if (onLatestFor === 'suffix') flavor.suffixLatest = value === 'true';
          break;
        default:
          throw new InputError(
            'flavor',
            `unknown flavor key "${key}"; expected latest, prefix, suffix or onlatest`,
            {
              line,
              field: key,
            },
          );
      }
    }
  }
  return flavor;
}
