import type { ECRClient } from '@aws-sdk/client-ecr';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { TagWriter } from '../registry/tag-writer.js';
import type { EcrInputs } from './inputs.js';
import { type EcrLoginState } from './login.js';
import { type EcrRepositoryInfo } from './repository.js';
import { type ScanFindingsResult } from './scan.js';
import { type EcrTarget } from './targets.js';
export interface PrepareEcrOptions {
    /** Every image reference the build publishes; non-ECR ones are ignored. */
    images: readonly string[];
    inputs: EcrInputs;
    runner: CommandRunner;
    logger: Logger;
    docker?: string;
    env?: NodeJS.ProcessEnv;
    tempRoot?: string;
    inheritConfigFrom?: string;
    /** Builds the API client for a target; defaults to the SDK's credential chain (tests set an endpoint). */
    clientFor?: (target: EcrTarget) => ECRClient;
}
export interface PreparedEcrTarget {
    target: EcrTarget;
    repository: EcrRepositoryInfo;
    client: ECRClient;
    tagWriter: TagWriter;
}
export interface PreparedEcr {
    targets: PreparedEcrTarget[];
    /** Undefined when no image is in private ECR; otherwise save it for the post step (ecrLogout). */
    login?: EcrLoginState;
}
/**
 * Everything ECR needs before the build, in the order that fails cheapest first: check inputs
 * against the references (pure), resolve credentials, ensure the repositories, log docker in (one
 * temporary config for every region). Call it before building, so bad input stops the run early.
 */
export declare function prepareEcr(options: PrepareEcrOptions): Promise<PreparedEcr>;
/**
 * After the push: scan-on-push results for every prepared repository that scans, bounded by the
 * ecr-wait-for-scan input. Repositories without scan on push are skipped, not waited for.
 */
export declare function collectEcrScanFindings(prepared: PreparedEcr, digest: string, options: {
    inputs: Pick<EcrInputs, 'waitForScanSeconds'>;
    logger: Logger;
    pollSeconds?: number;
}): Promise<ScanFindingsResult[]>;
