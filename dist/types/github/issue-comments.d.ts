import { type Octokit, type OctokitOptions } from './octokit.js';
/** A pull request (every pull request is an issue to the comments API). */
export interface IssueRef {
    owner: string;
    repo: string;
    issueNumber: number;
}
/** The fields of an issue comment the sticky comment reads. */
export interface IssueComment {
    id: number;
    body: string;
    /** null for a deleted account ("ghost"). */
    user: {
        login: string;
        type: string;
    } | null;
    /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
    authorAssociation?: string;
    htmlUrl: string;
}
/**
 * The three issue-comment endpoints the sticky comment needs. Failures are thrown as errors with
 * the HTTP `status` (octokit's RequestError; 500 for a network error or a timeout).
 */
export interface IssueCommentsApi {
    /** The issue's comments a page at a time, oldest first, following GitHub's pagination. */
    listCommentPages(issue: IssueRef): AsyncIterable<IssueComment[]>;
    createComment(issue: IssueRef, body: string): Promise<IssueComment>;
    updateComment(issue: IssueRef, commentId: number, body: string): Promise<IssueComment>;
}
/**
 * IssueCommentsApi over an octokit from @actions/github's getOctokit: issues.listComments through
 * octokit's paginator (it follows the `Link: rel="next"` URLs), issues.createComment,
 * issues.updateComment.
 */
export declare function issueCommentsFromOctokit(octokit: Octokit): IssueCommentsApi;
/** Default per-request timeout for the comment endpoints. */
export declare const COMMENT_REQUEST_TIMEOUT_MS = 30000;
/** IssueCommentsApi with its own octokit (built on first use), each request bounded in time. */
export declare function githubIssueComments(options: OctokitOptions): IssueCommentsApi;
