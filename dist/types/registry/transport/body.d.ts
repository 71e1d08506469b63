export interface BodyReadOptions {
    method: string;
    /** For messages, without credentials. */
    url: string;
    status: number;
    /** Most bytes a successful answer may have; past it the request fails. */
    maxBytes?: number;
}
/**
 * Reads a response body as a stream, stopping at a limit: a declared Content-Length over the limit
 * fails before anything is read, and a body that grows past it fails as soon as it does, so memory
 * stays at the limit whatever the server sends. Error bodies are only read for their first bytes (the
 * registry's error codes); redirects' bodies are dropped.
 */
export declare function readBody(body: ReadableStream<Uint8Array> | null, contentLength: string | null, options: BodyReadOptions): Promise<Uint8Array>;
