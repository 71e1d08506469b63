/**
 * The user's own cache directory for image-build: `$XDG_CACHE_HOME/image-build`, else
 * `$HOME/.cache/image-build`; undefined without either. Never a directory every user of the machine
 * shares (a fixed /tmp path lets another user plant or read a cache).
 */
export declare function userCacheDir(env: NodeJS.ProcessEnv): string | undefined;
