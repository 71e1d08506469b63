/**
 * The `github` part of CacheContext from the runner's environment: present only when the Actions
 * cache service is reachable (a runtime token and a cache URL), so `auto` picks gha only then.
 * The branch of a pull request is its head branch; the default branch comes from the event payload.
 */
export function githubCacheContext(
  env: NodeJS.ProcessEnv,
  defaultBranch?: string,
): { branch?: string; defaultBranch?: string } | undefined {
  if (env.GITHUB_ACTIONS !== 'true' || !env.ACTIONS_RUNTIME_TOKEN) return undefined;
  if (!env.ACTIONS_RESULTS_URL && !env.ACTIONS_CACHE_URL) return undefined;
  const branch = env.GITHUB_HEAD_REF || (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined);
  return { branch: branch || undefined, defaultBranch };
}
