import { Arg, DockerfileParser, From, type ModifiableInstruction } from 'dockerfile-ast';

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
  /** The `# syntax=` parser directive (the BuildKit frontend image), when there is one. */
  syntax?: string;
  /** The escape character: `\\` unless an `# escape=` directive says `` ` ``. */
  escape: string;
}

/**
 * Reads the stages, their dependencies and the declared ARGs; enough to validate inputs and plan
 * caching. dockerfile-ast splits the instructions as BuildKit does: parser directives (`# syntax=`,
 * `# escape=`) only at the top, continuations with the escape character, comments inside them, and
 * heredocs (`RUN <<EOF … EOF`, several on one line, `<<-EOF`, quoted names), whose bodies are never
 * read as instructions: a `FROM x AS y` line inside one adds no stage.
 */
export function parseDockerfile(text: string): DockerfileInfo {
  const dockerfile = DockerfileParser.parse(text);
  const stages: DockerfileStage[] = [];
  const args = new Set<string>();
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (instruction instanceof From) {
      const base = instruction.getImage() ?? '';
      const name = instruction.getBuildStage()?.toLowerCase() || undefined;
      stages.push({ index: stages.length, name, base, uses: [base.toLowerCase()] });
    } else if (instruction instanceof Arg) {
      for (const argument of instruction.getPropertyArguments()) {
        const argName = argument.getValue().split('=')[0];
        if (argName) args.add(argName);
      }
    } else if (stages.length > 0 && (keyword === 'COPY' || keyword === 'ADD' || keyword === 'RUN')) {
      const stage = stages[stages.length - 1];
      for (const flag of (instruction as ModifiableInstruction).getFlags()) {
        const from =
          flag.getName() === 'from' && keyword !== 'RUN'
            ? flag.getValue()
            : flag.getName() === 'mount'
              ? flag.getOption('from')?.getValue()
              : undefined;
        if (from) stage.uses.push(from.toLowerCase());
      }
    }
  }
  const syntax = dockerfile
    .getDirectives()
    .find((directive) => directive.getName().toLowerCase() === 'syntax');
  return {
    stages,
    args,
    escape: dockerfile.getEscapeCharacter(),
    ...(syntax && { syntax: syntax.getValue() }),
  };
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
