import type { ImageReport } from './model.js';
export declare function formatBytes(bytes: number): string;
/** The job summary / report file: markdown tables, every size labelled with what it measures. */
export declare function renderReportMarkdown(report: ImageReport): string;
