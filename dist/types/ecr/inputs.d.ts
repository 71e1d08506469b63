import type { EncryptionType, ImageTagMutability } from '@aws-sdk/client-ecr';
import type { EcrReference } from '../registry/ecr-reference.js';
/** Action input names (and their defaults) that configure ECR; the lead lists them in action.yml. */
export declare const ECR_INPUT_DEFAULTS: {
    readonly 'aws-region': "";
    readonly 'ecr-create-repository': "true";
    readonly 'ecr-scan-on-push': "true";
    readonly 'ecr-tag-mutability': "MUTABLE";
    readonly 'ecr-tag-mutability-exclusions': "";
    readonly 'ecr-encryption': "AES256";
    readonly 'ecr-kms-key': "";
    readonly 'ecr-repository-tags': "";
    readonly 'ecr-lifecycle-expire-untagged-days': "";
    readonly 'ecr-wait-for-scan': "120";
};
export type EcrInputName = keyof typeof ECR_INPUT_DEFAULTS;
export interface EcrResourceTag {
    key: string;
    value: string;
}
export interface EcrInputs {
    /** Region from inputs; undefined means "take it from the image reference". */
    region?: string;
    createRepository: boolean;
    scanOnPush: boolean;
    tagMutability: ImageTagMutability;
    /** Wildcard filters for the *_WITH_EXCLUSION mutabilities. */
    tagMutabilityExclusions: string[];
    encryption: EncryptionType;
    kmsKey?: string;
    repositoryTags: EcrResourceTag[];
    /** Lifecycle rule for new repositories: expire untagged images after this many days. */
    lifecycleExpireUntaggedDays?: number;
    /** Upper bound for waiting on scan-on-push findings; 0 means do not wait. */
    waitForScanSeconds: number;
}
/** Reads and validates the ECR inputs; every problem is an InputError naming the input. */
export declare function readEcrInputs(getInput: (name: EcrInputName) => string): EcrInputs;
/**
 * The region to call ECR in: the reference's own region, which an `aws-region` input must match
 * (a mismatch would log in to, and create repositories in, the wrong region).
 */
export declare function resolveEcrRegion(reference: EcrReference, inputs: Pick<EcrInputs, 'region'>): string;
