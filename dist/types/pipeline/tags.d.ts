import { type GitHubRepository } from '../github/index.js';
import { type MetadataInputs, type MetadataResult, type RepoInfo, type RunContext } from '../tags/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
export interface RunTagsDeps {
    env: NodeJS.ProcessEnv;
    runner: CommandRunner;
    logger: Logger;
    /** The git checkout the `git` context reads; the process's by default. */
    cwd?: string;
    now?: Date;
    /** Shares the run context and repository data between the images of one run (a graph). */
    tagsCache?: RunTagsCache;
}
/**
 * The reads every image of a run would repeat (three `git` commands, or the event file and the
 * GitHub API): a graph of five images did them ten times, now once.
 */
export interface RunTagsCache {
    contexts: Map<string, Promise<RunContext>>;
    repoInfo: Map<string, Promise<{
        info: RepoInfo;
        warnings: string[];
    }>>;
}
export declare function createRunTagsCache(): RunTagsCache;
/**
 * The repository data for the OCI labels and `edge`: from the GitHub API when a client is given
 * (metadata-action always calls repos.get), else from the event payload.
 */
export declare function fetchRepoInfo(context: RunContext, github: GitHubRepository | undefined, logger: Pick<Logger, 'warning'>): Promise<RepoInfo>;
/**
 * The one way a run's tags are computed, for the main action, the `tags/` action and the CLI:
 * run context (event or git) → repository data (API or payload) → metadata-action's computation.
 */
export declare function computeRunTags(inputs: MetadataInputs, deps: RunTagsDeps): Promise<{
    metadata: MetadataResult;
    context: RunContext;
}>;
