import { type BuildPlan, type PlannerInput } from './build-command.js';
import type { ClassicBuilder } from '../engine/builder.js';
/**
 * The engine's own BuildKit through `docker build`: no attestations, annotations, cache filters or
 * builder instances, and inline cache only, so a multi-stage cache is one inline-cache image per stage.
 */
export declare function planClassic(input: PlannerInput<ClassicBuilder>): BuildPlan;
