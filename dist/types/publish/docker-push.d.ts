import type { CommandRunner } from '../util/exec.js';
import type { PushPrimary } from './options.js';
export interface DockerPushOptions {
    runner: CommandRunner;
    /** The docker client binary; `docker` on PATH by default. */
    docker?: string;
    env?: NodeJS.ProcessEnv;
    /** The local image to push: tagged as each primary reference first when given. */
    sourceImage?: string;
}
/**
 * A `pushPrimary` that runs `docker push` (tagging the built image first when asked) and reads the
 * digest from its last line, `<tag>: digest: sha256:… size: N`.
 */
export declare function dockerPushPrimary(options: DockerPushOptions): PushPrimary;
