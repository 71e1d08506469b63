import { describe, expect, it } from 'vitest';
import type { IssueComment, IssueCommentsApi, IssueRef } from '../../src/github/issue-comments.js';
import {
  CommentTooLongError,
  GITHUB_COMMENT_MAX_CHARS,
  isOwnComment,
  stickyCommentBody,
  upsertStickyComment,
  upsertStickyComments,
} from '../../src/github/sticky-comment.js';
import { capturingLogger } from '../helpers/ecr-recorders.js';

const ISSUE: IssueRef = { owner: 'octo-org', repo: 'app', issueNumber: 42 };
const MARKER = '<!-- image-build:report:registry/app -->';
const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const PERSON = { login: 'mallory', type: 'User' };

class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Call = { op: 'list' | 'create' | 'update'; page?: number; id?: number };

/** An in-memory pull request: pages of `pageSize`, and errors to throw on chosen calls. */
function fakeApi(comments: IssueComment[], pageSize = 3) {
  const calls: Call[] = [];
  const failures: Array<{ op: Call['op']; error: Error; afterWrite?: boolean }> = [];
  let nextId = 9000;
  const fail = (op: Call['op']) => {
    const index = failures.findIndex((f) => f.op === op);
    return index === -1 ? undefined : failures.splice(index, 1)[0];
  };
  const api: IssueCommentsApi = {
    async *listCommentPages() {
      for (let start = 0, page = 1; start < Math.max(comments.length, 1); start += pageSize, page++) {
        calls.push({ op: 'list', page });
        const failure = fail('list');
        if (failure) throw failure.error;
        yield comments.slice(start, start + pageSize).map((c) => ({ ...c }));
      }
    },
    async createComment(_issue, body) {
      calls.push({ op: 'create' });
      const failure = fail('create');
      const comment = { id: nextId++, body, user: BOT, htmlUrl: `https://github.com/x#${nextId}` };
      if (failure && !failure.afterWrite) throw failure.error;
      comments.push(comment);
      if (failure) throw failure.error;
      return comment;
    },
    async updateComment(_issue, id, body) {
      calls.push({ op: 'update', id });
      const failure = fail('update');
      if (failure) throw failure.error;
      const comment = comments.find((c) => c.id === id)!;
      comment.body = body;
      return { ...comment };
    },
  };
  return { api, calls, failures, comments };
}

const noSleep = async () => undefined;
const filler = (count: number, from = 1): IssueComment[] =>
  Array.from({ length: count }, (_, i) => ({
    id: from + i,
    body: `review comment ${from + i}`,
    user: PERSON,
    htmlUrl: `https://github.com/x#${from + i}`,
  }));

describe('stickyCommentBody', () => {
  it('puts the marker on the first line, once', () => {
    expect(stickyCommentBody(MARKER, '## Image size')).toBe(`${MARKER}\n## Image size`);
    expect(stickyCommentBody(MARKER, `${MARKER}\n## Image size`)).toBe(`${MARKER}\n## Image size`);
    expect(stickyCommentBody(MARKER, `${MARKER}\r\nbody`)).toBe(`${MARKER}\r\nbody`);
    // A marker further down is not where we look for it: it is added on top.
    expect(stickyCommentBody(MARKER, `text\n${MARKER}`)).toBe(`${MARKER}\ntext\n${MARKER}`);
  });

  it('refuses a marker that is not one hidden HTML comment on one line', () => {
    for (const marker of ['image-build', '<!---->', '<!-- a --> b -->', '<!-- a\nb -->', '<!-- a -->\n']) {
      expect(() => stickyCommentBody(marker, 'x')).toThrow(/one HTML comment on one line/);
    }
  });
});

describe('isOwnComment', () => {
  const comment = (body: string, user: IssueComment['user'], authorAssociation?: string): IssueComment => ({
    id: 1,
    body,
    user,
    authorAssociation,
    htmlUrl: '',
  });

  it('needs the marker as the first line', () => {
    expect(isOwnComment(comment(`${MARKER}\nbody`, BOT), MARKER)).toBe(true);
    expect(isOwnComment(comment(`  ${MARKER}  \nbody`, BOT), MARKER)).toBe(true);
    expect(isOwnComment(comment(`> ${MARKER}\n> body`, BOT), MARKER)).toBe(false);
    expect(isOwnComment(comment(`hello\n${MARKER}`, BOT), MARKER)).toBe(false);
    expect(isOwnComment(comment(`<!-- image-build:report:registry/app-other -->\nx`, BOT), MARKER)).toBe(
      false,
    );
  });

  it('trusts bots and the repository owner, members and collaborators, not anyone who copies the marker', () => {
    const body = `${MARKER}\nfake report`;
    expect(isOwnComment(comment(body, PERSON, 'NONE'), MARKER)).toBe(false);
    expect(isOwnComment(comment(body, PERSON, 'CONTRIBUTOR'), MARKER)).toBe(false);
    expect(isOwnComment(comment(body, PERSON, 'FIRST_TIME_CONTRIBUTOR'), MARKER)).toBe(false);
    expect(isOwnComment(comment(body, null, 'NONE'), MARKER)).toBe(false);
    for (const association of ['OWNER', 'MEMBER', 'COLLABORATOR']) {
      expect(isOwnComment(comment(body, PERSON, association), MARKER)).toBe(true);
    }
  });

  it('with an author, trusts that login only', () => {
    const body = `${MARKER}\nreport`;
    expect(isOwnComment(comment(body, { login: 'ci-user', type: 'User' }, 'NONE'), MARKER, 'ci-user')).toBe(
      true,
    );
    expect(isOwnComment(comment(body, BOT), MARKER, 'ci-user')).toBe(false);
  });
});

describe('upsertStickyComments', () => {
  it('updates our comment in place, found on a later page', async () => {
    const ours: IssueComment = {
      id: 500,
      body: `${MARKER}\nold`,
      user: BOT,
      htmlUrl: 'https://github.com/x#500',
    };
    const { api, calls, comments } = fakeApi([...filler(7), ours, ...filler(5, 100)]);
    const result = await upsertStickyComment(api, ISSUE, { marker: MARKER, body: 'new' });
    expect(result).toEqual({
      marker: MARKER,
      status: 'updated',
      commentId: 500,
      url: 'https://github.com/x#500',
    });
    expect(comments.find((c) => c.id === 500)?.body).toBe(`${MARKER}\nnew`);
    // Pages 1-3 read; the one after ours is not needed.
    expect(calls).toEqual([
      { op: 'list', page: 1 },
      { op: 'list', page: 2 },
      { op: 'list', page: 3 },
      { op: 'update', id: 500 },
    ]);
  });

  it('reads every page before creating, and creates once', async () => {
    const { api, calls, comments } = fakeApi(filler(10));
    const result = await upsertStickyComment(api, ISSUE, { marker: MARKER, body: 'report' });
    expect(result).toMatchObject({ status: 'created', commentId: 9000 });
    expect(calls.map((c) => c.op)).toEqual(['list', 'list', 'list', 'list', 'create']);
    expect(comments.filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
  });

  it('leaves an identical comment alone', async () => {
    const ours: IssueComment = { id: 5, body: `${MARKER}\nsame`, user: BOT, htmlUrl: 'u' };
    const { api, calls } = fakeApi([ours]);
    const result = await upsertStickyComment(api, ISSUE, { marker: MARKER, body: 'same' });
    expect(result).toMatchObject({ status: 'unchanged', commentId: 5 });
    expect(calls.map((c) => c.op)).toEqual(['list']);
  });

  it('does not overwrite a stranger comment that copies the marker; updates the oldest of ours', async () => {
    const stranger: IssueComment = {
      id: 1,
      body: `${MARKER}\nbait`,
      user: PERSON,
      authorAssociation: 'NONE',
      htmlUrl: '',
    };
    const oldest: IssueComment = { id: 2, body: `${MARKER}\nv1`, user: BOT, htmlUrl: '' };
    const duplicate: IssueComment = { id: 3, body: `${MARKER}\nv1`, user: BOT, htmlUrl: '' };
    const { api, calls, comments } = fakeApi([stranger, oldest, duplicate]);
    await upsertStickyComment(api, ISSUE, { marker: MARKER, body: 'v2' });
    expect(calls.at(-1)).toEqual({ op: 'update', id: 2 });
    expect(comments.map((c) => c.body)).toEqual([`${MARKER}\nbait`, `${MARKER}\nv2`, `${MARKER}\nv1`]);
  });

  it('keeps one comment per image, in one scan of the pages', async () => {
    const other = '<!-- image-build:report:registry/worker -->';
    const ours: IssueComment = { id: 77, body: `${other}\nold worker`, user: BOT, htmlUrl: '' };
    const { api, calls, comments } = fakeApi([...filler(4), ours]);
    const results = await upsertStickyComments(api, ISSUE, [
      { marker: MARKER, body: 'app report' },
      { marker: other, body: 'worker report' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'updated']);
    expect(calls.map((c) => c.op)).toEqual(['list', 'list', 'create', 'update']);
    expect(comments.filter((c) => c.user === BOT).map((c) => c.body)).toEqual([
      `${other}\nworker report`,
      `${MARKER}\napp report`,
    ]);
  });

  it('refuses a body over 65,536 characters before any request, and accepts one at the limit', async () => {
    const { api, calls } = fakeApi([]);
    const room = GITHUB_COMMENT_MAX_CHARS - MARKER.length - 1;
    await expect(
      upsertStickyComment(api, ISSUE, { marker: MARKER, body: 'x'.repeat(room + 1), label: 'registry/app' }),
    ).rejects.toThrow(new CommentTooLongError('registry/app', GITHUB_COMMENT_MAX_CHARS + 1));
    await expect(
      upsertStickyComments(api, ISSUE, [
        { marker: MARKER, body: 'ok' },
        { marker: '<!-- b -->', body: 'y'.repeat(70_000) },
      ]),
    ).rejects.toThrow(/is 70,011 characters; GitHub accepts at most 65,536/);
    expect(calls).toEqual([]);
    const result = await upsertStickyComment(api, ISSUE, { marker: MARKER, body: 'x'.repeat(room) });
    expect(result.status).toBe('created');
  });

  it('refuses two comments with one marker', async () => {
    const { api } = fakeApi([]);
    await expect(
      upsertStickyComments(api, ISSUE, [
        { marker: MARKER, body: 'a' },
        { marker: MARKER, body: 'b' },
      ]),
    ).rejects.toThrow(/share the marker/);
  });

  it('skips with a notice when the token may not write (a fork), and does not throw', async () => {
    const { api, failures } = fakeApi(filler(2));
    failures.push({
      op: 'create',
      error: new HttpError('Resource not accessible by integration - https://docs.github.com/rest', 403),
    });
    const logger = capturingLogger();
    const { lines } = logger;
    const results = await upsertStickyComments(
      api,
      ISSUE,
      [
        { marker: MARKER, body: 'a' },
        { marker: '<!-- b -->', body: 'b' },
      ],
      { logger, sleep: noSleep },
    );
    expect(results.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(results[0]).toHaveProperty(
      'reason',
      expect.stringMatching(/403: Resource not accessible by integration/),
    );
    expect(lines.filter((l) => l.startsWith('notice:'))).toHaveLength(1);
    expect(lines.join('\n')).toMatch(
      /notice: Skipped the pull request comment on #42: the token may not write/,
    );
    expect(lines.some((l) => l.startsWith('warning:'))).toBe(false);
  });

  it('retries server errors, looking the comments up again so a stored comment is not doubled', async () => {
    const { api, calls, failures, comments } = fakeApi(filler(2));
    failures.push({ op: 'list', error: new HttpError('Server Error', 502) });
    failures.push({ op: 'create', error: new HttpError('Server Error', 502), afterWrite: true });
    const waits: number[] = [];
    const result = await upsertStickyComment(
      api,
      ISSUE,
      { marker: MARKER, body: 'report' },
      { sleep: async (ms) => void waits.push(ms) },
    );
    // Try 1: list fails. Try 2: create is stored, then 502. Try 3: found, identical: unchanged.
    expect(calls.map((c) => c.op)).toEqual(['list', 'list', 'create', 'list']);
    expect(waits).toEqual([1000, 3000]);
    expect(result).toMatchObject({ status: 'unchanged', commentId: 9000 });
    expect(comments.filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
  });

  it('warns and reports failed after the last try, or at once for a client error', async () => {
    const { api, failures } = fakeApi([]);
    for (let i = 0; i < 3; i++)
      failures.push({ op: 'list', error: new HttpError('Service Unavailable', 503) });
    const logger = capturingLogger();
    const { lines } = logger;
    const result = await upsertStickyComment(
      api,
      ISSUE,
      { marker: MARKER, body: 'r' },
      { logger, sleep: noSleep },
    );
    expect(result).toEqual({
      marker: MARKER,
      status: 'failed',
      reason: 'GitHub answered 503: Service Unavailable',
    });
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([
      'warning: Could not write the pull request comment on #42 (GitHub answered 503: Service Unavailable).',
    ]);

    const notFound = fakeApi([]);
    notFound.failures.push({ op: 'list', error: new HttpError('Not Found', 404) });
    const missing = await upsertStickyComment(
      notFound.api,
      ISSUE,
      { marker: MARKER, body: 'r' },
      { sleep: noSleep },
    );
    expect(missing).toMatchObject({ status: 'failed' });
    expect(notFound.calls).toEqual([{ op: 'list', page: 1 }]);
  });

  it('stops at maxPages and does not create a comment that may exist further on', async () => {
    const { api, calls } = fakeApi(filler(30));
    const logger = capturingLogger();
    const { lines } = logger;
    const result = await upsertStickyComment(
      api,
      ISSUE,
      { marker: MARKER, body: 'r' },
      { logger, maxPages: 4 },
    );
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringMatching(/first 4 pages/) });
    expect(calls).toHaveLength(4);
    expect(lines.some((l) => l.startsWith('warning:'))).toBe(true);
  });
});
