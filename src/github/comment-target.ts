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

export type CommentTarget =
  | {
      comment: true;
      issue: IssueRef;
      /**
       * The head branch is in another repository. On `pull_request` its GITHUB_TOKEN is read-only
       * (GitHub answers 403); on `pull_request_target` it can write.
       */
      fromFork: boolean;
    }
  | { comment: false; reason: string };

/** The events whose payload is a pull request and whose run can comment on it. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

interface PullRequestPayload {
  number?: unknown;
  head?: { repo?: { full_name?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

/** Whether this run comments on a pull request, and where; `reason` says why not. */
export function pullRequestCommentTarget(input: CommentTargetInput): CommentTarget {
  if (!input.enabled) return { comment: false, reason: 'pull request comments are turned off' };
  if (!PULL_REQUEST_EVENTS.has(input.eventName)) {
    return { comment: false, reason: `the event is ${input.eventName || 'unknown'}, not a pull request` };
  }
  const pull = (input.payload.pull_request ?? undefined) as PullRequestPayload | undefined;
  const number = pull?.number ?? input.payload.number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    return { comment: false, reason: `the ${input.eventName} event payload has no pull request number` };
  }
  if (!input.token) return { comment: false, reason: 'no GitHub token' };
  const [owner, repo, ...rest] = (input.repository ?? '').split('/');
  if (!owner || !repo || rest.length > 0) {
    return {
      comment: false,
      reason: `GITHUB_REPOSITORY is ${input.repository ? `"${input.repository}"` : 'not set'}, not owner/repo`,
    };
  }
  const head = pull?.head?.repo?.full_name;
  const base = pull?.base?.repo?.full_name ?? input.repository;
  // A deleted fork leaves head.repo null: still not this repository.
  const fromFork = pull?.head !== undefined && head !== base;
  return { comment: true, issue: { owner, repo, issueNumber: number }, fromFork };
}
