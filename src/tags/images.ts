import { InputError } from '../util/errors.js';
import { csvFields } from './csv-fields.js';
import type { ListItem } from '../util/input-list.js';
import type { ImageEntry } from './types.js';

// Docker reference grammar for a repository name (no tag, no digest), after lower-casing.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)';
const IMAGE_NAME = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*$`);

/**
 * Parses the `images` input. One name per line, or `name=…,enable=…`; a single line without any
 * `=` is split on commas (metadata-action's old format).
 */
export function parseImages(lines: readonly ListItem[]): ImageEntry[] {
  if (lines.length === 1) {
    const fields = csvFields('images', lines[0].value, lines[0].line);
    if (fields.every((field) => !field.includes('='))) {
      return fields.map((field) => checked({ name: field.trim(), enable: true }, lines[0]));
    }
  }
  return lines.map((entry) => {
    const image: ImageEntry = { name: '', enable: true };
    for (const field of csvFields('images', entry.value, entry.line)) {
      const parts = field.split('=').map((part) => part.trim());
      if (parts.length === 1) {
        image.name = parts[0];
        continue;
      }
      const key = parts[0].toLowerCase();
      const value = parts[1];
      if (key === 'name') {
        image.name = value;
      } else if (key === 'enable') {
        if (value !== 'true' && value !== 'false') {
          throw new InputError('images', `enable must be true or false, got "${value}"`, {
            line: entry.line,
            field: 'enable',
          });
        }
        image.enable = value === 'true';
      } else {
        throw new InputError('images', `unknown image attribute "${key}"; expected name or enable`, {
          line: entry.line,
          field: key,
        });
      }
    }
    return checked(image, entry);
  });
}

function checked(image: ImageEntry, entry: ListItem): ImageEntry {
  if (image.name.length === 0) {
    throw new InputError('images', `image name is empty (in "${entry.value}")`, {
      line: entry.line,
      field: 'name',
    });
  }
  if (!IMAGE_NAME.test(image.name.toLowerCase())) {
    throw new InputError(
      'images',
      `"${image.name}" is not a valid image name (expected [registry[:port]/]path, without tag or digest)`,
      { line: entry.line, field: 'name' },
    );
  }
  return image;
}
