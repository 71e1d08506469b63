import type { EnvironmentPolicy, RunContext } from './types.js';
/** Environments whose builds are releases: they need a version and also get the bare `<version>` tag. */
export declare const RELEASE_ENVIRONMENTS: readonly string[];
/** What the `environment` policy emits, in order, and whether `latest` goes with it. */
export interface EnvironmentTags {
    values: string[];
    latest: boolean;
    /** The clean semantic version (`1.0.0`), when the run has one. */
    version?: string;
    /** Decisions the user should hear about (`latest` held back for a pre-release). */
    notices: string[];
}
/**
 * The environment tagging policy (docs/cli.md), the teams' build script made one rule:
 *   `<env>`, `<env>-<YYYYMMDD-HHmmss>` (UTC unless a time zone is given), `v<version>` (with a
 *   version), `<version>` (release environments only), `git-<short sha>` (7 characters unless
 *   DOCKER_METADATA_SHORT_SHA_LENGTH says otherwise), then `latest` by the policy's `latest` mode.
 * `latest=auto` lets the floating-tag guard decide where the script did not: a pre-release never
 * takes `latest` (a notice says so); `always` is the script's behaviour; `never` leaves it alone.
 */
export declare function environmentTags(policy: EnvironmentPolicy, context: RunContext, now: Date): EnvironmentTags;
/** `YYYYMMDD-HHmmss` in `timeZone` (an IANA name; UTC by default), as the teams' scripts stamp images. */
export declare function timestamp(now: Date, timeZone?: string): string;
