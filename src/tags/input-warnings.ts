import { closestMatch } from '../util/suggest.js';
import {
  EXPRESSION_NAMES,
  PEP440_PATTERN_NAMES,
  SCHEDULE_PATTERN_NAMES,
  SEMVER_PATTERN_NAMES,
  unknownPlaceholders,
} from './placeholders.js';
import type { Flavor, TagEntry, TagType } from './types.js';

const COMMON_ATTRIBUTES = ['type', 'enable', 'priority', 'prefix', 'suffix'];

/** The attributes each tag type reads, beside the common ones (metadata-action's). */
const TYPE_ATTRIBUTES: Record<TagType, string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format'],
};

/** The names a tag type's `pattern` is rendered with; undefined where the pattern is no template. */
const PATTERN_NAMES: Partial<Record<TagType, readonly string[]>> = {
  schedule: SCHEDULE_PATTERN_NAMES,
  semver: SEMVER_PATTERN_NAMES,
  pep440: PEP440_PATTERN_NAMES,
};

/** Attributes rendered as global expressions, where a type reads them. */
const EXPRESSION_ATTRIBUTES = ['value', 'enable', 'prefix', 'suffix'];

const hint = (word: string, known: readonly string[]) => {
  const close = closestMatch(word, known);
  return close ? `; did you mean "${close}"?` : '';
};

function placeholderWarnings(where: string, template: string, known: readonly string[]): string[] {
  return unknownPlaceholders(template, known).map(
    (name) =>
      `${where}: {{${name}}} is not a known placeholder and renders empty${hint(name.split('.')[0], known)}`,
  );
}

/**
 * What metadata-action accepts silently but is almost always a typo: an attribute the tag type does
 * not read (`sufix=-dev`), a `{{placeholder}}` that renders empty. The outputs stay metadata-action's;
 * these only become warnings in the log.
 */
export function tagInputWarnings(
  entries: readonly TagEntry[],
  flavor: Flavor,
  keyValues: { labels: readonly string[]; annotations: readonly string[] },
): string[] {
  const warnings: string[] = [];
  for (const entry of [...entries].sort((a, b) => a.line - b.line)) {
    const where = `tags line ${entry.line}`;
    const known = [...COMMON_ATTRIBUTES, ...TYPE_ATTRIBUTES[entry.type]];
    for (const key of Object.keys(entry.attrs)) {
      if (!known.includes(key))
        warnings.push(
          `${where}: type=${entry.type} has no attribute "${key}", so "${key}=${entry.attrs[key]}" is ignored${hint(key, known)}`,
        );
    }
    for (const key of EXPRESSION_ATTRIBUTES) {
      if (known.includes(key) && entry.attrs[key] !== undefined)
        warnings.push(...placeholderWarnings(`${where}, ${key}=`, entry.attrs[key], EXPRESSION_NAMES));
    }
    const patternNames = PATTERN_NAMES[entry.type];
    if (patternNames && entry.attrs.pattern !== undefined)
      warnings.push(...placeholderWarnings(`${where}, pattern=`, entry.attrs.pattern, patternNames));
  }
  warnings.push(...placeholderWarnings('flavor prefix', flavor.prefix, EXPRESSION_NAMES));
  warnings.push(...placeholderWarnings('flavor suffix', flavor.suffix, EXPRESSION_NAMES));
  for (const [input, values] of Object.entries(keyValues))
    values.forEach((value) =>
      warnings.push(...placeholderWarnings(`${input} "${value}"`, value, EXPRESSION_NAMES)),
    );
  return warnings;
}
