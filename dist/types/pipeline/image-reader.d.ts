import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { ImageReader } from './report.js';
/**
 * Reads a published image back from its registry with docker's credentials. For an index, the first
 * real platform's manifest is reported (attestation manifests are `unknown/unknown`).
 */
export declare function registryImageReader(options: {
    runner: CommandRunner;
    logger: Logger;
    env: NodeJS.ProcessEnv;
}): ImageReader;
