import type { EcrInputs } from './inputs.js';
import { type EcrReference } from './reference.js';
/** One ECR repository the build publishes to, with the region its API calls go to. */
export interface EcrTarget {
    reference: EcrReference;
    region: string;
    /** `<registry>/<repository>` as docker names it. */
    repositoryUri: string;
}
/**
 * Picks the ECR references out of the image list and checks them against the inputs (region,
 * repository name) — pure, so every problem surfaces as an InputError before anything is built.
 * Several tags of one repository give one target.
 */
export declare function planEcrTargets(images: readonly string[], inputs: Pick<EcrInputs, 'region'>): EcrTarget[];
