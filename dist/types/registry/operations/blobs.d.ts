import { type Session } from './session.js';
export declare function blobExists(session: Session, repository: string, digest: string): Promise<boolean>;
/** Cross-repository mount: true when the registry mounted the blob (201), false when it wants an upload (202). */
export declare function mountBlob(session: Session, repository: string, digest: string, fromRepository: string): Promise<boolean>;
/**
 * A blob's bytes (configs, small files), held in memory: at most `maxBytes` (8 MiB, for configs), and
 * checked against its digest. Redirects to storage are followed, without our credentials.
 */
export declare function getBlob(session: Session, repository: string, digest: string, maxBytes?: number): Promise<Uint8Array>;
