export type { ImageReport, ReportInput, ReportLayer, ReportStep, ReportTag } from './model.js';
export { buildReport } from './model.js';
export { formatBytes, renderReportMarkdown } from './markdown.js';
export type { ImageConfigLike, ManifestLike } from './image.js';
export { layersWithHistory } from './image.js';
