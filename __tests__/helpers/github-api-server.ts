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
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  userAgent?: string;
}

export interface GitHubApiServer {
  /** Base URL to put in GITHUB_API_URL. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback emulator of the GitHub REST endpoints the tag engine calls (GET /repos/{owner}/{repo},
 * GET /repos/{owner}/{repo}/commits/{ref}), answering with the real JSON shapes and status codes.
 * When `token` is set, requests must carry it (`token …` or `Bearer …`) or get 401.
 */
export async function startGitHubApiServer(repos: EmulatedRepo[], token?: string): Promise<GitHubApiServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'],
    });
    handle(req, res, path, repos, token);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  repos: EmulatedRepo[],
  token?: string,
): void {
  if (token !== undefined) {
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      return send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
  }
  if (req.method !== 'GET') return notFound(res);
  const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(?:\/commits\/([^/]+))?$/.exec(path);
  const repo = repoMatch && repos.find((r) => r.owner === repoMatch[1] && r.name === repoMatch[2]);
  if (!repoMatch || !repo) return notFound(res);
  if (repoMatch[3] !== undefined) {
    const date = repo.commits?.[repoMatch[3]];
    if (!date) {
      return send(res, 422, {
        message: `No commit found for SHA: ${repoMatch[3]}`,
        documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit',
        status: '422',
      });
    }
    return send(res, 200, commitJson(repo, repoMatch[3], date));
  }
  return send(res, 200, repoJson(repo));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
  });
  res.end(text);
}

function notFound(res: ServerResponse): void {
  send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
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
