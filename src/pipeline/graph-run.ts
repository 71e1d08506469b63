import type { GraphPlan, GraphResult } from '../graph/index.js';
import { renderSummaryMarkdown, type ImageReport } from '../report/index.js';
import { inertLine } from '../util/log.js';
import { mapConcurrently } from '../util/concurrent.js';
import { renderGraphTable } from './graph-report.js';
import {
  GraphFailedError,
  runGraph,
  type GraphDeps,
  type GraphRunResult,
  type RunGraphOptions,
} from './graph.js';
import type { ImageBuildInputs } from './inputs.js';
import { reportRun, type ReportDeps } from './report.js';

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
export async function runGraphSettled(options: RunGraphOptions, deps: GraphDeps): Promise<SettledGraph> {
  try {
    return { result: await runGraph(options, deps) };
  } catch (error) {
    if (!(error instanceof GraphFailedError)) throw error;
    return { result: error.result, failed: error };
  }
}

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
export async function reportGraph(
  result: GraphRunResult,
  inputs: ImageBuildInputs,
  deps: ReportDeps,
  options: GraphReportOptions,
): Promise<GraphReport> {
  const ran = result.rows.flatMap((row) => {
    const image = result.images.get(row.name);
    return image ? [{ name: row.name, image }] : [];
  });
  const read = await mapConcurrently(ran, options.concurrency ?? 6, ({ image }) =>
    // The graph's images keep their file-level analysis in the registry (see stored-analysis.ts).
    reportRun(image, inputs, { ...deps, dockerfile: false, storedAnalysis: true }),
  );
  const reports = new Map(ran.map(({ name }, index) => [name, read[index]]));
  const table = renderGraphTable(result, reports);
  const markdown = [
    `## Images of ${options.file}`,
    '',
    table,
    ...[...reports.values()].map((report) => `\n${renderSummaryMarkdown(report)}`),
  ].join('\n');
  return { reports, table, markdown };
}

/** The rows as JSON (the CLI's `--json`, the action's `graph` output): each image's own results stay out. */
export function graphJson(result: GraphResult, indent?: number): string {
  const { ok, durationMs, rows } = result;
  return JSON.stringify({ ok, durationMs, rows }, null, indent);
}

/** A plan as one line per image, for a log or a terminal. */
export function renderPlanLines(plan: GraphPlan): string[] {
  return plan.images.map((image) => {
    const state =
      image.published === true
        ? `published ${image.digest ?? ''}`
        : image.published === false
          ? 'to build'
          : `unknown: ${image.reason ?? ''}`;
    return inertLine(`level ${image.level}  ${image.name}  ${state}`.trimEnd());
  });
}
