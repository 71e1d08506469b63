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
export async function createOctokit(options: OctokitOptions): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl || 'https://api.github.com' });
  const timeout = options.requestTimeoutMs;
  if (timeout !== undefined) {
    // A `before` hook changes the options every later hook and the fetch see (a `wrap` hook's
    // new options would be dropped by the auth hook below it).
    octokit.hook.before('request', (endpoint) => {
      endpoint.request = { ...endpoint.request, signal: AbortSignal.timeout(timeout) };
    });
  }
  return octokit;
}
