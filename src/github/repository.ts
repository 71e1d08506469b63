import type { RepoInfo } from '../tags/types.js';
import { createOctokit, type OctokitOptions } from './octokit.js';

export interface GitHubApiOptions extends OctokitOptions {
  owner: string;
  repo: string;
}

/** The repository data the tag engine needs, and the commit date fallback. */
export interface GitHubRepository {
  getRepo(): Promise<RepoInfo>;
  getCommitDate(sha: string): Promise<Date | undefined>;
}

/** A GitHubRepository over @actions/github's octokit (repos.get, repos.getCommit), built on first use. */
export function octokitRepository(options: GitHubApiOptions): GitHubRepository {
  const octokit = () => createOctokit(options);
  return {
    async getRepo() {
      const { data } = await (await octokit()).rest.repos.get({ owner: options.owner, repo: options.repo });
      return {
        name: data.name,
        description: data.description,
        html_url: data.html_url,
        default_branch: data.default_branch,
        license: data.license ? { spdx_id: data.license.spdx_id ?? null } : null,
      };
    },
    async getCommitDate(sha) {
      const { data } = await (
        await octokit()
      ).rest.repos.getCommit({
        owner: options.owner,
        repo: options.repo,
        ref: sha,
      });
      const date = data.commit.committer?.date;
      return date ? new Date(date) : undefined;
    },
  };
}

/**
 * The repository as the event payload describes it (`payload.repository`), for runs without a
 * token: the same fields repos.get returns.
 */
export function repoInfoFromPayload(payload: Record<string, unknown>, fallbackName = ''): RepoInfo {
  const repository = (payload.repository ?? {}) as Partial<{
    name: string;
    description: string | null;
    html_url: string;
    default_branch: string;
    license: { spdx_id?: string | null } | null;
  }>;
  return {
    name: repository.name ?? fallbackName,
    description: repository.description ?? null,
    html_url: repository.html_url ?? '',
    default_branch: repository.default_branch ?? '',
    license: repository.license ? { spdx_id: repository.license.spdx_id ?? null } : null,
  };
}
