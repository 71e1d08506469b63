import type { ListItem } from '../util/input-list.js';
/** The build args image-build supplies itself, when the Dockerfile declares them. */
export declare const AUTOMATIC_BUILD_ARGS: readonly ["VERSION", "ENVIRONMENT", "GIT_COMMIT", "BUILD_TIMESTAMP"];
/**
 * The automatic args to pass: only those the Dockerfile declares with ARG (passing an undeclared arg
 * makes BuildKit warn, and would change nothing), never one the user set in build-args, and never an
 * empty one (it would replace the ARG's default in the Dockerfile with nothing).
 */
export declare function selectAutomaticBuildArgs(values: Readonly<Record<string, string | undefined>>, declared: ReadonlySet<string>, userArgs: readonly ListItem[]): string[];
