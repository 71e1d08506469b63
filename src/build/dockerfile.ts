/** A `FROM` block of a Dockerfile. */
export interface DockerfileStage {
  /** 0-based position, which `COPY --from=<n>` may use. */
  index: number;
  /** The `AS` name, lower-cased as BuildKit does; undefined for unnamed stages. */
  name?: string;
  /** The image or earlier stage it starts from, as written (build args unexpanded). */
  base: string;
  /** Names (or indexes as strings) of other stages this one reads: its base, `COPY --from`, `--mount from`. */
  uses: string[];
}

export interface DockerfileInfo {
  stages: DockerfileStage[];
  /** Every name declared by an `ARG` instruction, global or in a stage. */
  args: Set<string>;
}

interface Instruction {
  keyword: string;
  rest: string;
}

/** Joins continuation lines and drops comments, honouring the `# escape=` parser directive. */
function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const directive = /^#\s*escape\s*=\s*([`\\])\s*$/i.exec(lines[0] ?? '');
  const escape = directive ? directive[1] : '\\';
  const result: Instruction[] = [];
  let pending = '';
  for (const raw of lines) {
    const trimmed = raw.trim();
    if (!pending && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (pending && trimmed.startsWith('#')) continue;
    if (trimmed.endsWith(escape)) {
      pending += trimmed.slice(0, -1) + ' ';
      continue;
    }
    const full = (pending + trimmed).trim();
    pending = '';
    const match = /^(\S+)\s*(.*)$/.exec(full);
    if (match) result.push({ keyword: match[1].toUpperCase(), rest: match[2] });
  }
  if (pending.trim()) {
    const match = /^(\S+)\s*(.*)$/.exec(pending.trim());
    if (match) result.push({ keyword: match[1].toUpperCase(), rest: match[2] });
  }
  return result;
}

function flagValue(rest: string, flag: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)--${flag}=(\\S+)`).exec(rest);
  return match?.[1];
}

/** Reads the stages, their dependencies and the declared ARGs; enough to validate inputs and plan caching. */
export function parseDockerfile(text: string): DockerfileInfo {
  const stages: DockerfileStage[] = [];
  const args = new Set<string>();
  for (const { keyword, rest } of instructions(text)) {
    if (keyword === 'FROM') {
      const words = rest.split(/\s+/).filter((word) => !word.startsWith('--'));
      const base = words[0] ?? '';
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2].toLowerCase() : undefined;
      stages.push({ index: stages.length, name, base, uses: [base.toLowerCase()] });
    } else if (keyword === 'ARG') {
      for (const word of rest.split(/\s+/)) {
        const argName = word.split('=')[0];
        if (argName) args.add(argName);
      }
    } else if (stages.length > 0 && (keyword === 'COPY' || keyword === 'RUN' || keyword === 'ADD')) {
      const stage = stages[stages.length - 1];
      const from = keyword === 'RUN' ? undefined : flagValue(rest, 'from');
      if (from) stage.uses.push(from.toLowerCase());
      for (const mount of rest.matchAll(/--mount=(\S+)/g)) {
        const mountFrom = /(?:^|,)from=([^,]+)/.exec(mount[1]);
        if (mountFrom) stage.uses.push(mountFrom[1].toLowerCase());
      }
    }
  }
  return { stages, args };
}

/** Finds a stage by `AS` name or index; BuildKit matches names case-insensitively. */
export function findStage(info: DockerfileInfo, ref: string): DockerfileStage | undefined {
  const lower = ref.toLowerCase();
  if (/^\d+$/.test(lower)) return info.stages[Number(lower)];
  return info.stages.find((stage) => stage.name === lower);
}

/**
 * The stages `target` (default: the last) needs, in Dockerfile order, excluding the target itself.
 * Only these are worth a cache image of their own: the others are never built.
 */
export function stageDependencies(info: DockerfileInfo, target?: string): DockerfileStage[] {
  const final = target ? findStage(info, target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  const needed = new Set<number>();
  const visit = (stage: DockerfileStage) => {
    for (const use of stage.uses) {
      const dependency = findStage(info, use);
      if (!dependency || dependency.index >= stage.index || needed.has(dependency.index)) continue;
      needed.add(dependency.index);
      visit(dependency);
    }
  };
  visit(final);
  return info.stages.filter((stage) => needed.has(stage.index));
}

/** The stages on `stage`'s FROM chain (its base, the base's base, …). */
function ancestors(info: DockerfileInfo, stage: DockerfileStage): Set<number> {
  const chain = new Set<number>();
  for (
    let base = findStage(info, stage.base);
    base && !chain.has(base.index);
    base = findStage(info, base.base)
  ) {
    if (base.index >= stage.index) break;
    chain.add(base.index);
  }
  return chain;
}

/**
 * The stages that need a cache image of their own: those the target needs whose steps no other
 * needed stage (nor the target) already carries in its FROM chain, since a cache image describes its
 * stage's whole chain.
 */
export function stagesNeedingCacheImages(info: DockerfileInfo, target?: string): DockerfileStage[] {
  const final = target ? findStage(info, target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  const needed = stageDependencies(info, target);
  const covered = new Set<number>();
  for (const stage of [...needed, final]) for (const index of ancestors(info, stage)) covered.add(index);
  return needed.filter((stage) => !covered.has(stage.index));
}
