import type { RepoInfo } from '../tags/types.js';
import { type OctokitOptions } from './octokit.js';
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
export declare function octokitRepository(options: GitHubApiOptions): GitHubRepository;
/**
 * The repository as the event payload describes it (`payload.repository`), for runs without a
 * token: the same fields repos.get returns.
 */
export declare function repoInfoFromPayload(payload: Record<string, unknown>, fallbackName?: string): RepoInfo;
