import { InputError } from '../util/errors.js';
import { parseListInput } from '../util/input-list.js';
import { parseEnvironment } from './environment.js';
import { parseFlavor } from './flavor.js';
import { parseImages } from './images.js';
import { tagInputWarnings } from './input-warnings.js';
import { parseTagLines } from './tag-lines.js';
import { readTagReferences } from './tag-references.js';
import type { ContextSource, MetadataInputs } from './types.js';

/** Reads one raw input by name ('' when unset); the action passes the runner's getInput. */
export type InputReader = (name: string) => string;

export interface MetadataInputOptions {
  /**
   * Read `tags` as build-push-action does when every line is a whole image reference and `images` is
   * empty (the main action, which replaces build-push-action). The tags action stays metadata-action.
   */
  tagReferences?: boolean;
  /** The name the user knows the `context` (workflow|git) input by: the main action's is `metadata-context`. */
  contextInput?: string;
}

/** Parses and validates every input of the tag engine. Throws InputError on the first bad value. */
export function parseMetadataInputs(read: InputReader, options: MetadataInputOptions = {}): MetadataInputs {
  const context = read('context').trim() || 'workflow';
  if (context !== 'workflow' && context !== 'git') {
    throw new InputError(options.contextInput ?? 'context', `expected workflow or git, got "${context}"`);
  }
  // metadata-action reads these with getInputList(ignoreComma, comment '#'): one entry per line.
  const list = (name: string) => parseListInput(read(name), { input: name, ignoreComma: true });
  const entries = (name: string) => list(name).map((item) => item.value);
  const environment = parseEnvironment(read('environment'));
  const tagLines = list('tags');
  const imageLines = list('images');
  const references = options.tagReferences ? readTagReferences(tagLines, imageLines.length > 0) : undefined;
  if (references && environment) {
    throw new InputError(
      'environment',
      'an environment policy makes its own tags: "tags" cannot hold image references',
    );
  }
  // With an environment policy (or references), no tag lines means no rules (not metadata-action's defaults).
  const tags = references || (environment && tagLines.length === 0) ? [] : parseTagLines(tagLines);
  const flavorLines = list('flavor');
  const flavor = parseFlavor(flavorLines);
  const labels = entries('labels');
  const annotations = entries('annotations');
  const warnings = [
    // metadata-action reads one CSV line of each rule: the rest of a quoted multi-line value is lost.
    ...tagLines
      .filter((line) => !references && line.value.includes('\n'))
      .map(
        (line) =>
          `tags line ${line.line}: the quoted rule spans lines; only its first line is read, as metadata-action does`,
      ),
    ...tagInputWarnings(tags, flavor, { labels, annotations }),
  ];
  if (references && flavorLines.length > 0)
    warnings.push('flavor is ignored: "tags" holds whole image references, which are published as they are');
  return {
    context: context as ContextSource,
    images: parseImages(imageLines),
    tags,
    flavor,
    labels,
    annotations,
    // Separators keep their whitespace: the default is a newline.
    sepTags: read('sep-tags') || '\n',
    sepLabels: read('sep-labels') || '\n',
    sepAnnotations: read('sep-annotations') || '\n',
    bakeTarget: read('bake-target').trim() || 'docker-metadata-action',
    githubToken: read('github-token').trim(),
    environment,
    ...(references && { references }),
    ...(warnings.length > 0 && { warnings }),
  };
}

/** An InputReader over a plain record (library and CLI callers). */
export function recordInputReader(values: Readonly<Record<string, string | undefined>>): InputReader {
  return (name) => values[name] ?? '';
}
