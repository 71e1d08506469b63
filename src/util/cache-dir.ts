import { isAbsolute, join } from 'node:path';

/**
 * The user's own cache directory for image-build: `$XDG_CACHE_HOME/image-build`, else
 * `$HOME/.cache/image-build`; undefined without either. Never a directory every user of the machine
 * shares (a fixed /tmp path lets another user plant or read a cache).
 */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'image-build');
  return env.HOME ? join(env.HOME, '.cache', 'image-build') : undefined;
}
