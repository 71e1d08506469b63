import type { HttpClient } from './http.js';
export { isTransientNetworkError } from './network.js';
export interface RetryOptions {
    /** Attempts in total, the first included. */
    attempts?: number;
    /** First backoff; doubled each time, with jitter. */
    baseDelayMs?: number;
    /** No single wait (backoff or Retry-After) is longer than this. */
    maxDelayMs?: number;
    /** Injected so tests do not wait. */
    sleep?: (ms: number) => Promise<void>;
    /** Injected so tests get fixed jitter. */
    random?: () => number;
    /** Called before each retry: what failed and how long we wait. */
    onRetry?: (reason: string, delayMs: number, attempt: number) => void;
}
export declare const sleep: (ms: number) => Promise<void>;
/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | undefined, now?: number): number | undefined;
/**
 * Retries on 5xx, 408, 429 (honouring Retry-After) and transient network errors (resets, dropped
 * connections, timeouts), with exponential backoff and jitter, every wait at most `maxDelayMs`.
 * Permanent causes (host not found, connection refused, TLS, bodies over their limit) fail at once.
 * Every request the registry client makes is idempotent (GET, HEAD, PUT of content-addressed bytes,
 * mount), so a retry after a lost response is safe.
 */
export declare function withRetry(client: HttpClient, options?: RetryOptions): HttpClient;
