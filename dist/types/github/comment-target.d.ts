import type { IssueRef } from './issue-comments.js';
export interface CommentTargetInput {
    /** The action's `comment` input. */
    enabled: boolean;
    /** GITHUB_EVENT_NAME. */
    eventName: string;
    /** The event payload (GITHUB_EVENT_PATH). */
    payload: Record<string, unknown>;
    /** GITHUB_REPOSITORY: `owner/repo` of the base repository, where the pull request lives. */
    repository: string | undefined;
    token: string | undefined;
}
export type CommentTarget = {
    comment: true;
    issue: IssueRef;
    /**
     * The head branch is in another repository. On `pull_request` its GITHUB_TOKEN is read-only
     * (GitHub answers 403); on `pull_request_target` it can write.
     */
    fromFork: boolean;
} | {
    comment: false;
    reason: string;
};
/** Whether this run comments on a pull request, and where; `reason` says why not. */
export declare function pullRequestCommentTarget(input: CommentTargetInput): CommentTarget;
