import { type RegistryClient } from '../registry/index.js';
import { type ImageReport } from '../report/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { ImageBuildInputs } from './inputs.js';
import type { ImageBuildResult } from './image-build-types.js';
export interface ReportDeps {
    runner: CommandRunner;
    logger: Logger;
    env: NodeJS.ProcessEnv;
    /** Where the build's context and Dockerfile paths are relative to (the FROM lines are read there). */
    cwd?: string;
    /** Registry clients by host (tests point them elsewhere); docker's credentials by default. */
    registryClient?: (registry: string) => RegistryClient;
    /**
     * Read the Dockerfile's FROM lines for the base-pinned check (default true). A graph's images each
     * have their own Dockerfile, which the shared inputs do not name: the graph passes false.
     */
    dockerfile?: boolean;
    /**
     * Read the file-level analysis stored next to a registry image instead of its layers, and store it
     * after reading the layers of an image this run built (tag `sha256-<hex>.analysis`). The graph's
     * images only: a single image's run makes no request for it.
     */
    storedAnalysis?: boolean;
}
/**
 * The report of a run, from wherever the image is cheapest to read (the registry after a push, the
 * engine, the OCI layout the build exported), compared with its baseline, with the build's steps and
 * time, the ECR scan, the smoke test and the checks. The image is built (and published) by now: a
 * part that cannot be read costs the report that part, with a notice, never the run.
 */
export declare function reportRun(result: ImageBuildResult, inputs: ImageBuildInputs, deps: ReportDeps): Promise<ImageReport>;
/** Said where the report shows the analysis, so no one takes it for a fresh reading of the layers. */
export declare function storedAnalysisNote(tag: string): string;
/** The report's outputs: sizes in bytes, efficiency 0–1, the JSON file's path and the markdown. */
export declare function reportOutputs(report: ImageReport, files: {
    json: string;
    markdown: string;
}): Record<string, string>;
/**
 * Writes the JSON report: into `dir` as image-build-report.json (the CLI), or into a directory of its
 * own under `tempRoot` (the action: RUNNER_TEMP, so two steps of a job never share a file).
 */
export declare function writeReportJson(report: ImageReport, where: {
    dir: string;
} | {
    tempRoot?: string;
}): Promise<string>;
/**
 * The checks that failed at level `fail`, as one message; undefined when none did. A run fails on them
 * last, so the message says what was done before (`published and reported`).
 */
export declare function failedChecksMessage(report: ImageReport, doneFirst?: string): string | undefined;
/** The report as markdown, read back with the credentials the run used (the graph's per-image report). */
export declare function renderRunReport(result: ImageBuildResult, inputs: ImageBuildInputs, deps: ReportDeps): Promise<string>;
