/**
 * Image references, parsed the way Docker and distribution/reference do: a name with an optional
 * registry host (a first component with a `.` or `:`, or `localhost`), Docker Hub by default with
 * `library/` for single-component names, then an optional `:tag` and an optional `@digest`.
 */
export declare const DOCKER_HUB = "docker.io";
export interface ImageReference {
    /** Registry host as written (with port), `docker.io` for Docker Hub. */
    registry: string;
    /** Repository path inside the registry, e.g. `library/alpine`. */
    repository: string;
    tag?: string;
    digest?: string;
}
/** A reference that cannot be parsed; `reference` is the text given, `detail` says what is wrong. */
export declare class InvalidReferenceError extends Error {
    readonly reference: string;
    constructor(reference: string, detail: string);
}
export declare function parseReference(text: string): ImageReference;
/** The canonical text of a reference: `registry/repository[:tag][@digest]`. */
export declare function formatReference(ref: ImageReference): string;
/** The repository without tag or digest, e.g. `127.0.0.1:5000/app`. */
export declare function repositoryName(ref: Pick<ImageReference, 'registry' | 'repository'>): string;
/**
 * The name of an image reference as the user wrote it, without its tag and digest (`r/app:1` →
 * `r/app`, no `docker.io/` added): for names derived from it, such as a cache ref beside it.
 */
export declare function nameAsWritten(text: string): string;
/** Tag or digest to address the manifest by: the digest wins when both are given. */
export declare function manifestReference(ref: ImageReference): string | undefined;
export declare function isValidTag(tag: string): boolean;
export declare function isDigest(text: string): boolean;
/** Host the HTTP API lives on: Docker Hub's names map to its API host. */
export declare function registryApiHost(registry: string): string;
/** Loopback registries speak plain HTTP (as Docker assumes); every other registry is HTTPS. */
export declare function registryBaseUrl(registry: string): string;
