import type { Builder } from '../engine/builder.js';
import { type DockerfileInfo } from './dockerfile.js';
import type { BuildInputs } from './inputs.js';
import type { ListItem } from '../util/input-list.js';
/** The files validation reads; swapped in tests that need no disk. */
export interface BuildFiles {
    isDirectory(path: string): boolean;
    isFile(path: string): boolean;
    readText(path: string): string;
}
export declare const diskFiles: BuildFiles;
/** Inputs checked against the disk, the Dockerfile and the builder: safe to plan and run. */
export interface ValidatedBuild {
    inputs: BuildInputs;
    /** Absolute path of the Dockerfile. */
    dockerfilePath: string;
    dockerfile: DockerfileInfo;
}
/** `KEY=value` → [KEY, value]; a bad line is an InputError naming the input and line. */
export declare function splitKeyValue(item: ListItem, input: string, what: string, valueRequired?: boolean): [string, string];
/** Every input check that needs no build: run it before anything is built or pushed. */
export declare function validateBuild(inputs: BuildInputs, builder: Builder, files?: BuildFiles, cwd?: string): ValidatedBuild;
