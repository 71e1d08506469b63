import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A repository as the emulator serves it; the rest of the REST shape is filled in. */
export interface EmulatedRepo {
  owner: string;
  name: string;
  description?: string | null;
  defaultBranch?: string;
  /** SPDX id, or null for a repository without a detected license. */
  license?: string | null;
  /** Commit sha -> committer date (ISO). */
  commits?: Record<string, string>;
  /** Numbers of the pull requests whose comments the emulator serves; others answer 404. */
  pulls?: number[];
}

/** A GitHub account as comments show it (`user`). */
export interface EmulatedUser {
  login: string;
  id: number;
  type: 'Bot' | 'User' | 'Organization';
}

/** The account behind the default GITHUB_TOKEN of a workflow run. */
export const GITHUB_ACTIONS_BOT: EmulatedUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface SeedComment {
  body: string;
  /** Default: a user `octocat`. */
  user?: EmulatedUser;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …; default NONE. */
  authorAssociation?: string;
}

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issue: number;
  body: string;
  user: EmulatedUser;
  authorAssociation: string;
  createdAt: string;
  updatedAt: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string with its `?`, or ''. */
  search: string;
  authorization?: string;
  userAgent?: string;
  /** The request body exactly as received (UTF-8). */
  body?: string;
  /** The status the emulator answered (undefined for a request left hanging). */
  status?: number;
}

/**
 * A failure the emulator plays on the next matching requests:
 * `status` answers that status without doing anything; `after-write` applies the request, then
 * answers 502 (a proxy timing out after GitHub stored the comment); `hang` never answers.
 */
export interface InjectedFault {
  method?: string;
  /** Matched against the request path. */
  path?: RegExp;
  mode?: 'status' | 'after-write' | 'hang';
  /** For mode `status`; default 502. */
  status?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface GitHubApiServerOptions {
  /** The account the token belongs to: comments written through the API are theirs. */
  actor?: EmulatedUser;
}

export interface GitHubApiServer {
  /** Base URL to put in GITHUB_API_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Adds comments to a pull request as people would have written them; returns their ids. */
  addComments(owner: string, repo: string, pull: number, comments: SeedComment[]): number[];
  /** The stored comments of a pull request, oldest first. */
  comments(owner: string, repo: string, pull: number): StoredComment[];
  /**
   * Answers every write with 403 "Resource not accessible by integration", as GitHub does for the
   * read-only GITHUB_TOKEN of a pull request from a fork. Reads still work.
   */
  setReadOnly(readOnly: boolean): void;
  injectFault(fault: InjectedFault): void;
  close(): Promise<void>;
}

/** GitHub's limit on an issue comment, in characters. */
const MAX_COMMENT_CHARS = 65_536;
/** Enough for any body the limit allows; more is refused before parsing. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const DOCS = 'https://docs.github.com/rest/issues/comments';

/**
 * A loopback emulator of the GitHub REST endpoints image-build calls, answering with the real JSON
 * shapes, status codes and headers:
 * - GET /repos/{owner}/{repo}, GET /repos/{owner}/{repo}/commits/{ref} (the tag engine);
 * - GET /repos/{owner}/{repo}/issues/{n}/comments with `per_page` (default 30, at most 100) and
 *   `page`, oldest first, with a `Link` header (prev, next, last, first) whose URLs use the
 *   /repositories/{id}/… form GitHub sends, and which the emulator also serves;
 * - POST /repos/{owner}/{repo}/issues/{n}/comments (201 with Location) and
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id} (200), 422 past 65,536 characters.
 * When `token` is set, requests must carry it (`token …` or `Bearer …`) or get 401.
 */
export async function startGitHubApiServer(
  repos: EmulatedRepo[],
  token?: string,
  options: GitHubApiServerOptions = {},
): Promise<GitHubApiServer> {
  const state: State = {
    repos: repos.map((repo, index) => ({ ...repo, id: 1296269 + index })),
    comments: [],
    nextCommentId: 1_000_000_001,
    readOnly: false,
    faults: [],
    actor: options.actor ?? GITHUB_ACTIONS_BOT,
    token,
    base: '',
  };
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      search: url.search,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'],
    };
    requests.push(recorded);
    readBody(req)
      .then((body) => {
        recorded.body = body;
        const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
          recorded.status = status;
          send(res, status, json, headers);
        };
        handle(
          { method: recorded.method, url, body, authorization: req.headers.authorization },
          answer,
          state,
        );
      })
      .catch(() => {
        recorded.status = 413;
        send(res, 413, { message: 'Payload too large', documentation_url: 'https://docs.github.com/rest' });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.base = `http://127.0.0.1:${port}`;
  return {
    url: state.base,
    requests,
    addComments: (owner, repo, pull, comments) =>
      comments.map(
        (seed) =>
          storeComment(
            state,
            owner,
            repo,
            pull,
            seed.body,
            seed.user ?? OCTOCAT,
            seed.authorAssociation ?? 'NONE',
          ).id,
      ),
    comments: (owner, repo, pull) =>
      state.comments.filter((c) => c.owner === owner && c.repo === repo && c.issue === pull),
    setReadOnly: (readOnly) => {
      state.readOnly = readOnly;
    },
    injectFault: (fault) => {
      state.faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const OCTOCAT: EmulatedUser = { login: 'octocat', id: 583231, type: 'User' };

interface State {
  repos: Array<EmulatedRepo & { id: number }>;
  comments: StoredComment[];
  nextCommentId: number;
  readOnly: boolean;
  faults: Array<InjectedFault & { remaining: number }>;
  actor: EmulatedUser;
  token?: string;
  base: string;
}

interface Request {
  method: string;
  url: URL;
  body: string;
  authorization?: string;
}

type Answer = (status: number, body: unknown, headers?: Record<string, string>) => void;

function handle(req: Request, answer: Answer, state: State): void {
  if (state.token !== undefined) {
    const auth = req.authorization ?? '';
    if (auth !== `token ${state.token}` && auth !== `Bearer ${state.token}`) {
      return answer(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
  }
  const fault = takeFault(state, req);
  if (fault?.mode === 'hang') return;
  if (fault && fault.mode !== 'after-write') {
    return answer(fault.status ?? 502, { message: 'Server Error' });
  }
  const respond: Answer = fault
    ? () => answer(502, { message: 'Server Error' })
    : (status, body, headers) => answer(status, body, headers);

  const path = req.url.pathname;
  let match: RegExpExecArray | null;
  if ((match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
    const repo = findRepo(state, match[1], match[2]);
    if (req.method === 'GET') return listComments(state, repo, Number(match[3]), req.url, respond);
    if (req.method === 'POST') return createComment(state, repo, Number(match[3]), req, respond);
    return notFound(respond);
  }
  if ((match = /^\/repositories\/(\d+)\/issues\/(\d+)\/comments$/.exec(path)) && req.method === 'GET') {
    const repo = state.repos.find((r) => r.id === Number(match![1]));
    return listComments(state, repo, Number(match[2]), req.url, respond);
  }
  if ((match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
    return updateComment(state, findRepo(state, match[1], match[2]), Number(match[3]), req, respond);
  }
  if (req.method !== 'GET') return notFound(respond);
  const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(?:\/commits\/([^/]+))?$/.exec(path);
  const repo = repoMatch && findRepo(state, repoMatch[1], repoMatch[2]);
  if (!repoMatch || !repo) return notFound(respond);
  if (repoMatch[3] !== undefined) {
    const date = repo.commits?.[repoMatch[3]];
    if (!date) {
      return respond(422, {
        message: `No commit found for SHA: ${repoMatch[3]}`,
        documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit',
        status: '422',
      });
    }
    return respond(200, commitJson(repo, repoMatch[3], date));
  }
  return respond(200, repoJson(repo));
}

function takeFault(state: State, req: Request): InjectedFault | undefined {
  const fault = state.faults.find(
    (f) =>
      f.remaining > 0 &&
      (f.method === undefined || f.method === req.method) &&
      (f.path === undefined || f.path.test(req.url.pathname)),
  );
  if (fault) fault.remaining -= 1;
  return fault;
}

function findRepo(state: State, owner: string, name: string) {
  return state.repos.find((r) => r.owner === owner && r.name === name);
}

function listComments(
  state: State,
  repo: (EmulatedRepo & { id: number }) | undefined,
  issue: number,
  url: URL,
  answer: Answer,
): void {
  if (!repo || !repo.pulls?.includes(issue)) return notFound(answer);
  const perPage = clampPerPage(url.searchParams.get('per_page'));
  const page = positiveInt(url.searchParams.get('page')) ?? 1;
  const all = state.comments.filter(
    (c) => c.owner === repo.owner && c.repo === repo.name && c.issue === issue,
  );
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const headers: Record<string, string> = {};
  if (lastPage > 1 || page > 1) {
    const link = (p: number, rel: string) => {
      const params = new URLSearchParams(url.searchParams);
      params.set('page', String(p));
      return `<${state.base}/repositories/${repo.id}/issues/${issue}/comments?${params}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
    if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    headers.link = links.join(', ');
  }
  answer(
    200,
    slice.map((c) => commentJson(state, c)),
    headers,
  );
}

function createComment(
  state: State,
  repo: EmulatedRepo | undefined,
  issue: number,
  req: Request,
  answer: Answer,
): void {
  if (!repo || !repo.pulls?.includes(issue)) return notFound(answer);
  if (!writable(state, req, answer, 'create-an-issue-comment')) return;
  const body = commentBody(req.body, answer, 'create-an-issue-comment');
  if (body === undefined) return;
  const comment = storeComment(state, repo.owner, repo.name, issue, body, state.actor, 'NONE');
  answer(201, commentJson(state, comment), { location: commentApiUrl(state, comment) });
}

function updateComment(
  state: State,
  repo: EmulatedRepo | undefined,
  id: number,
  req: Request,
  answer: Answer,
): void {
  const comment = state.comments.find(
    (c) => c.id === id && repo && c.owner === repo.owner && c.repo === repo.name,
  );
  if (!comment) return notFound(answer);
  if (!writable(state, req, answer, 'update-an-issue-comment')) return;
  const body = commentBody(req.body, answer, 'update-an-issue-comment');
  if (body === undefined) return;
  comment.body = body;
  comment.updatedAt = timestamp(new Date());
  answer(200, commentJson(state, comment));
}

function writable(state: State, req: Request, answer: Answer, anchor: string): boolean {
  if (!req.authorization) {
    answer(401, {
      message: 'Requires authentication',
      documentation_url: `${DOCS}#${anchor}`,
      status: '401',
    });
    return false;
  }
  if (state.readOnly) {
    answer(403, {
      message: 'Resource not accessible by integration',
      documentation_url: `${DOCS}#${anchor}`,
      status: '403',
    });
    return false;
  }
  return true;
}

/** The `body` field of a write, or undefined after answering 400/422 as GitHub does. */
function commentBody(raw: string, answer: Answer, anchor: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    answer(400, { message: 'Problems parsing JSON', documentation_url: `${DOCS}#${anchor}`, status: '400' });
    return undefined;
  }
  const body = (parsed as { body?: unknown } | null)?.body;
  if (typeof body !== 'string') {
    answer(422, {
      message: 'Invalid request.\n\n"body" wasn\'t supplied.',
      documentation_url: `${DOCS}#${anchor}`,
      status: '422',
    });
    return undefined;
  }
  // GitHub counts characters (code points), not UTF-16 units or bytes.
  if ([...body].length > MAX_COMMENT_CHARS) {
    answer(422, {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: `Body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
        },
      ],
      documentation_url: `${DOCS}#${anchor}`,
      status: '422',
    });
    return undefined;
  }
  return body;
}

function storeComment(
  state: State,
  owner: string,
  repo: string,
  issue: number,
  body: string,
  user: EmulatedUser,
  authorAssociation: string,
): StoredComment {
  const created = timestamp(new Date(Date.UTC(2024, 0, 1) + state.comments.length * 60_000));
  const comment: StoredComment = {
    id: state.nextCommentId++,
    owner,
    repo,
    issue,
    body,
    user,
    authorAssociation,
    createdAt: created,
    updatedAt: created,
  };
  state.comments.push(comment);
  return comment;
}

function commentApiUrl(state: State, comment: StoredComment): string {
  return `${state.base}/repos/${comment.owner}/${comment.repo}/issues/comments/${comment.id}`;
}

function commentJson(state: State, comment: StoredComment): Record<string, unknown> {
  const { user } = comment;
  const bot = user.type === 'Bot';
  return {
    url: commentApiUrl(state, comment),
    html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${state.base}/repos/${comment.owner}/${comment.repo}/issues/${comment.issue}`,
    id: comment.id,
    node_id: `IC_kwDO${Buffer.from(String(comment.id)).toString('base64url')}`,
    user: {
      login: user.login,
      id: user.id,
      node_id: `MDQ6VXNlcj${user.id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
      url: `${state.base}/users/${encodeURIComponent(user.login)}`,
      html_url: bot
        ? `https://github.com/apps/${user.login.replace(/\[bot\]$/, '')}`
        : `https://github.com/${user.login}`,
      type: user.type,
      site_admin: false,
    },
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.authorAssociation,
    body: comment.body,
    reactions: {
      url: `${commentApiUrl(state, comment)}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: bot
      ? { id: 15368, slug: user.login.replace(/\[bot\]$/, ''), name: 'GitHub Actions' }
      : null,
  };
}

function clampPerPage(raw: string | null): number {
  const value = positiveInt(raw);
  if (value === undefined) return 30;
  return Math.min(value, 100);
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 ? value : undefined;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...headers,
  });
  res.end(text);
}

function notFound(answer: Answer): void {
  answer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
}

function repoJson(repo: EmulatedRepo): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const api = `https://api.github.com/repos/${full}`;
  const license =
    repo.license === null || repo.license === undefined
      ? null
      : {
          key: repo.license.toLowerCase(),
          name: `${repo.license} License`,
          spdx_id: repo.license,
          url: `https://api.github.com/licenses/${repo.license.toLowerCase()}`,
          node_id: 'MDc6TGljZW5zZTEz',
        };
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name: repo.name,
    full_name: full,
    owner: {
      login: repo.owner,
      id: 1,
      type: 'Organization',
      url: `https://api.github.com/users/${repo.owner}`,
    },
    private: false,
    html_url: `https://github.com/${full}`,
    description: repo.description ?? null,
    fork: false,
    url: api,
    clone_url: `https://github.com/${full}.git`,
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    homepage: null,
    size: 108,
    stargazers_count: 80,
    watchers_count: 80,
    language: 'TypeScript',
    archived: false,
    disabled: false,
    visibility: 'public',
    license,
    topics: [],
    default_branch: repo.defaultBranch ?? 'main',
    created_at: '2011-01-26T19:01:12Z',
    updated_at: '2011-01-26T19:14:43Z',
    pushed_at: '2011-01-26T19:06:43Z',
  };
}

function commitJson(repo: EmulatedRepo, sha: string, date: string): Record<string, unknown> {
  const person = { name: 'Monalisa Octocat', email: 'support@github.com', date };
  return {
    sha,
    node_id: 'MDY6Q29tbWl0NmRjYjA5YjViNTc4NzVmMzM0ZjYxYWViZWQ2OTVlMmU0MTkzZGI1ZQ==',
    url: `https://api.github.com/repos/${repo.owner}/${repo.name}/commits/${sha}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
    commit: { author: person, committer: person, message: 'Fix all the bugs', comment_count: 0 },
    parents: [],
    files: [],
    stats: { additions: 0, deletions: 0, total: 0 },
  };
}
