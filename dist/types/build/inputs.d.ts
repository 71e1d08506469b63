import { type ListItem } from '../util/input-list.js';
/** build-push-action's inputs (plus `cache`), parsed into lists and booleans but not yet validated. */
export interface BuildInputs {
    context: string;
    /** Path to the Dockerfile; empty means `<context>/Dockerfile`. */
    file: string;
    target: string;
    buildArgs: ListItem[];
    buildContexts: ListItem[];
    labels: ListItem[];
    annotations: ListItem[];
    tags: string[];
    platforms: string[];
    push: boolean;
    load: boolean;
    outputs: ListItem[];
    network: string;
    noCache: boolean;
    noCacheFilters: string[];
    pull: boolean;
    secrets: ListItem[];
    secretEnvs: ListItem[];
    secretFiles: ListItem[];
    ssh: ListItem[];
    addHosts: string[];
    shmSize: string;
    ulimits: ListItem[];
    provenance: string;
    sbom: string;
    builder: string;
    /** A BuildKit daemon to build on (`tcp://…`, `unix://…`): a buildx remote builder is made for it. */
    buildkitEndpoint: string;
    /** `--driver-opt` values for that builder (TLS: `cacert=…`, `cert=…`, `key=…`, `servername=…`). */
    buildkitDriverOpts: string[];
    /** Cache preset: auto (default), gha, registry, local, inline, none. */
    cache: string;
    cacheFrom: ListItem[];
    cacheTo: ListItem[];
}
/** The input names this module reads, exactly as action.yml and the CLI spell them. */
export declare const BUILD_INPUT_NAMES: readonly ["context", "file", "target", "build-args", "build-contexts", "labels", "annotations", "tags", "platforms", "push", "load", "outputs", "network", "no-cache", "no-cache-filters", "pull", "secrets", "secret-envs", "secret-files", "ssh", "add-hosts", "shm-size", "ulimit", "provenance", "sbom", "builder", "buildkit-endpoint", "buildkit-driver-opts", "cache", "cache-from", "cache-to"];
export type BuildInputName = (typeof BUILD_INPUT_NAMES)[number];
/**
 * Reads the build inputs through `getInput` (the action passes the runner's, the CLI its flags), so
 * both shells share one parser. Each list input is split as build-push-action splits it: the inputs
 * it reads with `ignoreComma` keep commas in a value (a build arg may hold one), the others are split
 * on commas too; a quoted value may span lines (a certificate in `build-args` or `secrets`).
 */
export declare function readBuildInputs(getInput: (name: BuildInputName) => string): BuildInputs;
/** Inputs with nothing set, for library callers that build the object themselves. */
export declare function defaultBuildInputs(overrides?: Partial<BuildInputs>): BuildInputs;
