import type { CommandRunner } from '../util/exec.js';
/** buildx with a named builder instance. */
export interface BuildxBuilder {
    kind: 'buildx';
    /** The docker client that has the buildx plugin. */
    docker: string;
    version: string;
    /** Builder instance name and driver (docker, docker-container, kubernetes, remote). */
    name: string;
    driver: string;
    platforms: string[];
    /** The BuildKit version of the builder's first node (`0.11.6`); the engine's version on the docker driver. */
    buildkitVersion?: string;
    /** Whether the driver can export cache to gha/registry/local (the `docker` driver cannot). */
    canExportCache: boolean;
}
/** The engine's built-in BuildKit through `docker build` with DOCKER_BUILDKIT=1. */
export interface ClassicBuilder {
    kind: 'classic';
    docker: string;
    engineVersion: string;
    platforms: string[];
}
export type Builder = BuildxBuilder | ClassicBuilder;
/** No engine could be reached: the message says how to get one. */
export declare class BuilderUnavailableError extends Error {
    constructor(detail: string);
}
/** Parses `docker buildx version` (`github.com/docker/buildx v0.21.1 abc`) into `0.21.1`. */
export declare function parseBuildxVersion(output: string): string | undefined;
/** Parses `docker buildx inspect`: name, driver, BuildKit version and platforms of the first node. */
export declare function parseBuildxInspect(output: string): {
    name: string;
    driver: string;
    platforms: string[];
    buildkitVersion?: string;
};
export interface DetectBuilderOptions {
    /** Docker clients to try, in order; default: $IB_DOCKER, `docker`, `/usr/bin/docker`. */
    clients?: string[];
    /** The `builder` input: a buildx instance name. */
    builder?: string;
}
/**
 * Prefers buildx; falls back to the classic builder through a client that still speaks BuildKit
 * itself (clients from 23.0 on hand `docker build` to buildx and refuse without it).
 */
export declare function detectBuilder(runner: CommandRunner, env: NodeJS.ProcessEnv, options?: DetectBuilderOptions): Promise<Builder>;
/**
 * The engine builds the image and keeps it (the classic builder, buildx's docker driver): the image
 * is in the engine afterwards, and a push is a separate `docker push` of it.
 */
export declare function buildsIntoEngine(builder: Builder): boolean;
export interface RemoteBuilderOptions {
    /** The BuildKit daemon's address: `tcp://host:port`, `unix:///path`, … */
    endpoint: string;
    /** `--driver-opt` values (mTLS: `cacert=…`, `cert=…`, `key=…`, `servername=…`). */
    driverOpts?: readonly string[];
    /** Docker clients to try for buildx, as detectBuilder does. */
    clients?: string[];
}
/**
 * A buildx `remote` builder over a BuildKit daemon, for teams whose builds outgrow one runner: made
 * once under a name derived from the endpoint and its options (a later run, or the next image of a
 * graph, reuses it), and returned by name for detectBuilder and `--builder`.
 */
export declare function ensureRemoteBuilder(runner: CommandRunner, env: NodeJS.ProcessEnv, options: RemoteBuilderOptions): Promise<string>;
