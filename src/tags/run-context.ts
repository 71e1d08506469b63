import { readFile } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import type { CommandRunner } from '../util/exec.js';
import { gitCommitDate, gitRef, gitSha } from './git-context.js';
import type { ContextSource, RunContext } from './types.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface RunContextOptions {
  /** Reads the event payload file (GITHUB_EVENT_PATH); defaults to the file system. */
  readFile?: (path: string) => Promise<string>;
  /** The commit date from the GitHub API, when the payload does not carry it. */
  lookupCommitDate?: (sha: string) => Promise<Date | undefined>;
  /** Where `context: git` runs git; defaults to the current directory. */
  cwd?: string;
  now?: Date;
}

/**
 * The run as metadata-action sees it. `workflow`: the GITHUB_* variables and the event payload
 * (pull_request_target uses refs/pull/N/merge; DOCKER_METADATA_PR_HEAD_SHA=true takes the PR head).
 * `git`: the same, with ref, sha and commit date read from the checkout.
 */
export async function resolveRunContext(
  source: ContextSource,
  env: Env,
  runner: CommandRunner,
  options: RunContextOptions = {},
): Promise<RunContext> {
  const payload = await readPayload(env, options.readFile ?? ((path) => readFile(path, 'utf8')));
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const base = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repo: { owner, repo },
    shortShaLength: shortShaLength(env),
    annotationLevels: (env.DOCKER_METADATA_ANNOTATIONS_LEVELS || 'manifest').split(','),
  };
  const now = options.now ?? new Date();

  if (source === 'git') {
    // Independent reads of the checkout, at once (a few ms each: a run waits for them).
    const [sha, ref] = await Promise.all([gitSha(runner, options.cwd), gitRef(runner, options.cwd)]);
    const commitDate = (await gitCommitDate(runner, sha, options.cwd)) ?? now;
    return { ...base, ref, sha, commitDate };
  }

  let ref = env.GITHUB_REF ?? '';
  let sha = env.GITHUB_SHA ?? '';
  if (/pull_request_target/.test(base.eventName)) {
    ref = `refs/pull/${String(payload.number)}/merge`;
  }
  if (/true/i.test(env.DOCKER_METADATA_PR_HEAD_SHA ?? '') && /pull_request/.test(base.eventName)) {
    const head = (payload.pull_request as { head?: { sha?: unknown } } | undefined)?.head?.sha;
    if (typeof head === 'string') sha = head;
  }
  const commitDate = payloadCommitDate(payload, sha) ?? (await lookup(options, sha)) ?? now;
  return { ...base, ref, sha, commitDate };
}

/**
 * The event payload at GITHUB_EVENT_PATH. A missing file is an empty payload, as @actions/github
 * reads it (a local run may point at nothing); a file that exists but cannot be read, is empty or is
 * not a JSON object is an InputError naming the file, not a JSON parser's message and stack.
 */
async function readPayload(
  env: Env,
  read: (path: string) => Promise<string>,
): Promise<Record<string, unknown>> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  const fail = (detail: string): never => {
    throw new InputError('GITHUB_EVENT_PATH', `the event file "${path}" ${detail}`);
  };
  let text = '';
  try {
    text = await read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    fail(`cannot be read (${code ?? (error as Error).message})`);
  }
  if (text.trim() === '') fail('is empty; it should hold the webhook event as JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`is not JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    fail('does not hold a JSON object');
  return parsed as Record<string, unknown>;
}

function shortShaLength(env: Env): number {
  const raw = env.DOCKER_METADATA_SHORT_SHA_LENGTH;
  if (!raw) return 7;
  const length = Number(raw);
  if (!Number.isInteger(length) || length <= 0) {
    throw new InputError(
      'DOCKER_METADATA_SHORT_SHA_LENGTH',
      `expected a positive whole number, got "${raw}"`,
    );
  }
  return length;
}

/** A push payload carries commit timestamps: `commits[]` for branches, `head_commit` for tags. */
function payloadCommitDate(payload: Record<string, unknown>, sha: string): Date | undefined {
  const commits = payload.commits as Array<{ id?: string; timestamp?: string }> | undefined;
  const fromCommits = Array.isArray(commits)
    ? commits.find((commit) => commit.id === sha)?.timestamp
    : undefined;
  if (fromCommits) return new Date(fromCommits);
  const head = payload.head_commit as { id?: string; timestamp?: string } | undefined | null;
  if (head && head.id === sha && head.timestamp) return new Date(head.timestamp);
  return undefined;
}

async function lookup(options: RunContextOptions, sha: string): Promise<Date | undefined> {
  if (!options.lookupCommitDate || !sha) return undefined;
  try {
    return await options.lookupCommitDate(sha);
  } catch {
    // metadata-action falls back to the current date when the API cannot answer.
    return undefined;
  }
}
