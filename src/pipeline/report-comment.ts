import {
  githubIssueComments,
  pullRequestCommentTarget,
  upsertStickyComments,
  type IssueCommentsApi,
  type StickyCommentResult,
} from '../github/index.js';
import { renderPullRequestComment, reportCommentMarker, type ImageReport } from '../report/index.js';
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
export async function commentReport(
  reports: readonly ImageReport[],
  options: ReportCommentOptions,
): Promise<StickyCommentResult[]> {
  const target = pullRequestCommentTarget({
    enabled: options.enabled,
    eventName: options.eventName,
    payload: options.payload,
    repository: options.env.GITHUB_REPOSITORY,
    token: options.token,
  });
  if (!target.comment) {
    options.logger.debug(`No pull request comment: ${target.reason}`);
    return [];
  }
  try {
    const api =
      options.api ?? githubIssueComments({ token: options.token, apiUrl: options.env.GITHUB_API_URL });
    return await upsertStickyComments(
      api,
      target.issue,
      reports.map((report) => ({
        marker: reportCommentMarker(report.image),
        body: renderPullRequestComment(report),
        label: report.image,
      })),
      { logger: options.logger },
    );
  } catch (error) {
    options.logger.warning(`The pull request comment was not written: ${(error as Error).message}`);
    return [];
  }
}
