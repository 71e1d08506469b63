import { InvalidReferenceError, parseReference, repositoryName } from '../registry/reference.js';
import { InputError } from '../util/errors.js';
import type { ListItem } from '../util/input-list.js';

/**
 * `tags` given as build-push-action takes them: whole image references (`ghcr.io/acme/app:1.0`), often
 * `${{ steps.meta.outputs.tags }}`. Every image carries the same tags, in the order given.
 */
export interface TagReferences {
  /** The references as written, in order. */
  references: string[];
  /** The image names (the references without their tag), each once. */
  images: string[];
  /** The tags of the first image, in order: every image has these. */
  tags: string[];
}

// No `=`, quote, brace or blank, and a `:tag` at the end: no tag rule looks like this.
const REFERENCE_LIKE = /^[^\s=,{}"']+:[\w][\w.-]*$/;

/** True for a `tags` line that is an image reference with a tag, not a tag rule. */
export function isReferenceLine(text: string): boolean {
  return REFERENCE_LIKE.test(text);
}

/**
 * Reads `tags` lines as image references when every one of them is one and `images` is empty; undefined
 * when none is (the lines are tag rules). A mix, or a reference next to `images`, is an InputError that
 * names the line: metadata-action would turn `ghcr.io/acme/app:1.0` into the tag `ghcr.io-acme-app-1.0`.
 */
export function readTagReferences(
  given: readonly ListItem[],
  imagesGiven: boolean,
): TagReferences | undefined {
  // build-push-action also splits `tags` on commas (metadata-action's output with sep-tags: ",").
  const lines = given.flatMap((item) => {
    const parts = item.value.split(',').map((part) => part.trim());
    return parts.length > 1 && parts.every(isReferenceLine)
      ? parts.map((value) => ({ value, line: item.line }))
      : [item];
  });
  const references = lines.filter((line) => isReferenceLine(line.value));
  if (references.length === 0) return undefined;
  const [first] = references;
  if (imagesGiven) {
    throw new InputError(
      'tags',
      `"${first.value}" is a whole image reference, but "images" is set, so each line must be a tag rule ` +
        '(e.g. type=raw,value=1.0); leave "images" empty to publish the references as they are',
      { line: first.line },
    );
  }
  const rules = lines.filter((line) => !isReferenceLine(line.value));
  if (rules.length > 0) {
    const [odd, other] = rules.length <= references.length ? [rules[0], first] : [first, rules[0]];
    throw new InputError(
      'tags',
      `"${odd.value}" and line ${other.line} ("${other.value}") mix tag rules and whole image references: ` +
        'give image references only (with "images" empty), or "images" and tag rules only',
      { line: odd.line },
    );
  }

  const tagsByImage = new Map<string, { name: string; tags: string[]; line: number }>();
  const unique: string[] = [];
  for (const { value, line } of references) {
    let parsed;
    try {
      parsed = parseReference(value);
    } catch (error) {
      if (error instanceof InvalidReferenceError) throw new InputError('tags', error.message, { line });
      throw error;
    }
    if (parsed.digest || !parsed.tag)
      throw new InputError('tags', `"${value}" must name a tag and no digest (image:tag)`, { line });
    const key = repositoryName(parsed);
    const entry = tagsByImage.get(key) ?? { name: value.slice(0, value.lastIndexOf(':')), tags: [], line };
    // A line given twice means it once, as metadata-action's outputs list each tag once.
    if (entry.tags.includes(parsed.tag)) continue;
    entry.tags.push(parsed.tag);
    unique.push(value);
    tagsByImage.set(key, entry);
  }
  const [main, ...others] = [...tagsByImage.values()];
  for (const other of others) {
    const missing = main.tags.filter((tag) => !other.tags.includes(tag));
    const extra = other.tags.filter((tag) => !main.tags.includes(tag));
    if (missing.length > 0 || extra.length > 0) {
      throw new InputError(
        'tags',
        `${other.name} has tags ${other.tags.join(', ')} but ${main.name} has ${main.tags.join(', ')}: ` +
          'one publish writes the same tags to every image; publish them separately',
        { line: other.line },
      );
    }
  }
  return {
    references: unique,
    images: [...tagsByImage.values()].map((entry) => entry.name),
    tags: main.tags,
  };
}
