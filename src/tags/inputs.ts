import { InputError } from '../util/errors.js';
import { parseListInput } from '../util/input-list.js';
import { parseEnvironment } from './environment.js';
import { parseFlavor } from './flavor.js';
import { parseImages } from './images.js';
import { parseTagLines } from './tag-lines.js';
import type { ContextSource, MetadataInputs } from './types.js';

/** Reads one raw input by name ('' when unset); the action passes the runner's getInput. */
export type InputReader = (name: string) => string;

/** Parses and validates every input of the tag engine. Throws InputError on the first bad value. */
export function parseMetadataInputs(read: InputReader): MetadataInputs {
  const context = read('context').trim() || 'workflow';
  if (context !== 'workflow' && context !== 'git') {
    throw new InputError('context', `expected workflow or git, got "${context}"`);
  }
  // metadata-action reads these with getInputList(ignoreComma, comment '#'): one entry per line.
  const list = (name: string) => parseListInput(read(name), { input: name, ignoreComma: true });
  const entries = (name: string) => list(name).map((item) => item.value);
  const environment = parseEnvironment(read('environment'));
  const tagLines = list('tags');
  return {
    context: context as ContextSource,
    images: parseImages(list('images')),
    // With an environment policy, no tag lines means the policy's tags only (not metadata-action's defaults).
    tags: environment && tagLines.length === 0 ? [] : parseTagLines(tagLines),
    flavor: parseFlavor(list('flavor')),
    labels: entries('labels'),
    annotations: entries('annotations'),
    // Separators keep their whitespace: the default is a newline.
    sepTags: read('sep-tags') || '\n',
    sepLabels: read('sep-labels') || '\n',
    sepAnnotations: read('sep-annotations') || '\n',
    bakeTarget: read('bake-target').trim() || 'docker-metadata-action',
    githubToken: read('github-token').trim(),
    environment,
  };
}

/** An InputReader over a plain record (library and CLI callers). */
export function recordInputReader(values: Readonly<Record<string, string | undefined>>): InputReader {
  return (name) => values[name] ?? '';
}
