import type { ImageReport } from '../report.js';
/** GitHub's limit on one step's job summary: 1 MiB. */
export declare const SUMMARY_LIMIT_BYTES: number;
/** GitHub's limit on a comment body, in characters. */
export declare const COMMENT_LIMIT_CHARACTERS = 65536;
/**
 * The job summary for one or more images: headline, checks, layer table, chart, and the details in
 * collapsible sections. Always under 1 MiB: sections are shortened or left out, with a note, to fit.
 */
export declare function renderSummaryMarkdown(reports: ImageReport | readonly ImageReport[]): string;
/** The hidden line that identifies an image's sticky comment on a pull request. */
export declare function reportCommentMarker(image: string): string;
/**
 * One image's pull request comment: the summary condensed (changed layers, failing checks first), under
 * 65,536 characters with a note when cut, starting with the marker line the sticky comment is found by.
 */
export declare function renderPullRequestComment(report: ImageReport): string;
