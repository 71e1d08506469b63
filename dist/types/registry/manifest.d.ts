export declare const MEDIA_TYPES: {
    readonly dockerManifest: "application/vnd.docker.distribution.manifest.v2+json";
    readonly dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json";
    readonly ociManifest: "application/vnd.oci.image.manifest.v1+json";
    readonly ociIndex: "application/vnd.oci.image.index.v1+json";
};
/** Every manifest type we read and write; schema 1 is deprecated and refused by modern registries. */
export declare const MANIFEST_ACCEPT: string;
export declare function sha256Digest(bytes: Uint8Array): string;
export interface Descriptor {
    mediaType?: string;
    digest: string;
    size: number;
}
/** The blobs a single-image manifest references (config first); an index references manifests instead. */
export declare function manifestBlobs(bytes: Uint8Array): Descriptor[];
/** Child manifests of an index (image index or Docker manifest list). */
export declare function indexManifests(bytes: Uint8Array): Descriptor[];
export declare function isIndexMediaType(mediaType: string): boolean;
/** The media type of a manifest: the Content-Type the registry sent, else the `mediaType` field. */
export declare function detectMediaType(bytes: Uint8Array, contentType: string | undefined): string;
/** The config blob's digest of a single-image manifest (the image ID); undefined for an index. */
export declare function manifestConfigDigest(bytes: Uint8Array): string | undefined;
