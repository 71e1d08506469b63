import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBoolean } from '../util/boolean.js';
import { InputError } from '../util/errors.js';
import { parseListInput } from '../util/input-list.js';
import { readImageBuildInputs, type ImageBuildInputs } from './inputs.js';

/** The graph inputs (`images-file`, `only`, `concurrency`, `reuse`, `plan`), parsed and checked. */
export interface GraphInputs {
  /** The images file as given; undefined when the run builds one image. */
  imagesFile?: string;
  only: string[];
  concurrency: number;
  reuse: boolean;
  /** Only plan: list the graph, build nothing. */
  plan: boolean;
}

/**
 * Single-image inputs that the images file sets per image (`context`, `file`, `target`, `images`), or
 * that the graph decides for itself (whether an image is promoted, and from where). The CLI's `graph`
 * and `plan` have no such flags; the action refuses them next to `images-file`.
 */
export const GRAPH_PER_IMAGE_INPUTS = [
  'images',
  'context',
  'file',
  'target',
  'promote-from',
  'extra-images',
  'reuse-commit',
  'release-annotations',
] as const;

/**
 * Reads the graph inputs through the shared parsers, before anything runs: a bad `concurrency`,
 * `reuse` or `plan` is an error naming it even when no images file is given (a typo then is still one).
 */
export function readGraphInputs(read: (name: string) => string): GraphInputs {
  const concurrencyText = read('concurrency').trim() || '2';
  if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1) {
    throw new InputError('concurrency', `"${concurrencyText}" is not a whole number of at least 1`);
  }
  const imagesFile = read('images-file').trim();
  return {
    ...(imagesFile && { imagesFile }),
    only: parseListInput(read('only'), { input: 'only' }).map((item) => item.value),
    concurrency: Number(concurrencyText),
    reuse: parseBoolean('reuse', read('reuse'), true),
    plan: parseBoolean('plan', read('plan'), false),
  };
}

/**
 * The images file's absolute path (relative to `cwd`), or an InputError naming `images-file` when it
 * is not a file: said before the file is parsed, as any other bad input.
 */
export function resolveImagesFile(cwd: string, given: string): string {
  const file = resolve(cwd, given);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError('images-file', `"${given}" is not a file (the images file)`);
  }
  return file;
}

/**
 * The action's inputs that an images file sets per image, given next to `images-file`: each would be
 * silently ignored, so it is an error. Their defaults (`context: .`, `reuse-commit: auto`,
 * `release-annotations: true`) and empty values are not "given".
 */
export function perImageInputsGiven(read: (name: string) => string): string[] {
  const defaults: Record<string, string[]> = {
    context: ['.'],
    'reuse-commit': ['auto'],
    'release-annotations': ['true'],
  };
  return GRAPH_PER_IMAGE_INPUTS.filter((name) => {
    const value = read(name).trim();
    return value !== '' && !(defaults[name] ?? []).includes(value);
  });
}

/** An InputError for the first per-image input given with `images-file`, naming every one of them. */
export function checkGraphModeInputs(read: (name: string) => string): void {
  const given = perImageInputsGiven(read);
  if (given.length === 0) return;
  throw new InputError(
    given[0],
    `${given.map((name) => `\`${name}\``).join(', ')} ${given.length === 1 ? 'is' : 'are'} set per image in the images file (or decided by the graph); remove ${given.length === 1 ? 'it' : 'them'} when \`images-file\` is given`,
  );
}

/** `only` and `plan` are about an images file: without `images-file` they would be ignored, so they are errors. */
export function checkSingleImageInputs(graph: GraphInputs): void {
  if (graph.only.length > 0) {
    throw new InputError('only', 'names images of an images file: give `images-file` too');
  }
  if (graph.plan) throw new InputError('plan', 'plans an images file: give `images-file` too');
}

/** What a graph run takes from the run's inputs, besides the graph inputs themselves. */
export interface GraphRunInputs {
  /** The images file's absolute path. */
  file: string;
  /** The registry of images that name no repository, without a trailing slash. */
  registry?: string;
  /** The inputs every image shares (the report's among them), checked. */
  shared: ImageBuildInputs;
}

/**
 * Everything a graph run checks before the images file is read, for the action and the CLI alike: no
 * per-image input beside it, the file exists, and every input the images share is valid.
 */
export function readGraphRunInputs(
  read: (name: string) => string,
  imagesFile: string,
  cwd: string,
): GraphRunInputs {
  checkGraphModeInputs(read);
  const file = resolveImagesFile(cwd, imagesFile);
  const shared = readImageBuildInputs(read);
  const registry = read('registry').trim().replace(/\/+$/, '');
  return { file, ...(registry && { registry }), shared };
}
