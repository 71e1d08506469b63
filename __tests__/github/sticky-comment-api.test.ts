import { getOctokit } from '@actions/github';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubIssueComments } from '../../src/github/issue-comments.js';
import { upsertStickyComment, upsertStickyComments } from '../../src/github/sticky-comment.js';
import { capturingLogger } from '../helpers/ecr-recorders.js';
import {
  GITHUB_ACTIONS_BOT,
  startGitHubApiServer,
  type GitHubApiServer,
  type SeedComment,
} from '../helpers/github-api-server.js';

// The sticky comment through @actions/github's octokit against the loopback GitHub REST emulator.

const TOKEN = 'ghs_emulated0123456789';
const OWNER = 'octo-org';
const REPO = 'app';
const PR = 42;
const ISSUE = { owner: OWNER, repo: REPO, issueNumber: PR };
const APP = '<!-- image-build:report:registry/app -->';
const WORKER = '<!-- image-build:report:registry/worker -->';
const noSleep = async () => undefined;

let api: GitHubApiServer;
beforeEach(async () => {
  api = await startGitHubApiServer([{ owner: OWNER, name: REPO, pulls: [PR, 43] }], TOKEN);
});
afterEach(() => api.close());

const client = (requestTimeoutMs?: number) =>
  githubIssueComments({ token: TOKEN, apiUrl: api.url, requestTimeoutMs });
const people = (count: number): SeedComment[] =>
  Array.from({ length: count }, (_, i) => ({
    body: `LGTM ${i}`,
    user: { login: `reviewer${i % 7}`, id: 1000 + (i % 7), type: 'User' },
    authorAssociation: 'CONTRIBUTOR',
  }));
const stored = () => api.comments(OWNER, REPO, PR);
const ours = () => stored().filter((c) => c.user.login === GITHUB_ACTIONS_BOT.login);
const calls = () => api.requests.map((r) => `${r.method} ${r.path}${r.search} ${r.status}`);

describe('sticky pull request comment against the GitHub REST emulator', () => {
  it('finds our comment on page 2 of 250 and updates it in place', async () => {
    api.addComments(OWNER, REPO, PR, people(150));
    const [id] = api.addComments(OWNER, REPO, PR, [{ body: `${APP}\nold report`, user: GITHUB_ACTIONS_BOT }]);
    api.addComments(OWNER, REPO, PR, people(99));

    const result = await upsertStickyComment(client(), ISSUE, {
      marker: APP,
      body: '## registry/app\nnew report',
    });

    expect(result).toEqual({
      marker: APP,
      status: 'updated',
      commentId: id,
      url: `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${id}`,
    });
    expect(stored()).toHaveLength(250);
    expect(ours()).toEqual([expect.objectContaining({ id, body: `${APP}\n## registry/app\nnew report` })]);
    // Page 2 is reached through the Link header's /repositories/{id}/… URL, as on GitHub.
    expect(calls()).toEqual([
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100 200`,
      `GET /repositories/1296269/issues/${PR}/comments?per_page=100&page=2 200`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${id} 200`,
    ]);
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);

    api.requests.length = 0;
    const again = await upsertStickyComment(client(), ISSUE, {
      marker: APP,
      body: '## registry/app\nnew report',
    });
    expect(again.status).toBe('unchanged');
    expect(calls().filter((c) => !c.startsWith('GET'))).toEqual([]);
  });

  it('reads all three pages before creating, then updates that comment on the next run', async () => {
    api.addComments(OWNER, REPO, PR, people(230));

    const first = await upsertStickyComment(client(), ISSUE, { marker: APP, body: 'run 1' });

    expect(first.status).toBe('created');
    expect(calls()).toEqual([
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100 200`,
      `GET /repositories/1296269/issues/${PR}/comments?per_page=100&page=2 200`,
      `GET /repositories/1296269/issues/${PR}/comments?per_page=100&page=3 200`,
      `POST /repos/${OWNER}/${REPO}/issues/${PR}/comments 201`,
    ]);
    expect(stored().at(-1)).toMatchObject({ body: `${APP}\nrun 1`, user: GITHUB_ACTIONS_BOT });

    const second = await upsertStickyComment(client(), ISSUE, { marker: APP, body: 'run 2' });
    expect(second).toMatchObject({
      status: 'updated',
      commentId: (first as { commentId: number }).commentId,
    });
    expect(ours().map((c) => c.body)).toEqual([`${APP}\nrun 2`]);
    expect(api.comments(OWNER, REPO, 43)).toEqual([]);
  });

  it('keeps one comment per image across runs', async () => {
    api.addComments(OWNER, REPO, PR, people(120));
    const run = (n: number) =>
      upsertStickyComments(client(), ISSUE, [
        { marker: APP, body: `app run ${n}`, label: 'registry/app' },
        { marker: WORKER, body: `worker run ${n}`, label: 'registry/worker' },
      ]);

    expect((await run(1)).map((r) => r.status)).toEqual(['created', 'created']);
    api.addComments(OWNER, REPO, PR, people(5));
    expect((await run(2)).map((r) => r.status)).toEqual(['updated', 'updated']);

    expect(ours().map((c) => c.body)).toEqual([`${APP}\napp run 2`, `${WORKER}\nworker run 2`]);
    expect(stored()).toHaveLength(127);
  });

  it('skips with a notice on a read-only token (403), without failing', async () => {
    api.addComments(OWNER, REPO, PR, people(3));
    api.setReadOnly(true);
    const logger = capturingLogger();

    const results = await upsertStickyComments(
      client(),
      ISSUE,
      [
        { marker: APP, body: 'app' },
        { marker: WORKER, body: 'worker' },
      ],
      { logger, sleep: noSleep },
    );

    expect(results.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(results[0]).toHaveProperty(
      'reason',
      expect.stringContaining('403: Resource not accessible by integration'),
    );
    expect(calls().at(-1)).toBe(`POST /repos/${OWNER}/${REPO}/issues/${PR}/comments 403`);
    expect(calls().filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(logger.lines.filter((l) => /^(notice|warning|error):/.test(l))).toEqual([
      expect.stringMatching(
        /^notice: Skipped the pull request comment on #42: the token may not write to it/,
      ),
    ]);
    expect(ours()).toEqual([]);
  });

  it('delivers hostile text byte for byte, and does not mistake it for another image', async () => {
    const hostile = [
      '## registry/app',
      '| step | `RUN echo "</details><img src=x onerror=alert(1)> @everyone" \\| sh` |',
      '</details></table><script>alert(document.cookie)</script>',
      WORKER,
      '-->  <!--  ]]> ${{ secrets.GITHUB_TOKEN }} %0A::set-output name=x::y',
      '\r\nCRLF line\rCR only\ttab\u0000nul\u001b[31mansi',
      'unicode: é 漢字 🐳 \u202Eevil\u202C zero\u200Bwidth \uFEFF bom',
      '```\nfenced\n```',
    ].join('\n');

    const result = await upsertStickyComment(client(), ISSUE, { marker: APP, body: hostile });

    expect(result.status).toBe('created');
    const expected = `${APP}\n${hostile}`;
    const post = api.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '')).toEqual({ body: expected });
    expect(Buffer.from(ours()[0].body, 'utf8').equals(Buffer.from(expected, 'utf8'))).toBe(true);
    // Read back through the official client, as the next run does.
    const octokit = getOctokit(TOKEN, { baseUrl: api.url });
    const { data } = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(data[0].body).toBe(expected);

    // The worker marker inside the app report is not the first line: the worker gets its own comment.
    const worker = await upsertStickyComment(client(), ISSUE, { marker: WORKER, body: 'worker' });
    expect(worker.status).toBe('created');
    expect(ours().map((c) => c.body)).toEqual([expected, `${WORKER}\nworker`]);
  });

  it('does not double a comment GitHub stored before answering 502, and retries a failed list', async () => {
    api.addComments(OWNER, REPO, PR, people(101));
    api.injectFault({ method: 'GET', path: /\/comments$/, status: 502 });
    api.injectFault({ method: 'POST', mode: 'after-write' });

    const result = await upsertStickyComment(
      client(),
      ISSUE,
      { marker: APP, body: 'report' },
      { sleep: noSleep },
    );

    expect(result.status).toBe('unchanged');
    expect(ours()).toHaveLength(1);
    expect(calls().map((c) => c.replace(/ \/\S+/, ''))).toEqual([
      'GET 502',
      'GET 200',
      'GET 200',
      'POST 502',
      'GET 200',
      'GET 200',
    ]);
  });

  it('gives up on a page that never answers, and tries again', async () => {
    api.addComments(OWNER, REPO, PR, people(150));
    api.injectFault({ method: 'GET', path: /^\/repositories\//, mode: 'hang' });
    const started = Date.now();

    const result = await upsertStickyComment(
      client(1500),
      ISSUE,
      { marker: APP, body: 'report' },
      { sleep: noSleep },
    );

    expect(result.status).toBe('created');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(calls().map((c) => c.replace(/ \/\S+/, ''))).toEqual([
      'GET 200',
      'GET undefined',
      'GET 200',
      'GET 200',
      'POST 201',
    ]);
  });

  it('warns, without failing, when the pull request does not exist', async () => {
    const logger = capturingLogger();
    const result = await upsertStickyComment(
      client(),
      { ...ISSUE, issueNumber: 999 },
      { marker: APP, body: 'report' },
      { logger, sleep: noSleep },
    );
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringContaining('404: Not Found') });
    expect(logger.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(1);
    expect(calls()).toHaveLength(1);
  });
});

describe('the GitHub REST emulator speaks the documented comment endpoints', () => {
  const octokit = () => getOctokit(TOKEN, { baseUrl: api.url });

  it('pages 30 by default and at most 100, with Link prev/next/last/first', async () => {
    api.addComments(OWNER, REPO, PR, people(250));
    const first = await octokit().rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toBe(
      `<${api.url}/repositories/1296269/issues/42/comments?page=2>; rel="next", ` +
        `<${api.url}/repositories/1296269/issues/42/comments?page=9>; rel="last"`,
    );
    const middle = await octokit().rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 500,
      page: 2,
    });
    expect(middle.data).toHaveLength(100);
    expect(middle.data[0].body).toBe('LGTM 100');
    expect(middle.headers.link).toBe(
      [
        `<${api.url}/repositories/1296269/issues/42/comments?per_page=500&page=1>; rel="prev"`,
        `<${api.url}/repositories/1296269/issues/42/comments?per_page=500&page=3>; rel="next"`,
        `<${api.url}/repositories/1296269/issues/42/comments?per_page=500&page=3>; rel="last"`,
        `<${api.url}/repositories/1296269/issues/42/comments?per_page=500&page=1>; rel="first"`,
      ].join(', '),
    );
    const all = await octokit().paginate(octokit().rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(people(250).map((c) => c.body));
    expect(new Set(all.map((c) => c.id)).size).toBe(250);

    const single = await octokit().rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 43 });
    expect(single.data).toEqual([]);
    expect(single.headers.link).toBeUndefined();
  });

  it('answers POST with 201, Location and the comment; PATCH with 200; 422 past 65,536 characters', async () => {
    const created = await octokit().rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      body: 'hi',
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    expect(created.data).toMatchObject({
      body: 'hi',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${created.data.id}`,
      issue_url: `${api.url}/repos/${OWNER}/${REPO}/issues/${PR}`,
      author_association: 'NONE',
    });
    const updated = await octokit().rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: created.data.id,
      body: 'bye',
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ id: created.data.id, body: 'bye' });

    // GitHub counts characters: 65,536 emoji pass (131,072 UTF-16 units), one more does not.
    const emoji = '🐳'.repeat(65_536);
    await expect(
      octokit().rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: emoji }),
    ).resolves.toMatchObject({ status: 201 });
    await expect(
      octokit().rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: created.data.id,
        body: `${emoji}x`,
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Body is too long (maximum is 65536 characters)'),
    });
  });

  it('answers 404 for an unknown pull request or comment, 401 for a bad token, 403 when read-only', async () => {
    await expect(
      octokit().rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit().rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: 1, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      getOctokit('wrong', { baseUrl: api.url }).rest.issues.listComments({
        owner: OWNER,
        repo: REPO,
        issue_number: PR,
      }),
    ).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') });
    api.setReadOnly(true);
    await expect(
      octokit().rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR }),
    ).resolves.toMatchObject({ status: 200 });
    await expect(
      octokit().rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message:
        'Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    });
  });

  // A second client the emulator was not written against: Python's requests, which parses the Link
  // header itself (Response.links) and follows rel="next" to the end.
  // Debian's python3-requests (the test bed installs it) lives with /usr/bin/python3.
  const python = ['/usr/bin/python3', 'python3'].find(
    (candidate) => spawnSync(candidate, ['-c', 'import requests'], { stdio: 'ignore' }).status === 0,
  );
  const hasRequests = python !== undefined;
  it.skipIf(!hasRequests)('agrees with python requests on pagination, create and update', async () => {
    api.addComments(OWNER, REPO, PR, people(205));
    const script = `
import json, sys, requests
base, token = sys.argv[1], sys.argv[2]
s = requests.Session()
s.headers.update({"Authorization": "Bearer " + token, "Accept": "application/vnd.github+json"})
url, bodies, rels = base + "/repos/octo-org/app/issues/42/comments?per_page=100", [], []
while url:
    r = s.get(url, timeout=10)
    r.raise_for_status()
    bodies += [c["body"] for c in r.json()]
    rels.append(sorted(r.links))
    url = r.links.get("next", {}).get("url")
c = s.post(base + "/repos/octo-org/app/issues/42/comments", json={"body": "py \\u00e9"}, timeout=10)
u = s.patch(c.json()["url"], json={"body": "py2"}, timeout=10)
print(json.dumps({"count": len(bodies), "last": bodies[-1], "rels": rels, "create": [c.status_code, c.headers["Location"] == c.json()["url"]], "update": [u.status_code, u.json()["body"]]}))
`;
    // Asynchronously: the emulator answers from this process's event loop.
    const { stdout } = await promisify(execFile)(python as string, ['-c', script, api.url, TOKEN], {
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      count: 205,
      last: 'LGTM 204',
      rels: [
        ['last', 'next'],
        ['first', 'last', 'next', 'prev'],
        ['first', 'prev'],
      ],
      create: [201, true],
      update: [200, 'py2'],
    });
    expect(stored().at(-1)?.body).toBe('py2');
  });
});
