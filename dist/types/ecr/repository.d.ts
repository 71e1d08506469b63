import { type ECRClient, type ImageTagMutability } from '@aws-sdk/client-ecr';
import type { Logger } from '../util/log.js';
import type { EcrInputs } from './inputs.js';
export interface EnsureEcrRepositoryOptions {
    client: ECRClient;
    logger: Logger;
    repository: string;
    /** Account that owns the repository; defaults to the caller's. */
    registryId?: string;
    settings: Pick<EcrInputs, 'createRepository' | 'scanOnPush' | 'tagMutability' | 'tagMutabilityExclusions' | 'encryption' | 'kmsKey' | 'repositoryTags' | 'lifecycleExpireUntaggedDays'>;
}
export interface EcrRepositoryInfo {
    name: string;
    uri: string;
    arn?: string;
    created: boolean;
    tagMutability: ImageTagMutability;
    scanOnPush: boolean;
    /** applied: we set it; kept: the repository already had one, left alone; none: not asked for. */
    lifecyclePolicy: 'applied' | 'kept' | 'none';
}
/**
 * Finds the repository or creates it with the inputs' settings. An existing repository is never
 * reconfigured (its owner chose those settings); differences are reported as notices.
 */
export declare function ensureEcrRepository(options: EnsureEcrRepositoryOptions): Promise<EcrRepositoryInfo>;
/** The lifecycle policy text: expire untagged images N days after they were pushed. */
export declare function untaggedExpiryPolicy(days: number): string;
