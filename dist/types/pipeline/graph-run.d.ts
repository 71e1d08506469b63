import type { GraphPlan, GraphResult } from '../graph/index.js';
import { type ImageReport } from '../report/index.js';
import { GraphFailedError, type GraphDeps, type GraphRunResult, type RunGraphOptions } from './graph.js';
import type { ImageBuildInputs } from './inputs.js';
import { type ReportDeps } from './report.js';
/** A graph run that ended: every row, and the error when some images failed or were skipped. */
export interface SettledGraph {
    result: GraphRunResult;
    /** Set when an image failed (its descendants skipped): the others were still built and are reported. */
    failed?: GraphFailedError;
}
/**
 * `runGraph`, with a failed image as part of the result rather than an exception: the shells report
 * every image that was built before they fail the run. Any other error (bad input, an unreadable file)
 * still throws.
 */
export declare function runGraphSettled(options: RunGraphOptions, deps: GraphDeps): Promise<SettledGraph>;
export interface GraphReport {
    /** Each image's own report, by name, in the graph's order (an image that never ran has none). */
    reports: Map<string, ImageReport>;
    /** The graph's table (renderGraphTable with the reports' sizes). */
    table: string;
    /** The table under a title, then every image's report: the job summary and the report file. */
    markdown: string;
}
export interface GraphReportOptions {
    /** What the title calls the images file (as the user gave it). */
    file: string;
    /**
     * How many images are read for their reports at once (default 6): each is mostly registry reads,
     * two for a reused image (its config and its stored analysis), so a no-op run waits on latency.
     */
    concurrency?: number;
}
/**
 * The graph's report: a report per image that ran (read a few at a time: each is registry requests
 * and layer streams, independent of the others), the table, and the markdown of both. The shared
 * inputs decide what each report reads and checks; an image's Dockerfile is its own, so the reports
 * do not read the FROM lines of the run's.
 */
export declare function reportGraph(result: GraphRunResult, inputs: ImageBuildInputs, deps: ReportDeps, options: GraphReportOptions): Promise<GraphReport>;
/** The rows as JSON (the CLI's `--json`, the action's `graph` output): each image's own results stay out. */
export declare function graphJson(result: GraphResult, indent?: number): string;
/** A plan as one line per image, for a log or a terminal. */
export declare function renderPlanLines(plan: GraphPlan): string[];
