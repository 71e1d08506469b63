import type { RepoInfo } from '../tags/types.js';
export interface GitHubApiOptions {
    token: string;
    /** GITHUB_API_URL (GitHub Enterprise, or a test emulator); default https://api.github.com. */
    apiUrl?: string;
    owner: string;
    repo: string;
}
/** The repository data the tag engine needs, and the commit date fallback. */
export interface GitHubRepository {
    getRepo(): Promise<RepoInfo>;
    getCommitDate(sha: string): Promise<Date | undefined>;
}
/**
 * A GitHubRepository over @actions/github's octokit (repos.get, repos.getCommit). Octokit is
 * imported on first use: it is the heaviest dependency of the tag engine.
 */
export declare function octokitRepository(options: GitHubApiOptions): GitHubRepository;
/**
 * The repository as the event payload describes it (`payload.repository`), for runs without a
 * token: the same fields repos.get returns.
 */
export declare function repoInfoFromPayload(payload: Record<string, unknown>, fallbackName?: string): RepoInfo;
