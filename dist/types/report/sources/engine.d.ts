import type { CommandRunner } from '../../util/exec.js';
import type { ImageFromSource, ReadImageOptions } from './oci-layout.js';
export interface EngineImageOptions extends ReadImageOptions {
    runner: CommandRunner;
    /** The docker client (default `docker`). */
    docker?: string;
    env?: NodeJS.ProcessEnv;
    /** Where the temporary tarball goes (default the system's temp directory); it is removed after. */
    tmpDir?: string;
}
/**
 * An image in the engine (after `load`, or built by the classic builder): `docker save` to a temporary
 * file, read in place, then removed. For a pull request build that was never pushed.
 */
export declare function readEngineImage(reference: string, options: EngineImageOptions): Promise<ImageFromSource>;
