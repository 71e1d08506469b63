import { isFromStep } from '../build/progress.js';
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
  const built = steps.filter((step) => !isFromStep(step));
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
 * Which build step made each of the image's own layers: the same instruction, in order. Builders drop
 * some of the Dockerfile text from the history: BuildKit records `COPY --from=builder /deps /deps` as
 * `COPY /deps /deps`, the classic builder as `COPY dir:<hash> in /deps`. Such a layer takes the next
 * step that matches without its flags (or, for the classic form, the next COPY/ADD to the same
 * destination), and the step's full text.
 */
export function layerBuildFacts(
  layers: readonly LayerModel[],
  steps: readonly BuildStepLike[],
): LayerBuildFacts[] {
  const candidates = steps.filter((step) => !isFromStep(step));
  const used = new Set<number>();
  let cursor = 0;
  return layers.map((layer) => {
    if (layer.origin === 'base') return {};
    const find = (same: (history: string, step: string) => boolean) => {
      const matches = (index: number) =>
        !used.has(index) && same(layer.instruction, candidates[index].instruction);
      for (let i = cursor; i < candidates.length; i++) if (matches(i)) return i;
      for (let i = 0; i < cursor; i++) if (matches(i)) return i;
      return -1;
    };
    let found = find((history, step) => normalise(history) === normalise(step));
    if (found < 0) found = find(sameWithoutDetail);
    if (found < 0) return {};
    used.add(found);
    cursor = found + 1;
    const step = candidates[found];
    return {
      cached: step.cached,
      durationSeconds: step.durationSeconds,
      ...(normalise(step.instruction) !== normalise(layer.instruction) && { instruction: step.instruction }),
    };
  });
}

const CLASSIC_COPY = /^(COPY|ADD) (?:file|dir|multi):[a-f0-9]+ in (\S+)\s*$/;
const FLAG = /\s--[a-z-]+(?:=\S*)?/g;

function sameWithoutDetail(history: string, step: string): boolean {
  const stepText = normalise(step);
  const classic = CLASSIC_COPY.exec(history.trim());
  if (classic) {
    const words = stepText.split(' ');
    return words[0] === classic[1] && words[words.length - 1] === classic[2];
  }
  return /^(COPY|ADD) /.test(stepText) && normalise(history) === stepText.replace(FLAG, '');
}

export function normalise(instruction: string): string {
  const text = instruction.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  const space = text.indexOf(' ');
  return space < 0 ? text.toUpperCase() : `${text.slice(0, space).toUpperCase()}${text.slice(space)}`;
}
