import type { MetadataResult, RunContext } from './types.js';

/**
 * The build args every image gets (USERS.md §3): VERSION (the semantic version when there is one,
 * else the version output), ENVIRONMENT (the policy, or empty), GIT_COMMIT (full sha) and
 * BUILD_TIMESTAMP (the same instant as org.opencontainers.image.created).
 */
export function automaticBuildArgs(result: MetadataResult, context: RunContext): Record<string, string> {
  return {
    VERSION: result.semanticVersion ?? result.version,
    ENVIRONMENT: result.environment ?? '',
    GIT_COMMIT: context.sha,
    BUILD_TIMESTAMP: result.created,
  };
}
