import { type BuildPlan, type PlannerInput } from './build-command.js';
import type { BuildxBuilder } from '../engine/builder.js';
import type { BuildInputs } from './inputs.js';
/**
 * Default provenance: buildx >= 0.10 attaches a provenance attestation by default, which turns even a
 * single-platform image into an index that Lambda and Cloud Run reject. We keep single-platform images
 * plain manifests (`--provenance=false`) and let multi-platform builds (already an index) keep mode=min.
 */
export declare function defaultProvenance(inputs: BuildInputs): string;
/** The exact `docker buildx build` arguments. Flags this buildx lacks are dropped with a notice. */
export declare function planBuildx(input: PlannerInput<BuildxBuilder>): BuildPlan;
