import { type ImageConfigLike, type ImageReport, type ManifestLike } from '../report/index.js';
import type { ImageBuildResult } from './run.js';
/** Reads a published image's manifest and config (from the registry), for the size report. */
export type ImageReader = (image: string, digest: string) => Promise<{
    manifest: ManifestLike;
    config: ImageConfigLike;
}>;
/** Turns a run's results into the report model; sizes come from the registry when the image was pushed. */
export declare function reportFor(result: ImageBuildResult, readImage: ImageReader): Promise<ImageReport>;
