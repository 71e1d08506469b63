/**
 * buildx flags newer than the oldest buildx we support, with the release that added each (the same
 * gates docker/build-push-action applies). Flags older than buildx 0.6 are always passed.
 */
export declare const BUILDX_FEATURES: {
    /** `--metadata-file`: the digest and config of what was built. */
    readonly metadataFile: {
        readonly flag: "--metadata-file";
        readonly since: "0.6.0";
    };
    /** `--build-context name=path`. */
    readonly buildContexts: {
        readonly flag: "--build-context";
        readonly since: "0.8.0";
    };
    /** `--provenance`, `--sbom`, `--attest`. */
    readonly attestations: {
        readonly flag: "--provenance/--sbom";
        readonly since: "0.10.0";
    };
    /** `--annotation [level:]key=value`. */
    readonly annotations: {
        readonly flag: "--annotation";
        readonly since: "0.12.0";
    };
};
export type BuildxFeature = keyof typeof BUILDX_FEATURES;
export declare function buildxSupports(version: string, feature: BuildxFeature): boolean;
/** The notice for a flag this buildx lacks: what was dropped, why, and what would bring it back. */
export declare function droppedFlagNotice(version: string, feature: BuildxFeature, what: string): string;
/**
 * One `key=value` field of an `--output` CSV, quoted when it holds a comma or a quote (buildx
 * splits the value with a CSV reader).
 */
export declare function outputField(field: string): string;
/**
 * metadata-action's leveled annotation (`manifest:key=value`, `index[linux/amd64]:key=value`, or a
 * plain `key=value`, which is manifest level) as the image exporter's attribute
 * (`annotation.key=value`, `annotation-index[linux/amd64].key=value`), the way annotations reach
 * an image on buildx older than 0.12.
 */
export declare function annotationOutputAttribute(annotation: string): {
    level: string;
    attribute: string;
};
