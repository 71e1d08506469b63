import type { Logger } from '../util/log.js';
import type { EngineLibs } from './lazy-libs.js';
import type { MetadataInputs, MetadataResult, RepoInfo, RunContext } from './types.js';
export interface ComputeOptions {
    now: Date;
    /** The `created` label's instant when it must not be now (SOURCE_DATE_EPOCH); `now` otherwise. */
    created?: Date;
    logger: Logger;
    /** Lazily loaded libraries (dates, pep440): see loadEngineLibs. */
    libs?: EngineLibs;
}
/** Everything metadata-action computes, from parsed inputs, the run and the repository. Pure. */
export declare function computeMetadata(inputs: MetadataInputs, context: RunContext, repo: RepoInfo, options: ComputeOptions): MetadataResult;
