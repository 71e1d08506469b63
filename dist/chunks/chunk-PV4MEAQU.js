import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  renderPullRequestComment,
  reportCommentMarker
} from "./chunk-D24LKZC6.js";
import {
  githubIssueComments,
  pullRequestCommentTarget,
  upsertStickyComments
} from "./chunk-MUA3NJ56.js";

// src/pipeline/report-comment.ts
async function commentReport(reports, options) {
  let target = pullRequestCommentTarget({
    enabled: options.enabled,
    eventName: options.eventName,
    payload: options.payload,
    repository: options.env.GITHUB_REPOSITORY,
    token: options.token
  });
  if (!target.comment)
    return options.logger.debug(`No pull request comment: ${target.reason}`), [];
  try {
    let api = options.api ?? githubIssueComments({ token: options.token, apiUrl: options.env.GITHUB_API_URL });
    return await upsertStickyComments(
      api,
      target.issue,
      reports.map((report) => ({
        marker: reportCommentMarker(report.image),
        body: renderPullRequestComment(report),
        label: report.image
      })),
      { logger: options.logger }
    );
  } catch (error) {
    return options.logger.warning(`The pull request comment was not written: ${error.message}`), [];
  }
}

export {
  commentReport
};
