import type { MetadataResult, RunContext } from './types.js';
/**
 * The build args every image gets (USERS.md §3): VERSION (the semantic version when there is one,
 * else the version output), ENVIRONMENT (the policy), GIT_COMMIT (full sha) and BUILD_TIMESTAMP (the
 * same instant as org.opencontainers.image.created). One without a value is left out: passing
 * `ENVIRONMENT=` would replace the Dockerfile's `ARG ENVIRONMENT=development` with nothing.
 */
export declare function automaticBuildArgs(result: MetadataResult, context: RunContext): Record<string, string>;
