import { InputError } from '../util/errors.js';
import { csvFields, splitField } from './csv-fields.js';
import type { ListItem } from '../util/input-list.js';
import type { TagEntry, TagType } from './types.js';

export const TAG_TYPES: readonly TagType[] = [
  'schedule',
  'semver',
  'pep440',
  'match',
  'edge',
  'ref',
  'raw',
  'sha',
];

export const DEFAULT_PRIORITIES: Record<TagType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

/** What metadata-action uses when `tags` is empty. */
const DEFAULT_TAG_LINES = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr',
];

/** Parses the `tags` input lines into entries sorted by priority (highest first, stable). */
export function parseTagLines(lines: readonly ListItem[]): TagEntry[] {
  const source = lines.length > 0 ? lines : DEFAULT_TAG_LINES.map((value) => ({ value, line: 0 }));
  const entries = source.map(parseTagLine);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.priority - a.entry.priority || a.index - b.index)
    .map(({ entry }) => entry);
}

export function parseTagLine({ value: text, line }: ListItem): TagEntry {
  const fail = (detail: string, field?: string): never => {
    throw new InputError('tags', `${detail} (in "${text}")`, { line: line || undefined, field });
  };
  const attrs: Record<string, string> = {};
  let type: TagType | undefined;
  for (const field of csvFields('tags', text, line)) {
    const { key, value } = splitField(field);
    if (key === undefined) {
      attrs.value = value;
    } else if (key === 'type') {
      if (!TAG_TYPES.includes(value as TagType)) {
        fail(`unknown tag type "${value}"; expected one of ${TAG_TYPES.join(', ')}`, 'type');
      }
      type = value as TagType;
    } else {
      attrs[key] = value;
    }
  }
  const tagType: TagType = type ?? 'raw';
  const has = (key: string) => Object.prototype.hasOwnProperty.call(attrs, key);
  const requireAttr = (key: string) => {
    if (!has(key)) fail(`type=${tagType} needs a ${key}= attribute`, key);
  };

  switch (tagType) {
    case 'schedule':
      if (!has('pattern')) attrs.pattern = 'nightly';
      break;
    case 'semver':
    case 'pep440':
      requireAttr('pattern');
      if (!has('value')) attrs.value = '';
      if (!has('match')) attrs.match = '';
      if (attrs.match) checkRegex(attrs.match, fail, 'match');
      break;
    case 'match': {
      requireAttr('pattern');
      if (!has('group')) attrs.group = '0';
      if (!has('value')) attrs.value = '';
      const group = Number(attrs.group);
      if (!/^\d+$/.test(attrs.group))
        fail(`group must be a non-negative integer, got "${attrs.group}"`, 'group');
      const groups = countGroups(patternRegex(attrs.pattern, fail));
      if (group > groups) fail(`group ${group} is out of range: the pattern has ${groups} group(s)`, 'group');
      break;
    }
    case 'edge':
      if (!has('branch')) attrs.branch = '';
      break;
    case 'ref':
      requireAttr('event');
      if (!['branch', 'tag', 'pr'].includes(attrs.event)) {
        fail(`event must be branch, tag or pr, got "${attrs.event}"`, 'event');
      }
      if (attrs.event === 'pr' && !has('prefix')) attrs.prefix = 'pr-';
      break;
    case 'raw':
      requireAttr('value');
      break;
    case 'sha':
      if (!has('prefix')) attrs.prefix = 'sha-';
      if (!has('format')) attrs.format = 'short';
      if (!['short', 'long'].includes(attrs.format)) {
        fail(`format must be short or long, got "${attrs.format}"`, 'format');
      }
      break;
  }

  if (!has('enable')) attrs.enable = 'true';
  if (!attrs.enable.includes('{{') && !['true', 'false'].includes(attrs.enable)) {
    fail(`enable must be true or false (or an expression rendering to one), got "${attrs.enable}"`, 'enable');
  }
  let priority = DEFAULT_PRIORITIES[tagType];
  if (has('priority')) {
    if (!/^-?\d+(\.\d+)?$/.test(attrs.priority))
      fail(`priority must be a number, got "${attrs.priority}"`, 'priority');
    priority = Number(attrs.priority);
  }
  return { type: tagType, attrs, priority, line };
}

/** A `match` pattern: `/re/flags` or a plain regular expression source. */
export function patternRegex(pattern: string, fail: (detail: string, field?: string) => never): RegExp {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  try {
    return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern);
  } catch (error) {
    return fail(`invalid regular expression: ${(error as Error).message}`, 'pattern');
  }
}

function checkRegex(source: string, fail: (detail: string, field?: string) => never, field: string): void {
  try {
    new RegExp(source);
  } catch (error) {
    fail(`invalid regular expression: ${(error as Error).message}`, field);
  }
}

function countGroups(regex: RegExp): number {
  return (new RegExp(`${regex.source}|`).exec('') as RegExpExecArray).length - 1;
}
