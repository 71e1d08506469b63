import { silentLogger, type Logger } from '../util/log.js';
import type { IssueComment, IssueCommentsApi, IssueRef } from './issue-comments.js';

/** GitHub refuses an issue comment longer than this (422 "Body is too long"). */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;

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

export type StickyCommentResult =
  | { marker: string; status: 'created' | 'updated' | 'unchanged'; commentId: number; url: string }
  /** skipped: the token may not write to the pull request (a fork); failed: any other error. */
  | { marker: string; status: 'skipped' | 'failed'; reason: string };

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
export class CommentTooLongError extends Error {
  readonly length: number;

  constructor(label: string, length: number) {
    super(
      `the pull request comment for ${label} is ${length.toLocaleString('en-US')} characters; ` +
        `GitHub accepts at most ${GITHUB_COMMENT_MAX_CHARS.toLocaleString('en-US')} ` +
        '(the comment must be condensed before it is posted)',
    );
    this.name = 'CommentTooLongError';
    this.length = length;
  }
}

const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** One line, `<!--` … `-->`, with no `-->` inside: anything else would show or end early. */
function checkMarker(marker: string): string {
  if (!/^<!--(?:(?!-->)[^\r\n])+-->$/.test(marker)) {
    throw new Error(
      `sticky comment marker must be one HTML comment on one line, got ${JSON.stringify(marker)}`,
    );
  }
  return marker;
}

/** The body as posted: the marker on the first line, added when the renderer did not put it there. */
export function stickyCommentBody(marker: string, body: string): string {
  checkMarker(marker);
  return firstLine(body) === marker ? body : `${marker}\n${body}`;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).trim();
}

/**
 * Ours: the first line is the marker (a reply quoting us starts with `>`, and text further down
 * cannot pass for another image's comment) and the author is one we trust (see `author`).
 */
export function isOwnComment(comment: IssueComment, marker: string, author?: string): boolean {
  if (firstLine(comment.body) !== marker || !comment.user) return false;
  if (author !== undefined) return comment.user.login === author;
  return comment.user.type === 'Bot' || TRUSTED_ASSOCIATIONS.has(comment.authorAssociation ?? '');
}

interface Scan {
  /** marker → the oldest comment of ours that carries it. */
  found: Map<string, IssueComment>;
  /** False when maxPages ran out first: a marker not found may still be further on. */
  complete: boolean;
}

async function findOwnComments(
  api: IssueCommentsApi,
  issue: IssueRef,
  markers: string[],
  author: string | undefined,
  maxPages: number,
): Promise<Scan> {
  const found = new Map<string, IssueComment>();
  let pages = 0;
  for await (const page of api.listCommentPages(issue)) {
    for (const comment of page) {
      const marker = markers.find((m) => !found.has(m) && isOwnComment(comment, m, author));
      if (marker) found.set(marker, comment);
    }
    if (found.size === markers.length) return { found, complete: true };
    if (++pages >= maxPages) return { found, complete: false };
  }
  return { found, complete: true };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** GitHub's answer to a token without write access: a fork's GITHUB_TOKEN, or a narrow PAT. */
function isPermissionDenied(error: unknown): boolean {
  return statusOf(error) === 403 && /Resource not accessible by/i.test(messageOf(error));
}

/** Worth another try: server errors, rate limiting, and octokit's 500 for network errors and timeouts. */
function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && (status >= 500 || status === 429);
}

interface Prepared {
  marker: string;
  label: string;
  body: string;
}

async function write(
  api: IssueCommentsApi,
  issue: IssueRef,
  comment: Prepared,
  existing: IssueComment | undefined,
  logger: Logger,
): Promise<StickyCommentResult> {
  if (existing && existing.body === comment.body) {
    logger.info(`The pull request comment for ${comment.label} is up to date: ${existing.htmlUrl}`);
    return { marker: comment.marker, status: 'unchanged', commentId: existing.id, url: existing.htmlUrl };
  }
  if (existing) {
    const updated = await api.updateComment(issue, existing.id, comment.body);
    logger.info(`Updated the pull request comment for ${comment.label}: ${updated.htmlUrl}`);
    return { marker: comment.marker, status: 'updated', commentId: updated.id, url: updated.htmlUrl };
  }
  const created = await api.createComment(issue, comment.body);
  logger.info(`Commented on pull request #${issue.issueNumber} for ${comment.label}: ${created.htmlUrl}`);
  return { marker: comment.marker, status: 'created', commentId: created.id, url: created.htmlUrl };
}

/**
 * Writes one sticky comment per entry on a pull request: finds our comment by its marker across
 * every page of comments and updates it in place, or creates it. Bodies over GitHub's limit and
 * malformed markers throw before any request. Nothing else throws: a token that may not write
 * (pull requests from forks) gives a notice and `skipped`; server errors are retried (the comments
 * are looked up again first, so a comment GitHub stored before failing is updated, not doubled);
 * what still fails gives a warning and `failed`.
 */
export async function upsertStickyComments(
  api: IssueCommentsApi,
  issue: IssueRef,
  comments: StickyComment[],
  options: StickyCommentOptions = {},
): Promise<StickyCommentResult[]> {
  const logger = options.logger ?? silentLogger;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = Math.max(1, options.attempts ?? 3);
  const maxPages = Math.max(1, options.maxPages ?? 100);

  const prepared: Prepared[] = comments.map((c) => ({
    marker: c.marker,
    label: c.label ?? c.marker,
    body: stickyCommentBody(c.marker, c.body),
  }));
  const markers = prepared.map((p) => p.marker);
  const repeated = markers.find((m, i) => markers.indexOf(m) !== i);
  if (repeated) throw new Error(`two sticky comments share the marker ${repeated}`);
  for (const p of prepared) {
    if (p.body.length > GITHUB_COMMENT_MAX_CHARS) throw new CommentTooLongError(p.label, p.body.length);
  }

  const results = new Map<string, StickyCommentResult>();
  const settle = (status: 'skipped' | 'failed', reason: string) => {
    for (const p of prepared)
      if (!results.has(p.marker)) results.set(p.marker, { marker: p.marker, status, reason });
  };
  for (let attempt = 1; ; attempt++) {
    const pending = prepared.filter((p) => !results.has(p.marker));
    if (pending.length === 0) break;
    try {
      const scan = await findOwnComments(
        api,
        issue,
        pending.map((p) => p.marker),
        options.author,
        maxPages,
      );
      for (const p of pending) {
        const existing = scan.found.get(p.marker);
        if (!existing && !scan.complete) {
          const reason = `not found in the first ${maxPages} pages of comments; not creating a second one`;
          logger.warning(`Skipped the pull request comment for ${p.label}: ${reason}`);
          results.set(p.marker, { marker: p.marker, status: 'failed', reason });
          continue;
        }
        results.set(p.marker, await write(api, issue, p, existing, logger));
      }
    } catch (error) {
      const reason = `GitHub answered ${statusOf(error) ?? 'with an error'}: ${messageOf(error)}`;
      if (isPermissionDenied(error)) {
        logger.notice(
          `Skipped the pull request comment on #${issue.issueNumber}: the token may not write to it (${reason}). ` +
            'Pull requests from forks get a read-only GITHUB_TOKEN; elsewhere grant `permissions: pull-requests: write`. ' +
            'The job summary has the report.',
        );
        settle('skipped', reason);
        break;
      }
      if (isRetryable(error) && attempt < attempts) {
        logger.debug(`Pull request comment, try ${attempt} of ${attempts}: ${reason}; trying again`);
        await sleep(1000 * 3 ** (attempt - 1));
        continue;
      }
      logger.warning(`Could not write the pull request comment on #${issue.issueNumber} (${reason}).`);
      settle('failed', reason);
      break;
    }
  }
  return prepared.map((p) => results.get(p.marker)!);
}

/** upsertStickyComments for one comment. */
export async function upsertStickyComment(
  api: IssueCommentsApi,
  issue: IssueRef,
  comment: StickyComment,
  options: StickyCommentOptions = {},
): Promise<StickyCommentResult> {
  const [result] = await upsertStickyComments(api, issue, [comment], options);
  return result;
}
