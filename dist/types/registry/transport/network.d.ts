import { RegistryError } from './errors.js';
/**
 * A request that got no usable answer: the host was not found, the connection was refused or reset,
 * TLS failed, the answer was too large or redirected too often. The message names the method, the URL
 * and the cause; `transient` says whether another try can help.
 */
export declare class NetworkError extends RegistryError {
    /** The cause's code: `ECONNREFUSED`, `ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `BODY_TOO_LARGE`, … */
    readonly code: string | undefined;
    readonly transient: boolean;
    /** The cause in words, without method and URL. */
    readonly detail: string;
    constructor(method: string, url: string, detail: string, options: {
        code?: string;
        transient: boolean;
    });
    /** The same failure, saying how many attempts were made before giving up. */
    afterAttempts(attempts: number): NetworkError;
}
/** What went wrong, in words, and whether retrying can help. */
export declare function describeNetworkFailure(error: unknown, timeoutMs?: number): {
    detail: string;
    code?: string;
    transient: boolean;
};
/** Network failures worth another try: resets, dropped sockets, timeouts, temporary DNS failures. */
export declare function isTransientNetworkError(error: unknown): boolean;
/** The error for a request that failed without an HTTP answer, naming method, URL and cause. */
export declare function networkError(method: string, url: string, error: unknown, timeoutMs?: number): NetworkError;
