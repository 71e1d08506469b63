import type { EcrInputs } from './inputs.js';
import { type EcrReference } from '../registry/ecr-reference.js';
/** One ECR repository the build publishes to, with the region its API calls go to. */
export interface EcrTarget {
    reference: EcrReference;
    region: string;
    /** `<registry>/<repository>` as docker names it. */
    repositoryUri: string;
    /**
     * True for private ECR: login, repository creation, PutImage tagging and scans go through the ECR
     * API. ECR Public (a separate API) is recognised but published to as a plain OCI registry, with
     * credentials given the usual way (`docker login public.ecr.aws`).
     */
    managed: boolean;
}
/**
 * Picks the ECR references out of the image list and checks them against the inputs (region,
 * repository name) — pure, so every problem surfaces as an InputError before anything is built.
 * Several tags of one repository give one target.
 */
export declare function planEcrTargets(images: readonly string[], inputs: Pick<EcrInputs, 'region'>): EcrTarget[];
