import { type ImageConfigLike, type ImageReport, type ManifestLike } from '../report/index.js';
import type { Logger } from '../util/log.js';
import type { ImageBuildResult } from './run.js';
import type { CommandRunner } from '../util/exec.js';
/** Reads a published image's manifest and config (from the registry), for the size report. */
export type ImageReader = (image: string, digest: string) => Promise<{
    manifest: ManifestLike;
    config: ImageConfigLike;
}>;
/**
 * Turns a run's results into the report model; sizes come from the registry when the image was
 * pushed. The image is already published by then, so a failed read-back costs the report its sizes
 * (with a warning), never the run.
 */
export declare function reportFor(result: ImageBuildResult, readImage: ImageReader, logger: Logger): Promise<ImageReport>;
/** The report as markdown, read back with the credentials the run used (ECR's temporary config included). */
export declare function renderRunReport(result: ImageBuildResult, deps: {
    runner: CommandRunner;
    logger: Logger;
    env: NodeJS.ProcessEnv;
}): Promise<string>;
