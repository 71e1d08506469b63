import type { ImageReport } from '../report.js';

export const REPORT_SCHEMA_VERSION = 1;

/** The JSON report file: one document for every image of the run; schema in docs/report.schema.json. */
export interface ReportDocument {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generator: 'image-build';
  images: ImageReport[];
}

export function reportDocument(reports: ImageReport | readonly ImageReport[]): ReportDocument {
  const images = Array.isArray(reports) ? [...reports] : [reports as ImageReport];
  return { schemaVersion: REPORT_SCHEMA_VERSION, generator: 'image-build', images };
}

export function renderReportJson(reports: ImageReport | readonly ImageReport[]): string {
  return `${JSON.stringify(reportDocument(reports), null, 2)}\n`;
}
