import type { IncomingMessage } from 'node:http';
export interface BodyReadOptions {
    method: string;
    /** For messages, without credentials. */
    url: string;
    status: number;
    /** Most bytes a successful answer may have; past it the request fails. */
    maxBytes?: number;
}
/** A connection that ended before the answer was complete: worth another try. */
export declare function prematureClose(): Error;
/**
 * Reads a response body, stopping at a limit: a declared Content-Length over the limit fails before
 * anything is read, and a body that grows past it fails as soon as it does, so memory stays at the
 * limit whatever the server sends. Error bodies are only read for their first bytes (the registry's
 * error codes); redirects' bodies are dropped. The caller destroys the answer when this fails or stops
 * early.
 */
export declare function readBody(body: IncomingMessage | null, options: BodyReadOptions): Promise<Uint8Array>;
