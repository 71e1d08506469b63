import type { getOctokit } from '@actions/github';
/** The client @actions/github builds: REST endpoint methods and pagination. */
export type Octokit = ReturnType<typeof getOctokit>;
export interface OctokitOptions {
    token: string;
    /** GITHUB_API_URL (GitHub Enterprise, or a test emulator); default https://api.github.com. */
    apiUrl?: string;
    /**
     * Abort any one request (each page of a list included) after this long. Octokit has no timeout of
     * its own: without one, an API that stops answering holds the job until the runner kills it.
     */
    requestTimeoutMs?: number;
}
/**
 * An octokit from @actions/github's getOctokit (the runner's proxy settings and user agent come
 * with it). Imported on first use: it is the heaviest dependency of the tag engine.
 */
export declare function createOctokit(options: OctokitOptions): Promise<Octokit>;
