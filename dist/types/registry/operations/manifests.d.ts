import type { ManifestBytes } from '../tag-writer.js';
import { type Session } from './session.js';
export interface ManifestHead {
    digest: string;
    mediaType: string;
    size: number;
}
export interface PutManifestResult {
    /** The digest the registry stored, from Docker-Content-Digest (or computed from the bytes). */
    digest: string;
    /** Tags the registry confirmed through `OCI-Tag`, when the PUT carried `?tag=` parameters. */
    ociTags?: string[];
}
/**
 * GET by tag or digest, keeping the exact bytes, at most 4 MiB. The bytes must match the digest asked
 * for, and the registry's Docker-Content-Digest when it sends one: a registry that serves other bytes
 * than it names is an error, not a manifest.
 */
export declare function getManifest(session: Session, repository: string, reference: string): Promise<ManifestBytes>;
/** HEAD by tag or digest; undefined when it does not exist. */
export declare function headManifest(session: Session, repository: string, reference: string): Promise<ManifestHead | undefined>;
/**
 * PUT the exact bytes under a tag or digest, optionally with `?tag=` parameters. The registry's answer
 * must name the same digest: that is the check that the tag now points at this manifest.
 */
export declare function putManifest(session: Session, repository: string, reference: string, manifest: ManifestBytes, tags?: readonly string[]): Promise<PutManifestResult>;
