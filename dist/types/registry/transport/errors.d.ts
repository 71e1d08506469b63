/** One entry of the distribution error body: `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}`. */
export interface RegistryErrorDetail {
    code: string;
    message: string;
}
/**
 * A registry answered with an error status (or could not be reached). The message names the method,
 * the URL without any credentials, the status and the registry's own error codes.
 */
export declare class RegistryError extends Error {
    readonly status: number | undefined;
    readonly method: string;
    readonly url: string;
    readonly errors: RegistryErrorDetail[];
    constructor(method: string, url: string, status: number | undefined, errors: RegistryErrorDetail[], detail?: string);
    hasCode(code: string): boolean;
}
/** Reads the distribution error body; tolerant of HTML or empty bodies from proxies. */
export declare function parseErrorBody(body: Uint8Array): RegistryErrorDetail[];
/** Removes user:password@ from a URL before it goes into a message. */
export declare function redactUrl(url: string): string;
