import { type Env, type InputReader, type MetadataResult } from '../tags/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
/** The edges of the tags action: how it reads inputs and writes outputs (runner commands in production). */
export interface TagsActionIO {
    getInput: InputReader;
    setOutput(name: string, value: string): void;
    exportVariable(name: string, value: string): void;
    logger: Logger;
}
export interface TagsActionDeps {
    env: Env;
    runner: CommandRunner;
    now?: Date;
}
/**
 * The `tags/` action (drop-in docker/metadata-action): inputs → run context → repository data →
 * computeMetadata → outputs, bake files and DOCKER_METADATA_OUTPUT_* variables.
 */
export declare function runTagsAction(io: TagsActionIO, deps: TagsActionDeps): Promise<MetadataResult>;
