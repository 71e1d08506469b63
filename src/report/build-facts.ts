import type { LayerModel } from './model/types.js';

/** A build step as the build capability parses it from BuildKit's progress (`BuildStep`). */
export interface BuildStepLike {
  /** Stage name (`builder`); empty for a single unnamed stage. */
  stage?: string;
  /** `2/4`: position within the stage. */
  position?: string;
  instruction: string;
  /** From cache, local or remote. */
  cached: boolean;
  durationSeconds?: number;
}

export interface ReportStep {
  name: string;
  instruction: string;
  cached: boolean;
  seconds?: number;
}

export interface BuildFacts {
  steps: ReportStep[];
  cachedSteps: number;
  /** cached / steps; undefined without steps. */
  cacheHitRatio?: number;
  /** Wall-clock build time when the caller measured it. */
  totalSeconds?: number;
  /** Σ step times (steps run in parallel, so this can exceed the wall clock). */
  stepSeconds: number;
}

export interface LayerBuildFacts {
  cached?: boolean;
  durationSeconds?: number;
  /** The Dockerfile text of the step, when the history had only the classic builder's `COPY dir:…`. */
  instruction?: string;
}

/**
 * Build steps as the report lists them. FROM steps are never built, so they would only inflate the
 * cache ratio.
 */
export function buildFacts(steps: readonly BuildStepLike[], totalSeconds?: number): BuildFacts {
  const built = steps.filter((step) => !/^FROM\s/i.test(step.instruction));
  const cachedSteps = built.filter((step) => step.cached).length;
  return {
    steps: built.map((step) => ({
      name: `${step.stage || step.position ? `[${[step.stage, step.position].filter(Boolean).join(' ')}] ` : ''}${step.instruction}`,
      instruction: step.instruction,
      cached: step.cached,
      seconds: step.durationSeconds,
    })),
    cachedSteps,
    cacheHitRatio: built.length ? cachedSteps / built.length : undefined,
    totalSeconds,
    stepSeconds: built.reduce((sum, step) => sum + (step.durationSeconds ?? 0), 0),
  };
}

/**
 * Which build step made each of the image's own layers: the same instruction, in order. The classic
 * builder records `COPY dir:<hash> in /app`; such a layer takes the next COPY/ADD step to the same
 * destination, and its Dockerfile text (flags included).
 */
export function layerBuildFacts(
  layers: readonly LayerModel[],
  steps: readonly BuildStepLike[],
): LayerBuildFacts[] {
  const candidates = steps.filter((step) => !/^FROM\s/i.test(step.instruction));
  const used = new Set<number>();
  let cursor = 0;
  return layers.map((layer) => {
    if (layer.origin === 'base') return {};
    const matches = (index: number) =>
      !used.has(index) && sameStep(layer.instruction, candidates[index].instruction);
    let found = -1;
    for (let i = cursor; i < candidates.length && found < 0; i++) if (matches(i)) found = i;
    for (let i = 0; i < cursor && found < 0; i++) if (matches(i)) found = i;
    if (found < 0) return {};
    used.add(found);
    cursor = found + 1;
    const step = candidates[found];
    return {
      cached: step.cached,
      durationSeconds: step.durationSeconds,
      ...(CLASSIC_COPY.test(layer.instruction) && { instruction: step.instruction }),
    };
  });
}

const CLASSIC_COPY = /^(COPY|ADD) (?:file|dir|multi):[a-f0-9]+ in (\S+)\s*$/;

function sameStep(history: string, step: string): boolean {
  const a = normalise(history);
  const b = normalise(step);
  if (a === b) return true;
  const classic = CLASSIC_COPY.exec(history.trim());
  if (!classic) return false;
  const words = b.split(' ');
  return words[0] === classic[1] && words[words.length - 1] === classic[2];
}

export function normalise(instruction: string): string {
  const text = instruction.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  const space = text.indexOf(' ');
  return space < 0 ? text.toUpperCase() : `${text.slice(0, space).toUpperCase()}${text.slice(space)}`;
}
