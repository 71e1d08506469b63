import { Readable } from 'node:stream';
import { type Session } from './session.js';
export declare function blobExists(session: Session, repository: string, digest: string): Promise<boolean>;
/** Cross-repository mount: true when the registry mounted the blob (201), false when it wants an upload (202). */
export declare function mountBlob(session: Session, repository: string, digest: string, fromRepository: string): Promise<boolean>;
/**
 * A blob's bytes (configs, small files), held in memory: at most `maxBytes` (8 MiB, for configs), and
 * checked against its digest. Redirects to storage are followed, without our credentials.
 */
export declare function getBlob(session: Session, repository: string, digest: string, maxBytes?: number): Promise<Uint8Array>;
export interface OpenBlobOptions {
    /** The blob's size from its descriptor: a declared length that differs, or more bytes, fail at once. */
    expectedBytes?: number;
}
/**
 * A blob as a stream, for layers of any size: no body limit applies, and nothing is held in memory.
 * The bytes are hashed as they pass; when the registry has sent them all, a digest (or size) that does
 * not match fails the stream, so a reader learns of corrupt bytes before it finishes. A reader that
 * stops early destroys the stream, which closes the connection.
 */
export declare function openBlob(session: Session, repository: string, digest: string, options?: OpenBlobOptions): Promise<Readable>;
/**
 * Uploads a small blob held in memory (an artifact's JSON, never a layer): POST opens an upload, one
 * PUT to its Location with `?digest=` completes it. The Location may be relative or absolute; an
 * absolute one on another origin is refused, because the PUT would carry this registry's credentials
 * there. At most `BODY_LIMITS.uploadBlob` bytes. Returns the digest the registry stored.
 */
export declare function uploadBlob(session: Session, repository: string, bytes: Uint8Array): Promise<string>;
