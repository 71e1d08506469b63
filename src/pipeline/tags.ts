import { octokitRepository, repoInfoFromPayload, type GitHubRepository } from '../github/index.js';
import {
  computeMetadata,
  loadEngineLibs,
  resolveRunContext,
  sourceDateEpoch,
  type MetadataInputs,
  type MetadataResult,
  type RepoInfo,
  type RunContext,
} from '../tags/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';

export interface RunTagsDeps {
  env: NodeJS.ProcessEnv;
  runner: CommandRunner;
  logger: Logger;
  /** The git checkout the `git` context reads; the process's by default. */
  cwd?: string;
  now?: Date;
}

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

/**
 * The one way a run's tags are computed, for the main action, the `tags/` action and the CLI:
 * run context (event or git) → repository data (API or payload) → metadata-action's computation.
 */
export async function computeRunTags(
  inputs: MetadataInputs,
  deps: RunTagsDeps,
): Promise<{ metadata: MetadataResult; context: RunContext }> {
  const { env, logger } = deps;
  const token = inputs.githubToken;
  if (token) logger.setSecret(token);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const github =
    token && owner && repo
      ? octokitRepository({ token, apiUrl: env.GITHUB_API_URL, owner, repo })
      : undefined;
  const context = await resolveRunContext(inputs.context, env, deps.runner, {
    cwd: deps.cwd,
    lookupCommitDate: github ? (sha) => github.getCommitDate(sha) : undefined,
  });
  const repoInfo = await fetchRepoInfo(context, github, logger);
  const libs = await loadEngineLibs(inputs);
  const metadata = computeMetadata(inputs, context, repoInfo, {
    now: deps.now ?? new Date(),
    created: sourceDateEpoch(env),
    logger,
    libs,
  });
  return { metadata, context };
}
