import { describe, expect, it } from 'vitest';
import { pullRequestCommentTarget, type CommentTargetInput } from '../../src/github/comment-target.js';

const pullRequest = (head: string | null, base = 'octo-org/app') => ({
  number: 42,
  pull_request: {
    number: 42,
    head: { ref: 'feature', repo: head === null ? null : { full_name: head } },
    base: { ref: 'main', repo: { full_name: base } },
  },
});

const input = (overrides: Partial<CommentTargetInput> = {}): CommentTargetInput => ({
  enabled: true,
  eventName: 'pull_request',
  payload: pullRequest('octo-org/app'),
  repository: 'octo-org/app',
  token: 'ghs_token',
  ...overrides,
});

describe('pullRequestCommentTarget', () => {
  it('comments on the pull request of a pull_request run, in GITHUB_REPOSITORY', () => {
    expect(pullRequestCommentTarget(input())).toEqual({
      comment: true,
      issue: { owner: 'octo-org', repo: 'app', issueNumber: 42 },
      fromFork: false,
    });
  });

  it('marks a pull request from a fork, on pull_request and pull_request_target alike', () => {
    const fork = pullRequestCommentTarget(input({ payload: pullRequest('someone/app') }));
    expect(fork).toMatchObject({ comment: true, fromFork: true });
    const target = pullRequestCommentTarget(
      input({ eventName: 'pull_request_target', payload: pullRequest('someone/app') }),
    );
    expect(target).toMatchObject({ comment: true, fromFork: true, issue: { issueNumber: 42 } });
    // The fork was deleted since: head.repo is null.
    expect(pullRequestCommentTarget(input({ payload: pullRequest(null) }))).toMatchObject({ fromFork: true });
  });

  it('takes the number from payload.number when pull_request carries none', () => {
    const target = pullRequestCommentTarget(input({ payload: { number: 7, pull_request: {} } }));
    expect(target).toMatchObject({ comment: true, issue: { issueNumber: 7 }, fromFork: false });
  });

  it('does not comment when turned off, off a pull request, or without a token', () => {
    expect(pullRequestCommentTarget(input({ enabled: false }))).toEqual({
      comment: false,
      reason: 'pull request comments are turned off',
    });
    for (const eventName of ['push', 'workflow_dispatch', 'issue_comment', 'merge_group', '']) {
      const target = pullRequestCommentTarget(input({ eventName }));
      expect(target.comment).toBe(false);
      expect(target).toHaveProperty('reason', expect.stringMatching(/not a pull request/));
    }
    expect(pullRequestCommentTarget(input({ token: '' }))).toEqual({
      comment: false,
      reason: 'no GitHub token',
    });
    expect(pullRequestCommentTarget(input({ token: undefined }))).toMatchObject({ comment: false });
  });

  it('rejects a payload without a usable pull request number', () => {
    for (const payload of [
      {},
      { pull_request: { number: '42' } },
      { number: 0 },
      { number: 1.5 },
      { number: -3 },
    ]) {
      expect(pullRequestCommentTarget(input({ payload }))).toEqual({
        comment: false,
        reason: 'the pull_request event payload has no pull request number',
      });
    }
  });

  it('needs GITHUB_REPOSITORY as owner/repo', () => {
    expect(pullRequestCommentTarget(input({ repository: undefined }))).toEqual({
      comment: false,
      reason: 'GITHUB_REPOSITORY is not set, not owner/repo',
    });
    for (const repository of ['octo-org', 'octo-org/', '/app', 'a/b/c']) {
      expect(pullRequestCommentTarget(input({ repository }))).toMatchObject({ comment: false });
    }
  });
});
