import { type IssueCommentsApi, type StickyCommentResult } from '../github/index.js';
import { type ImageReport } from '../report/index.js';
import type { Logger } from '../util/log.js';
export interface ReportCommentOptions {
    /** The `comment` input. */
    enabled: boolean;
    eventName: string;
    /** The event payload (the run context's). */
    payload: Record<string, unknown>;
    env: NodeJS.ProcessEnv;
    token: string;
    logger: Logger;
    /** The comments API (tests); octokit on GITHUB_API_URL by default. */
    api?: IssueCommentsApi;
}
/**
 * The report as one sticky comment per image on the run's pull request, found by its marker across
 * every page of comments and updated in place. Never fails the run: a token that may not write (a
 * fork's) gives a notice, anything else a warning; the job summary has the report either way.
 */
export declare function commentReport(reports: readonly ImageReport[], options: ReportCommentOptions): Promise<StickyCommentResult[]>;
