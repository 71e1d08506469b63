import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Document } from 'yaml';
import { ImagesFileError, type SourcePosition } from './file-error.js';

/** The build arg a single parent reaches its child through, unless `base-arg` says otherwise. */
export const DEFAULT_BASE_ARG = 'BASE_IMAGE';

/** An images file larger than this is not a description of images. */
const MAX_FILE_BYTES = 1024 * 1024;

/** A parent of an image, and the build arg its digest-pinned reference is passed in. */
export interface GraphParent {
  name: string;
  arg: string;
  position: SourcePosition;
}

/** One image of the graph, with paths resolved against the images file's directory. */
export interface GraphImageSpec {
  name: string;
  /** Absolute path of the build context. */
  context: string;
  /** Absolute path of the Dockerfile; undefined means `<context>/Dockerfile`. */
  file?: string;
  target?: string;
  /** `NAME=value` lines (or `NAME`: the value comes from the environment), defaults first. */
  buildArgs: string[];
  platforms: string[];
  /** metadata-action `tags` lines; undefined: the run's own `tags` input. */
  tags?: string[];
  /** metadata-action `flavor` lines; undefined: the run's own `flavor` input. */
  flavor?: string[];
  /** Image names (registry/repository) to publish to; empty: `<registry>/<name>` from the run's registry. */
  images: string[];
  dependsOn: GraphParent[];
  /** Where the image's name is written, and where each of its keys is. */
  position: SourcePosition;
  positions: Partial<Record<ImageKey, SourcePosition>>;
}

export interface ImagesFile {
  /** The path as given, for messages. */
  path: string;
  images: GraphImageSpec[];
}

const DEFAULT_KEYS = ['registry', 'tags', 'flavor', 'platforms', 'build-args', 'base-arg'] as const;
const IMAGE_KEYS = [
  'context',
  'file',
  'target',
  'build-args',
  'platforms',
  'tags',
  'flavor',
  'images',
  'registry',
  'depends-on',
  'base-arg',
] as const;
type ImageKey = (typeof IMAGE_KEYS)[number];
type DefaultKey = (typeof DEFAULT_KEYS)[number];

/** A repository path component (distribution's grammar), so `<registry>/<name>` is a valid image name. */
const IMAGE_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads and parses an images file; every problem is an ImagesFileError naming the file, line and column. */
export async function loadImagesFile(path: string): Promise<ImagesFile> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('it is not a file');
    if (info.size > MAX_FILE_BYTES) throw new Error(`it is ${info.size} bytes, more than ${MAX_FILE_BYTES}`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ImagesFileError(path, `cannot read the images file: ${reason}`);
  }
  return parseImagesFile(text, path, dirname(resolve(path)));
}

/** Parses the text of an images file; relative paths in it are resolved against `baseDir`. */
export function parseImagesFile(text: string, path: string, baseDir = process.cwd()): ImagesFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const reader = new NodeReader(path, document, lines);
  const firstError = document.errors[0];
  if (firstError)
    throw reader.error(`not valid YAML: ${firstError.message.split('\n')[0]}`, firstError.pos[0]);
  if (document.contents === null) throw reader.error('the file is empty: it needs an `images` map');

  const top = reader.map(document.contents, 'the file', ['version', 'defaults', 'images']);
  const version = top.get('version');
  if (version && reader.scalar(version.value) !== 1) {
    throw reader.error('`version` must be 1 (the only version of this format)', version.value ?? version.key);
  }
  const defaults = readDefaults(reader, top.get('defaults')?.value);
  const imagesEntry = top.get('images');
  if (!imagesEntry) throw reader.error('the file has no `images` map', document.contents);
  if (!imagesEntry.value) throw reader.error('`images` lists no image', imagesEntry.key);
  const imageNodes = reader.map(imagesEntry.value, '`images`');
  if (imageNodes.size === 0) throw reader.error('`images` lists no image', imagesEntry.value);

  const images: GraphImageSpec[] = [];
  for (const [name, entry] of imageNodes) {
    if (!IMAGE_NAME.test(name)) {
      throw reader.error(
        `image name "${name}" must be lower-case letters and digits, separated by ".", "_", "__" or "-" (it names a repository)`,
        entry.key,
      );
    }
    images.push(readImage(reader, name, entry, defaults, baseDir));
  }
  return { path, images };
}

interface Defaults {
  values: Partial<Record<DefaultKey, Node>>;
}

function readDefaults(reader: NodeReader, node: Node | null | undefined): Defaults {
  if (!node) return { values: {} };
  const entries = reader.map(node, '`defaults`', DEFAULT_KEYS);
  return { values: Object.fromEntries([...entries].map(([key, entry]) => [key, entry.value])) };
}

function readImage(
  reader: NodeReader,
  name: string,
  entry: MapEntry,
  defaults: Defaults,
  baseDir: string,
): GraphImageSpec {
  const where = `image "${name}"`;
  const node = entry.value ?? reader.emptyMap();
  const keys = reader.map(node, where, IMAGE_KEYS);
  const value = (key: ImageKey): Node | undefined => {
    const own = keys.get(key)?.value;
    if (own) return own;
    return (DEFAULT_KEYS as readonly string[]).includes(key) ? defaults.values[key as DefaultKey] : undefined;
  };
  const text = (key: ImageKey) => {
    const found = value(key);
    return found ? reader.string(found, `${where}: \`${key}\``) : undefined;
  };
  const positions: Partial<Record<ImageKey, SourcePosition>> = {};
  for (const [key, item] of keys) positions[key as ImageKey] = reader.position(item.key);

  const context = resolve(baseDir, text('context') ?? '.');
  const file = text('file');
  const target = text('target');
  const baseArg = text('base-arg') ?? DEFAULT_BASE_ARG;
  const baseArgNode = value('base-arg');
  if (baseArgNode && !ARG_NAME.test(baseArg)) {
    throw reader.error(`${where}: \`base-arg\` "${baseArg}" is not a build arg name`, baseArgNode);
  }
  const buildArgs = [
    ...reader.buildArgs(defaults.values['build-args'], '`defaults`'),
    ...reader.buildArgs(keys.get('build-args')?.value, where),
  ];
  const registry = text('registry')?.replace(/\/+$/, '');
  const imagesNode = keys.get('images')?.value;
  const images = imagesNode
    ? reader.list(imagesNode, `${where}: \`images\``, false)
    : registry
      ? [`${registry}/${name}`]
      : [];
  return {
    name,
    context,
    file: file === undefined ? undefined : resolve(baseDir, file),
    target: target || undefined,
    buildArgs,
    platforms: optionalList(reader, value('platforms'), `${where}: \`platforms\``, true) ?? [],
    tags: optionalLines(reader, value('tags'), `${where}: \`tags\``),
    flavor: optionalLines(reader, value('flavor'), `${where}: \`flavor\``),
    images,
    dependsOn: readParents(reader, keys.get('depends-on')?.value ?? undefined, where, baseArg),
    position: reader.position(entry.key),
    positions,
  };
}

function optionalList(reader: NodeReader, node: Node | undefined, what: string, commas: boolean) {
  return node ? reader.list(node, what, commas) : undefined;
}

/** metadata-action's line inputs: a block string (one entry a line) or a list of strings. */
function optionalLines(reader: NodeReader, node: Node | undefined, what: string): string[] | undefined {
  if (!node) return undefined;
  if (isSeq(node)) return reader.list(node, what, false);
  return reader
    .string(node, what)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * `depends-on: base-ml`, `depends-on: [base-ml]` (the parent reaches the child as `base-arg`), or a map
 * `{ base-ml: BASE_IMAGE, tools: TOOLS_IMAGE }` for several parents, each in its own build arg.
 */
function readParents(
  reader: NodeReader,
  node: Node | undefined,
  where: string,
  baseArg: string,
): GraphParent[] {
  if (!node) return [];
  const what = `${where}: \`depends-on\``;
  if (isMap(node)) {
    const parents: GraphParent[] = [];
    const args = new Map<string, string>();
    for (const [name, entry] of reader.map(node, what)) {
      const arg = reader.string(
        entry.value,
        `${what}: "${name}" needs the build arg to pass it in, and`,
        entry.key,
      );
      if (!ARG_NAME.test(arg)) throw reader.error(`${what}: "${arg}" is not a build arg name`, entry.value);
      const clash = args.get(arg);
      if (clash)
        throw reader.error(`${what}: "${name}" and "${clash}" are both passed as ${arg}`, entry.value);
      args.set(arg, name);
      parents.push({ name, arg, position: reader.position(entry.key) });
    }
    return parents;
  }
  const items = isSeq(node) ? node.items.map((item) => reader.resolve(item as Node)) : [node];
  const parents = items.map((item) => ({
    name: reader.string(item, what),
    arg: baseArg,
    position: reader.position(item),
  }));
  const seen = new Set<string>();
  for (const parent of parents) {
    if (seen.has(parent.name))
      throw reader.error(`${what}: "${parent.name}" is listed twice`, parent.position);
    seen.add(parent.name);
  }
  if (parents.length > 1) {
    throw reader.error(
      `${what}: several parents need a build arg each; write it as a map, e.g. { ${parents[0].name}: ${baseArg}, ${parents[1].name}: OTHER_IMAGE }`,
      node,
    );
  }
  return parents;
}

interface MapEntry {
  key: Node;
  value: Node | null;
}

/** Reads YAML nodes into plain values, turning every surprise into an ImagesFileError at the node. */
class NodeReader {
  constructor(
    private readonly path: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  position(at: Node | SourcePosition | number | undefined): SourcePosition {
    if (at === undefined) return { line: 1, column: 1 };
    if (typeof at === 'object' && 'line' in at) return at;
    const offset = typeof at === 'number' ? at : (at.range?.[0] ?? 0);
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  error(detail: string, at?: Node | SourcePosition | number | null): ImagesFileError {
    return new ImagesFileError(this.path, detail, this.position(at ?? undefined));
  }

  emptyMap(): Node {
    return this.document.createNode({});
  }

  resolve(node: Node): Node {
    return isAlias(node) ? (node.resolve(this.document) as Node) : node;
  }

  /** A map's entries by key; duplicate keys and (when `allowed` is given) unknown keys are errors. */
  map(raw: Node, what: string, allowed?: readonly string[]): Map<string, MapEntry> {
    const node = this.resolve(raw);
    if (!isMap(node))
      throw this.error(`${what} must be a map (key: value lines), not ${this.kind(node)}`, node);
    const entries = new Map<string, MapEntry>();
    for (const pair of node.items) {
      const key = pair.key as Node;
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        throw this.error(`${what}: keys must be plain names`, key);
      }
      const name = String(key.value);
      const previous = entries.get(name);
      if (previous) {
        const first = this.position(previous.key);
        throw this.error(`${what}: "${name}" is defined twice (first at line ${first.line})`, key);
      }
      if (allowed && !allowed.includes(name)) {
        throw this.error(`${what}: unknown key "${name}" (expected one of: ${allowed.join(', ')})`, key);
      }
      const value = pair.value === null || pair.value === undefined ? null : this.resolve(pair.value as Node);
      entries.set(name, { key, value: value && isScalar(value) && value.value === null ? null : value });
    }
    return entries;
  }

  scalar(raw: Node | null): unknown {
    const node = raw && this.resolve(raw);
    return node && isScalar(node) ? node.value : undefined;
  }

  /** A string scalar; `fallback` places the error when there is no node at all (`key:` with no value). */
  string(raw: Node | null, what: string, fallback?: Node): string {
    const node = raw && this.resolve(raw);
    if (!node || !isScalar(node) || typeof node.value !== 'string') {
      throw this.error(`${what} must be a string, not ${this.kind(node)}`, node ?? fallback);
    }
    return node.value.trim();
  }

  /** A list of strings, or one string (split on commas when `commas`). */
  list(raw: Node, what: string, commas: boolean): string[] {
    const node = this.resolve(raw);
    const values = isSeq(node)
      ? node.items.map((item) => this.string(item as Node, `${what} entries`))
      : [this.string(node, what)];
    return values
      .flatMap((value) => (commas ? value.split(',') : value.split('\n')))
      .map((value) => value.trim())
      .filter(Boolean);
  }

  /** `build-args` as a map (NAME: value; a null value is taken from the environment) or `NAME=value` lines. */
  buildArgs(raw: Node | null | undefined, where: string): string[] {
    if (!raw) return [];
    const what = `${where}: \`build-args\``;
    const node = this.resolve(raw);
    if (!isMap(node)) {
      return this.list(node, what, false).map((line) => {
        if (!ARG_NAME.test(line.split('=')[0]))
          throw this.error(`${what}: "${line}" must be NAME=value`, node);
        return line;
      });
    }
    return [...this.map(node, what)].map(([name, entry]) => {
      if (!ARG_NAME.test(name)) throw this.error(`${what}: "${name}" is not a build arg name`, entry.key);
      if (entry.value === null) return name;
      const value = this.scalar(entry.value);
      if (!['string', 'number', 'boolean'].includes(typeof value)) {
        throw this.error(
          `${what}: "${name}" must be a string, number or boolean, not ${this.kind(entry.value)}`,
          entry.value,
        );
      }
      return `${name}=${String(value)}`;
    });
  }

  private kind(node: Node | null | undefined): string {
    if (!node) return 'nothing';
    if (isMap(node)) return 'a map';
    if (isSeq(node)) return 'a list';
    if (isScalar(node))
      return node.value === null ? 'nothing' : `a ${typeof node.value} (${JSON.stringify(node.value)})`;
    return 'something else';
  }
}
