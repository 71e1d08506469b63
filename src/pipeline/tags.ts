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
  /** Shares the run context and repository data between the images of one run (a graph). */
  tagsCache?: RunTagsCache;
}

/**
 * The reads every image of a run would repeat (three `git` commands, or the event file and the
 * GitHub API): a graph of five images did them ten times, now once.
 */
export interface RunTagsCache {
  contexts: Map<string, Promise<RunContext>>;
  repoInfo: Map<string, Promise<{ info: RepoInfo; warnings: string[] }>>;
}

export function createRunTagsCache(): RunTagsCache {
  return { contexts: new Map(), repoInfo: new Map() };
}

/** The cached promise for `key`, made once; a rejection is not kept, so a retry reads again. */
function once<T>(
  cache: Map<string, Promise<T>> | undefined,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  if (!cache) return make();
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/**
 * The repository data for the OCI labels and `edge`: from the GitHub API when a client is given
 * (metadata-action always calls repos.get), else from the event payload.
 */
export async function fetchRepoInfo(
  context: RunContext,
  github: GitHubRepository | undefined,
  logger: Pick<Logger, 'warning'>,
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
  const key = `${inputs.context}\0${deps.cwd ?? ''}\0${github ? token : ''}`;
  const context = await once(deps.tagsCache?.contexts, key, () =>
    resolveRunContext(inputs.context, env, deps.runner, {
      cwd: deps.cwd,
      lookupCommitDate: github ? (sha) => github.getCommitDate(sha) : undefined,
    }),
  );
  // Cached with its warning, so each image's log still says when the API could not be read.
  const warnings: string[] = [];
  const collect = { warning: (message: string) => void warnings.push(message) };
  const fetched = await once(deps.tagsCache?.repoInfo, key, async () => ({
    info: await fetchRepoInfo(context, github, collect),
    warnings,
  }));
  for (const message of fetched.warnings) logger.warning(message);
  const repoInfo = fetched.info;
  const libs = await loadEngineLibs(inputs);
  const metadata = computeMetadata(inputs, context, repoInfo, {
    now: deps.now ?? new Date(),
    created: sourceDateEpoch(env),
    logger,
    libs,
  });
  return { metadata, context };
}
