import { type RegistryClient } from '../registry/index.js';
import type { ManifestBytes } from '../registry/index.js';
import { type BaseImageHint, type ContentAnalysis, type ImageModel } from '../report/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
/** What the report reads, from any source. */
export interface ImageRead {
    model: ImageModel;
    contents?: ContentAnalysis;
    /** Why the file-level analysis was left out, or anything else the reader should know. */
    notices: string[];
    /** The tag of the stored analysis `contents` was read from, instead of the layers. */
    contentsStoredAt?: string;
}
export interface ReadOptions {
    /** The name the report gives the image (`registry/repository`). */
    image: string;
    /** `linux/arm64`: the platform of a multi-platform image to report on (default: the first). */
    platform?: string;
    /** Read the layers' files. */
    contents: boolean;
    /** Layer bytes above which the file-level analysis is skipped with a notice. */
    contentsLimitBytes: number;
    /** The base image as the Dockerfile names it, with its layers: the report splits base and own. */
    base?: BaseImageHint;
    /** Read every platform's manifest of an index for its size (default true; not for a base or baseline). */
    platformSizes?: boolean;
    /**
     * A registry image's analysis stored next to it (a graph's images): read it instead of the layers
     * when there is one to trust, and with `write`, store the analysis read from the layers. Off for a
     * single image, whose run must not gain requests.
     */
    storedAnalysis?: {
        write: boolean;
        logger: Logger;
    };
}
/** A registry client per registry host, with docker's credentials (ECR's temporary config included). */
export declare function registryClients(options: {
    runner: CommandRunner;
    logger: Logger;
    env: NodeJS.ProcessEnv;
}): (registry: string) => RegistryClient;
/**
 * An image in a registry, without pulling: its manifest (the bytes the publish already holds, or one
 * GET), through the index to the platform reported on (and each other platform's manifest, for its
 * size), the config, and for the file-level analysis each layer streamed and checked against its
 * digest, one at a time.
 */
export declare function readRegistryImage(client: RegistryClient, target: {
    image: string;
    repository: string;
    reference: string;
    manifest?: ManifestBytes;
}, options: ReadOptions): Promise<ImageRead>;
/** An image by reference in its registry: `registry/repo:tag` or `…@sha256:…`. */
export declare function readRegistryReference(clientFor: (registry: string) => RegistryClient, reference: string, options: Omit<ReadOptions, 'image'>): Promise<ImageRead>;
/** The engine's image (classic builder, docker driver, `load`): `docker save` to a temporary file. */
export declare function readEngineSource(reference: string, engine: {
    runner: CommandRunner;
    docker: string;
    env: NodeJS.ProcessEnv;
    tmpDir?: string;
}, options: ReadOptions): Promise<ImageRead>;
/** A path on disk: an OCI layout directory or a `docker save` tarball (the CLI's report). */
export declare function readLocalImage(path: string, options: ReadOptions): Promise<ImageRead>;
