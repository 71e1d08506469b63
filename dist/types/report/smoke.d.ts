import type { CommandRunner } from '../util/exec.js';
import { type CheckLevel, type CheckResult } from './checks/types.js';
export interface SmokeTestOptions {
    runner: CommandRunner;
    /** The docker client (default `docker`). */
    docker?: string;
    env?: NodeJS.ProcessEnv;
    /** Image reference or ID, present in the engine. */
    image: string;
    /** `none` (default): the image must start without the network; `host` for images that need it. */
    network?: 'none' | 'host';
    /** Upper bound on the wait (default 30 s). */
    timeoutSeconds?: number;
    /**
     * A probe run in the container (`docker exec`) until it exits 0, e.g. `["wget","-qO-","localhost:8080/health"]`.
     * Without it the image's HEALTHCHECK decides; without either the container must stay up.
     */
    command?: readonly string[];
    /** The image has a HEALTHCHECK: it is then run every second and only its success counts during the wait. */
    healthcheck?: boolean;
    /** Seconds a container without HEALTHCHECK or probe must stay up (default 3). */
    graceSeconds?: number;
    pollSeconds?: number;
    now?: () => number;
    sleep?: (milliseconds: number) => Promise<void>;
}
export interface SmokeTestResult {
    passed: boolean;
    detail: string;
    seconds: number;
    /** The container's last output lines, kept when it failed. */
    log?: string;
}
/**
 * Runs the image on the engine and waits for it to prove it works: HEALTHCHECK healthy, the probe
 * command exiting 0, or (with neither) staying up. The container is removed whatever happens.
 */
export declare function runSmokeTest(options: SmokeTestOptions): Promise<SmokeTestResult>;
/** The check row for a smoke test; its log goes into a collapsible section when it failed. */
export declare function smokeTestCheck(result: SmokeTestResult, level?: CheckLevel): CheckResult;
