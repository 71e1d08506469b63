import { type Logger } from '../util/log.js';
import type { IssueComment, IssueCommentsApi, IssueRef } from './issue-comments.js';
/** GitHub refuses an issue comment longer than this (422 "Body is too long"). */
export declare const GITHUB_COMMENT_MAX_CHARS = 65536;
/** A comment kept once per pull request and rewritten on every run. */
export interface StickyComment {
    /**
     * The hidden HTML comment that tells this comment from every other on the pull request, one per
     * image, e.g. `<!-- image-build:report:registry/app -->`. It becomes the comment's first line.
     */
    marker: string;
    /** The markdown; the renderer condenses it below GITHUB_COMMENT_MAX_CHARS. */
    body: string;
    /** Names the comment in log lines (the image); default: the marker. */
    label?: string;
}
export type StickyCommentResult = {
    marker: string;
    status: 'created' | 'updated' | 'unchanged';
    commentId: number;
    url: string;
}
/** skipped: the token may not write to the pull request (a fork); failed: any other error. */
 | {
    marker: string;
    status: 'skipped' | 'failed';
    reason: string;
};
export interface StickyCommentOptions {
    logger?: Logger;
    /**
     * The login whose comments are ours (a personal access token's user). Default: a comment by a
     * bot (the GITHUB_TOKEN writes as github-actions[bot]) or by the repository's owner, a member or a
     * collaborator, so that nobody else can make us overwrite their comment by copying our marker.
     */
    author?: string;
    /** Tries for server errors (5xx, 429, network, timeouts); default 3. */
    attempts?: number;
    sleep?: (ms: number) => Promise<void>;
    /** Pages of 100 comments read before giving up; default 100 (10,000 comments). */
    maxPages?: number;
}
/** A body over GitHub's limit: a renderer bug, so it fails the run before any request. */
export declare class CommentTooLongError extends Error {
    readonly length: number;
    constructor(label: string, length: number);
}
/** The body as posted: the marker on the first line, added when the renderer did not put it there. */
export declare function stickyCommentBody(marker: string, body: string): string;
/**
 * Ours: the first line is the marker (a reply quoting us starts with `>`, and text further down
 * cannot pass for another image's comment) and the author is one we trust (see `author`).
 */
export declare function isOwnComment(comment: IssueComment, marker: string, author?: string): boolean;
/**
 * Writes one sticky comment per entry on a pull request: finds our comment by its marker across
 * every page of comments and updates it in place, or creates it. Bodies over GitHub's limit and
 * malformed markers throw before any request. Nothing else throws: a token that may not write
 * (pull requests from forks) gives a notice and `skipped`; server errors are retried (the comments
 * are looked up again first, so a comment GitHub stored before failing is updated, not doubled);
 * what still fails gives a warning and `failed`.
 */
export declare function upsertStickyComments(api: IssueCommentsApi, issue: IssueRef, comments: StickyComment[], options?: StickyCommentOptions): Promise<StickyCommentResult[]>;
/** upsertStickyComments for one comment. */
export declare function upsertStickyComment(api: IssueCommentsApi, issue: IssueRef, comment: StickyComment, options?: StickyCommentOptions): Promise<StickyCommentResult>;
