import type { EnvironmentPolicy } from './types.js';
/**
 * Parses the `environment` input: `<name>[,version=<semver>][,latest=auto|always|never]
 * [,timezone=<IANA zone>]` (CSV, so a quoted field may hold a comma, which no valid value has).
 * Empty means no policy.
 */
export declare function parseEnvironment(raw: string): EnvironmentPolicy | undefined;
