import type { CachePlan } from '../cache/types.js';
import type { BuildPlan, PlanOptions } from './build-command.js';
import type { Builder } from '../engine/builder.js';
import { type ValidatedBuild } from './validate.js';
export type { BuildCommand, BuildPlan, PlanOptions } from './build-command.js';
export { defaultProvenance } from './plan-buildx.js';
/** The exact argument lists for the detected builder. Pure: the same inputs give the same args. */
export declare function planBuild(build: ValidatedBuild, builder: Builder, cache: CachePlan, options: PlanOptions): BuildPlan;
