import type { BaseImageModel } from './types.js';
/** What is known about the base image: annotations name it, its config's diff_ids count its layers. */
export interface BaseImageHint {
    name?: string;
    digest?: string;
    /** `rootfs.diff_ids` of the base image's config: the image starts with exactly these layers. */
    diffIds?: readonly string[];
    /** The base's layer count, when known without its config (from its manifest). */
    layerCount?: number;
}
/** The base image named by `org.opencontainers.image.base.*` annotations (BuildKit writes them). */
export declare function baseFromAnnotations(...sources: (Record<string, string> | undefined)[]): Pick<BaseImageHint, 'name' | 'digest'> | undefined;
/**
 * How many bottom layers are the base image's. A diff_id prefix is proof; a layer count from the base's
 * manifest is trusted as given. Annotations alone name the base but cannot say where it ends.
 */
export declare function resolveBase(hint: BaseImageHint | undefined, diffIds: readonly string[]): BaseImageModel | undefined;
