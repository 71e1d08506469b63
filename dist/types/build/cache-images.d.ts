import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { BuildImageOutcome } from './build-image.js';
/**
 * The engine's builders' registry cache (the classic builder, buildx's docker driver): the inline-cache
 * images (one per other stage, and the final stage's when the build is reproducible) are pushed after
 * the image, so the next run on any engine can import them. The image itself is published by then: a
 * cache image that could not be written only makes the next build slower, so it is a warning.
 */
export declare function pushCacheImages(build: BuildImageOutcome, deps: {
    runner: CommandRunner;
    logger: Logger;
    env: NodeJS.ProcessEnv;
}): Promise<void>;
