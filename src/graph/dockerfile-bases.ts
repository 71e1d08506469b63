import { type DockerfileInfo, stageDependencies } from '../build/index.js';

/** An image a stage starts FROM that is neither another stage nor `scratch`. */
export interface ExternalBase {
  /** As written in the Dockerfile (`${BASE_IMAGE}`, `busybox:1`). */
  written: string;
  /** With the global ARGs expanded; undefined when one of them has no value here. */
  reference?: string;
  /** Names of the ARGs that had no value. */
  unresolved: string[];
}

/**
 * The global ARGs (declared before the first FROM, the only ones FROM can use) and their defaults.
 * A line scan: continuation lines are joined, values may be quoted; enough for FROM expansion.
 */
export function globalArgs(dockerfile: string): Map<string, string | undefined> {
  const args = new Map<string, string | undefined>();
  const lines = dockerfile.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index].trim();
    while (line.endsWith('\\') && index + 1 < lines.length)
      line = `${line.slice(0, -1)} ${lines[++index].trim()}`;
    if (!line || line.startsWith('#')) continue;
    const match = /^(\w+)\s*(.*)$/.exec(line);
    const keyword = match?.[1].toUpperCase();
    if (keyword === 'FROM') break;
    if (keyword !== 'ARG' || !match) continue;
    for (const word of match[2].match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []) {
      const equals = word.indexOf('=');
      const name = equals < 0 ? word : word.slice(0, equals);
      const value = equals < 0 ? undefined : word.slice(equals + 1).replace(/^(["'])(.*)\1$/, '$2');
      args.set(name, value);
    }
  }
  return args;
}

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` and `${NAME+word}` as
 * BuildKit does in FROM; names without a value are collected in `unresolved`.
 */
export function expandArgs(
  text: string,
  values: ReadonlyMap<string, string | undefined>,
): { text: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const expanded = text.replace(
    /\$(?:\{(\w+)(?:(:?[-+])([^}]*))?\}|(\w+))/g,
    (
      _match,
      braced: string | undefined,
      operator: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const name = (braced ?? bare) as string;
      const value = values.get(name);
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      if (operator === ':-') return nonEmpty ? value : (word ?? '');
      if (operator === '-') return set ? value : (word ?? '');
      if (operator === ':+') return nonEmpty ? (word ?? '') : '';
      if (operator === '+') return set ? (word ?? '') : '';
      if (!set) unresolved.push(name);
      return value ?? '';
    },
  );
  return { text: expanded, unresolved };
}

/**
 * The images the target's stages start from (the target itself and every stage it needs), with the
 * build args and the global ARG defaults applied. Stages the target does not need are never built, so
 * their bases do not count.
 */
export function externalBases(
  dockerfile: string,
  info: DockerfileInfo,
  target: string | undefined,
  buildArgs: ReadonlyMap<string, string | undefined>,
): ExternalBase[] {
  const declared = globalArgs(dockerfile);
  const values = new Map<string, string | undefined>();
  for (const [name, fallback] of declared)
    values.set(name, buildArgs.has(name) ? buildArgs.get(name) : fallback);
  const final = target
    ? info.stages.find((stage) => stage.name === target.toLowerCase() || String(stage.index) === target)
    : info.stages[info.stages.length - 1];
  if (!final) return [];
  const stages = [...stageDependencies(info, target), final];
  const bases: ExternalBase[] = [];
  for (const stage of stages) {
    const { text, unresolved } = expandArgs(stage.base, values);
    const earlier = info.stages.some(
      (other) => other.index < stage.index && other.name === text.toLowerCase(),
    );
    if (earlier || text.toLowerCase() === 'scratch' || bases.some((base) => base.written === stage.base))
      continue;
    bases.push({ written: stage.base, reference: unresolved.length ? undefined : text, unresolved });
  }
  return bases;
}
