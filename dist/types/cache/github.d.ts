/**
 * The `github` part of CacheContext from the runner's environment: present only when the Actions
 * cache service is reachable (a runtime token and a cache URL), so `auto` picks gha only then.
 * The branch of a pull request is its head branch; the default branch comes from the event payload.
 */
export declare function githubCacheContext(env: NodeJS.ProcessEnv, defaultBranch?: string): {
    branch?: string;
    defaultBranch?: string;
} | undefined;
