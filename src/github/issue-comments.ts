import { createOctokit, type Octokit, type OctokitOptions } from './octokit.js';

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
  user: { login: string; type: string } | null;
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

/** GitHub's largest page; fewer requests on a long pull request. */
const PER_PAGE = 100;

interface RestComment {
  id: number | bigint;
  body?: string;
  user: { login: string; type: string } | null;
  author_association?: string;
  html_url: string;
}

function toIssueComment(data: RestComment): IssueComment {
  return {
    id: Number(data.id),
    body: data.body ?? '',
    user: data.user ? { login: data.user.login, type: data.user.type } : null,
    authorAssociation: data.author_association,
    htmlUrl: data.html_url,
  };
}

/**
 * IssueCommentsApi over an octokit from @actions/github's getOctokit: issues.listComments through
 * octokit's paginator (it follows the `Link: rel="next"` URLs), issues.createComment,
 * issues.updateComment.
 */
export function issueCommentsFromOctokit(octokit: Octokit): IssueCommentsApi {
  return commentsApi(async () => octokit);
}

function commentsApi(octokit: () => Promise<Octokit>): IssueCommentsApi {
  return {
    async *listCommentPages(issue) {
      const client = await octokit();
      const pages = client.paginate.iterator(client.rest.issues.listComments, {
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        per_page: PER_PAGE,
      });
      for await (const page of pages) yield page.data.map(toIssueComment);
    },
    async createComment(issue, body) {
      const { data } = await (
        await octokit()
      ).rest.issues.createComment({
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        body,
      });
      return toIssueComment(data);
    },
    async updateComment(issue, commentId, body) {
      const { data } = await (
        await octokit()
      ).rest.issues.updateComment({
        owner: issue.owner,
        repo: issue.repo,
        comment_id: commentId,
        body,
      });
      return toIssueComment(data);
    },
  };
}

/** Default per-request timeout for the comment endpoints. */
export const COMMENT_REQUEST_TIMEOUT_MS = 30_000;

/** IssueCommentsApi with its own octokit (built on first use), each request bounded in time. */
export function githubIssueComments(options: OctokitOptions): IssueCommentsApi {
  let octokit: Promise<Octokit> | undefined;
  return commentsApi(
    () => (octokit ??= createOctokit({ requestTimeoutMs: COMMENT_REQUEST_TIMEOUT_MS, ...options })),
  );
}
