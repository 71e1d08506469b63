import type { GitHubRepository } from '../github/repository.js';
import type { Logger } from '../util/log.js';
import type { RepoInfo, RunContext } from './types.js';
/**
 * The repository data for the OCI labels and `edge`: from the GitHub API when a client is given
 * (metadata-action always calls repos.get), else from the event payload.
 */
export declare function fetchRepoInfo(context: RunContext, github: GitHubRepository | undefined, logger: Logger): Promise<RepoInfo>;
