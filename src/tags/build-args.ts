import type { MetadataResult, RunContext } from './types.js';

/**
 * The build args every image gets (USERS.md §3): VERSION (the semantic version when there is one,
 * else the version output), ENVIRONMENT (the policy), GIT_COMMIT (full sha) and BUILD_TIMESTAMP (the
 * same instant as org.opencontainers.image.created). One without a value is left out: passing
 * `ENVIRONMENT=` would replace the Dockerfile's `ARG ENVIRONMENT=development` with nothing.
 */
export function automaticBuildArgs(result: MetadataResult, context: RunContext): Record<string, string> {
  const values: Record<string, string | undefined> = {
    VERSION: result.semanticVersion ?? result.version,
    ENVIRONMENT: result.environment,
    GIT_COMMIT: context.sha,
    BUILD_TIMESTAMP: result.created,
  };
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
