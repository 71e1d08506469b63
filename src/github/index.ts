export type { GitHubApiOptions, GitHubRepository } from './repository.js';
export { octokitRepository, repoInfoFromPayload } from './repository.js';
export type { Octokit, OctokitOptions } from './octokit.js';
export { createOctokit } from './octokit.js';
export type { IssueComment, IssueCommentsApi, IssueRef } from './issue-comments.js';
export {
  COMMENT_REQUEST_TIMEOUT_MS,
  githubIssueComments,
  issueCommentsFromOctokit,
} from './issue-comments.js';
export type { StickyComment, StickyCommentOptions, StickyCommentResult } from './sticky-comment.js';
export {
  CommentTooLongError,
  GITHUB_COMMENT_MAX_CHARS,
  isOwnComment,
  stickyCommentBody,
  upsertStickyComment,
  upsertStickyComments,
} from './sticky-comment.js';
export type { CommentTarget, CommentTargetInput } from './comment-target.js';
export { pullRequestCommentTarget } from './comment-target.js';
