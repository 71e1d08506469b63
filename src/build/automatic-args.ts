import type { ListItem } from '../util/input-list.js';

/** The build args image-build supplies itself, when the Dockerfile declares them. */
export const AUTOMATIC_BUILD_ARGS = ['VERSION', 'ENVIRONMENT', 'GIT_COMMIT', 'BUILD_TIMESTAMP'] as const;

/**
 * The automatic args to pass: only those the Dockerfile declares with ARG (passing an undeclared arg
 * makes BuildKit warn, and would change nothing), never one the user set in build-args, and never an
 * empty one (it would replace the ARG's default in the Dockerfile with nothing).
 */
export function selectAutomaticBuildArgs(
  values: Readonly<Record<string, string | undefined>>,
  declared: ReadonlySet<string>,
  userArgs: readonly ListItem[],
): string[] {
  const userKeys = new Set(userArgs.map((item) => item.value.split('=')[0].trim()));
  return Object.entries(values)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .filter(([name]) => declared.has(name) && !userKeys.has(name))
    .map(([name, value]) => `${name}=${value}`);
}
