/** The tag a published image carries for the hash of its inputs. */
export declare const INPUTS_TAG_PREFIX = "inputs-";
/** Everything that decides what a build produces, as the graph sees it. */
export interface ImageInputs {
    /** The Dockerfile's text. */
    dockerfile: string;
    /** `hashContext(...).digest`: the context after the ignore file. */
    context: string;
    target?: string;
    platforms: readonly string[];
    /**
     * Every build arg the builder gets, by name: the file's, the run's, the automatic ones the Dockerfile
     * declares, and each parent as a digest-pinned reference. `null`: named but without a value.
     */
    buildArgs: Readonly<Record<string, string | null>>;
    /** External images the stages start from (as expanded) → their digest in the registry now. */
    bases: Readonly<Record<string, string>>;
    /** Other settings that change the image or what is published (provenance, sbom, labels, …). */
    options: Readonly<Record<string, string | readonly string[]>>;
}
/** sha256 hex of the canonical JSON of the inputs: key order and platform order do not matter. */
export declare function hashImageInputs(inputs: ImageInputs): string;
/** `inputs-<first 16 hex digits>`: 64 bits, a valid tag, short enough to read. */
export declare function inputsTag(hash: string): string;
