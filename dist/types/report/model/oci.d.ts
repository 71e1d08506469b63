/**
 * The parts of OCI / Docker v2 documents the report reads. Registries, `docker save` and OCI layouts
 * all hand over these shapes; fields are optional where real images omit them.
 */
export interface DescriptorLike {
    mediaType?: string;
    digest: string;
    size: number;
    annotations?: Record<string, string>;
    platform?: PlatformLike;
}
export interface PlatformLike {
    os?: string;
    architecture?: string;
    variant?: string;
}
export interface ManifestLike {
    mediaType?: string;
    config: {
        size: number;
        digest: string;
        mediaType?: string;
    };
    layers: DescriptorLike[];
    annotations?: Record<string, string>;
}
export interface IndexLike {
    mediaType?: string;
    manifests: DescriptorLike[];
    annotations?: Record<string, string>;
}
export interface HistoryEntryLike {
    created?: string;
    created_by?: string;
    comment?: string;
    empty_layer?: boolean;
}
export interface ImageConfigLike {
    created?: string;
    architecture?: string;
    os?: string;
    variant?: string;
    config?: {
        User?: string;
        Healthcheck?: {
            Test?: string[];
        };
        Labels?: Record<string, string> | null;
    };
    rootfs?: {
        type?: string;
        diff_ids?: string[];
    };
    history?: HistoryEntryLike[];
}
export declare const BASE_NAME_ANNOTATION = "org.opencontainers.image.base.name";
export declare const BASE_DIGEST_ANNOTATION = "org.opencontainers.image.base.digest";
export declare function platformText(platform: PlatformLike | undefined): string | undefined;
export declare function isIndex(document: ManifestLike | IndexLike): document is IndexLike;
