import type { EnvironmentPolicy, RunContext } from './types.js';
/** What the `environment` policy emits, in order, and whether `latest` goes with it. */
export interface EnvironmentTags {
    values: string[];
    latest: boolean;
    /** The clean semantic version (`1.0.0`), when the run has one. */
    version?: string;
}
/**
 * The tagging policy of USERS.md §3. `prod` + version 1.0.0 → prod, prod-<yyyymmdd-HHMMss>, v1.0.0,
 * 1.0.0, git-<sha7>, latest. `dev` → dev, dev-<ts>, git-<sha7>, latest. A prerelease (1.0.0-rc.1)
 * gets its version tags and the timestamped tag but moves neither `prod` nor `latest`.
 */
export declare function environmentTags(policy: EnvironmentPolicy, context: RunContext, now: Date): EnvironmentTags;
/** UTC `yyyymmdd-HHMMss`, as the teams' build scripts stamp images. */
export declare function timestamp(now: Date): string;
