import type { GitHubRepository } from '../github/repository.js';
import { repoInfoFromPayload } from '../github/repository.js';
import type { Logger } from '../util/log.js';
import type { RepoInfo, RunContext } from './types.js';

/**
 * The repository data for the OCI labels and `edge`: from the GitHub API when a client is given
 * (metadata-action always calls repos.get), else from the event payload.
 */
export async function fetchRepoInfo(
  context: RunContext,
  github: GitHubRepository | undefined,
  logger: Logger,
): Promise<RepoInfo> {
  if (!github) return repoInfoFromPayload(context.payload, context.repo.repo);
  try {
    return await github.getRepo();
  } catch (error) {
    logger.warning(
      `Cannot read repository data from the GitHub API (${(error as Error).message}); using the event payload`,
    );
    return repoInfoFromPayload(context.payload, context.repo.repo);
  }
}
