import { InputError } from '../util/errors.js';
import type { ListItem } from '../util/input-list.js';

/** A parsed `--cache-from`/`--cache-to` entry: `type=registry,ref=…,mode=max`. */
export interface CacheSpec {
  type: string;
  attrs: Record<string, string>;
}

const KNOWN_TYPES = new Set(['registry', 'local', 'gha', 'inline', 's3', 'azblob']);
const REQUIRED: Record<'from' | 'to', Record<string, string[]>> = {
  from: { registry: ['ref'], local: ['src'], s3: ['bucket', 'region'], azblob: ['name'] },
  to: { registry: ['ref'], local: ['dest'], s3: ['bucket', 'region'], azblob: ['name'] },
};

/**
 * Parses one raw cache entry as buildx does: CSV `key=value` fields, or a bare image reference
 * (shorthand for `type=registry,ref=<it>`). Throws an InputError naming the input, line and field.
 */
export function parseCacheSpec(item: ListItem, input: 'cache-from' | 'cache-to'): CacheSpec {
  const text = item.value.trim();
  if (!text.includes('=')) {
    if (input === 'cache-to' || /[\s,]/.test(text)) {
      throw new InputError(input, `"${text}" is not "type=<backend>,key=value,…"`, { line: item.line });
    }
    return { type: 'registry', attrs: { ref: text } };
  }
  const attrs: Record<string, string> = {};
  for (const field of text.split(',')) {
    const index = field.indexOf('=');
    const key = (index < 0 ? field : field.slice(0, index)).trim().toLowerCase();
    const value = field.slice(index + 1).trim();
    if (index <= 0 || !value) {
      throw new InputError(input, `field "${field}" must be key=value`, {
        line: item.line,
        field: key || field,
      });
    }
    attrs[key] = value;
  }
  const type = attrs.type;
  if (!type)
    throw new InputError(input, 'missing type= (registry, gha, local, inline, s3, azblob)', {
      line: item.line,
    });
  if (!KNOWN_TYPES.has(type)) {
    throw new InputError(input, `unknown cache type "${type}"`, { line: item.line, field: 'type' });
  }
  delete attrs.type;
  const direction = input === 'cache-from' ? 'from' : 'to';
  for (const key of REQUIRED[direction][type] ?? []) {
    if (!attrs[key])
      throw new InputError(input, `type=${type} needs ${key}=`, { line: item.line, field: key });
  }
  if (attrs.mode && !['min', 'max'].includes(attrs.mode)) {
    throw new InputError(input, `mode must be min or max, not "${attrs.mode}"`, {
      line: item.line,
      field: 'mode',
    });
  }
  return { type, attrs };
}

/** Back to buildx's text form, `type` first. */
export function formatCacheSpec(spec: CacheSpec): string {
  return [`type=${spec.type}`, ...Object.entries(spec.attrs).map(([key, value]) => `${key}=${value}`)].join(
    ',',
  );
}
