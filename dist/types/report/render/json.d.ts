import type { ImageReport } from '../report.js';
export declare const REPORT_SCHEMA_VERSION = 1;
/** The JSON report file: one document for every image of the run; schema in docs/report.schema.json. */
export interface ReportDocument {
    schemaVersion: typeof REPORT_SCHEMA_VERSION;
    generator: 'image-build';
    images: ImageReport[];
}
export declare function reportDocument(reports: ImageReport | readonly ImageReport[]): ReportDocument;
export declare function renderReportJson(reports: ImageReport | readonly ImageReport[]): string;
