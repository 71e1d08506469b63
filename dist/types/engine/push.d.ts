import type { CommandRunner } from '../util/exec.js';
/** What a docker client needs to push: which binary, in which environment. */
export interface DockerClient {
    runner: CommandRunner;
    /** The docker binary (`docker` on PATH by default). */
    docker?: string;
    env?: NodeJS.ProcessEnv;
    /** Lines as the push prints them (to the build log). */
    onOutput?: (chunk: string) => void;
}
export interface PushRetry {
    /** Attempts in all, the first included (default 4). */
    attempts?: number;
    /** First wait; doubled each time with jitter (default 1 s). */
    baseDelayMs?: number;
    /** Injected so tests do not wait. */
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    /** Told before each new attempt: why, and how long it waits. */
    onRetry?: (reason: string, delayMs: number, attempt: number) => void;
}
/** A push the registry or the network broke; the last lines of the client's output are kept. */
export declare class PushFailedError extends Error {
    readonly output: string;
    readonly transient: boolean;
    constructor(reference: string, exitCode: number, output: string, transient: boolean);
}
export declare function isTransientPushFailure(output: string): boolean;
/**
 * Runs `attempt` again while it fails transiently, with exponential backoff and jitter, bounded.
 * Pushing again is safe: a registry skips the blobs it already has and a manifest PUT is idempotent.
 * The builder's client hides the registry's Retry-After header, so the backoff cannot honour it;
 * our own registry client does.
 */
export declare function retryTransient<T extends {
    exitCode: number;
    output: string;
}>(attempt: () => Promise<T>, options?: PushRetry): Promise<T>;
/** The digest `docker push` reports: `1.0: digest: sha256:… size: 1234` (the tag's line when given). */
export declare function parsePushDigest(output: string, tag?: string): string | undefined;
/**
 * The one `docker push`: pushes `reference`, again on transient failures, and returns the digest the
 * registry stored. A failure is a PushFailedError carrying the client's last lines.
 */
export declare function dockerPush(client: DockerClient, reference: string, retry?: PushRetry): Promise<{
    digest: string;
}>;
/** `docker tag source target`; an error names both. */
export declare function dockerTag(client: DockerClient, source: string, target: string): Promise<void>;
