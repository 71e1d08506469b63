/** One image of a plan: what a workflow needs to fan the graph out over a matrix of runners. */
export interface GraphPlanEntry {
    name: string;
    /** 0 for images with no parent; every image of a level can build once the levels before it are done. */
    level: number;
    dependsOn: string[];
    /** The repositories it is published to (`registry/repository`); empty when it is only built locally. */
    images: string[];
    /** sha256 hex of its inputs; undefined when a parent must be built first (its digest is not known yet). */
    inputsHash?: string;
    /** `inputs-<hash16>`: the tag that marks an image published for these inputs. */
    inputsTag?: string;
    /** Whether every repository has the inputs tag; null when that could not be asked (see `reason`). */
    published: boolean | null;
    /** The published image's digest, when `published`. */
    digest?: string;
    /** Why `inputsHash` or `published` is unknown, or why it will build even though published. */
    reason?: string;
}
export interface GraphPlan {
    /** The images file, as given. */
    file: string;
    /** Every image, parents before children. */
    images: GraphPlanEntry[];
    /** Image names per level. */
    levels: string[][];
}
/**
 * - `built`: the builder ran and the image was published (or loaded) with its tags;
 * - `reused`: an image with the same inputs was already published: only its tags were written;
 * - `skipped`: not run, because a parent failed (`reason` names it);
 * - `failed`: this image's own run failed (`reason` is the error).
 */
export type GraphImageStatus = 'built' | 'reused' | 'skipped' | 'failed';
/** A row of the graph's report. */
export interface GraphImageRow {
    name: string;
    level: number;
    status: GraphImageStatus;
    reason?: string;
    /** The first repository (`registry/repository`), or the local name when nothing is published. */
    image?: string;
    digest?: string;
    /** Compressed size (config + layers) when the manifest is a single image; undefined for an index. */
    size?: number;
    inputsHash?: string;
    /** Each parent and the reference its child was given. */
    parents: {
        name: string;
        arg: string;
        reference: string;
    }[];
    /** Tags that point at the image after the run (the inputs tag included), in the first repository. */
    tags: string[];
    durationMs: number;
}
export interface GraphResult {
    /** False when any image failed or was skipped: the run as a whole failed. */
    ok: boolean;
    rows: GraphImageRow[];
    durationMs: number;
}
/** The compressed bytes a pull of a single-image manifest moves (config + layers); undefined for an index. */
export declare function manifestSize(bytes: Uint8Array, mediaType: string): number | undefined;
