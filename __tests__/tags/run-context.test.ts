import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRunContext } from '../../src/tags/run-context.js';
import { InputError } from '../../src/util/errors.js';
import type { CommandRunner, ExecResult } from '../../src/util/exec.js';
import { processRunner } from '../../src/util/exec.js';

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';
const payloadReader = (payload: object) => async () => JSON.stringify(payload);
const noGit: CommandRunner = { run: async () => ({ exitCode: 127, stdout: '', stderr: 'no git' }) };
const env = (extra: Record<string, string> = {}) => ({
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: '/event.json',
  GITHUB_REF: 'refs/heads/dev',
  GITHUB_SHA: SHA,
  GITHUB_REPOSITORY: 'octocat/Hello-World',
  ...extra,
});

describe('resolveRunContext (workflow)', () => {
  it('reads the GITHUB_* variables and the commit date from the push payload', async () => {
    const context = await resolveRunContext('workflow', env(), noGit, {
      readFile: payloadReader({ commits: [{ id: SHA, timestamp: '2020-01-09T22:00:00+01:00' }] }),
    });
    expect(context).toMatchObject({ eventName: 'push', ref: 'refs/heads/dev', sha: SHA, shortShaLength: 7 });
    expect(context.repo).toEqual({ owner: 'octocat', repo: 'Hello-World' });
    expect(context.commitDate.toISOString()).toBe('2020-01-09T21:00:00.000Z');
    expect(context.annotationLevels).toEqual(['manifest']);
  });

  it('falls back to the API lookup, then to now', async () => {
    const now = new Date('2021-01-01T00:00:00Z');
    const viaApi = await resolveRunContext('workflow', env(), noGit, {
      readFile: payloadReader({}),
      lookupCommitDate: async (sha) => (sha === SHA ? new Date('2020-05-05T00:00:00Z') : undefined),
      now,
    });
    expect(viaApi.commitDate.toISOString()).toBe('2020-05-05T00:00:00.000Z');
    const failing = await resolveRunContext('workflow', env(), noGit, {
      readFile: payloadReader({}),
      lookupCommitDate: async () => Promise.reject(new Error('offline')),
      now,
    });
    expect(failing.commitDate).toEqual(now);
  });

  it('pull_request_target: refs/pull/N/merge; PR head sha only with DOCKER_METADATA_PR_HEAD_SHA', async () => {
    const payload = { number: 7, pull_request: { head: { sha: 'b'.repeat(40) } } };
    const plain = await resolveRunContext(
      'workflow',
      env({ GITHUB_EVENT_NAME: 'pull_request_target' }),
      noGit,
      {
        readFile: payloadReader(payload),
      },
    );
    expect(plain.ref).toBe('refs/pull/7/merge');
    expect(plain.sha).toBe(SHA);
    const head = await resolveRunContext(
      'workflow',
      env({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        DOCKER_METADATA_PR_HEAD_SHA: 'true',
      }),
      noGit,
      { readFile: payloadReader(payload) },
    );
    expect(head.sha).toBe('b'.repeat(40));
  });

  it('validates DOCKER_METADATA_SHORT_SHA_LENGTH and splits the annotation levels', async () => {
    const context = await resolveRunContext(
      'workflow',
      env({ DOCKER_METADATA_SHORT_SHA_LENGTH: '12', DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,index' }),
      noGit,
      { readFile: payloadReader({}) },
    );
    expect(context.shortShaLength).toBe(12);
    expect(context.annotationLevels).toEqual(['manifest', 'index']);
    await expect(
      resolveRunContext('workflow', env({ DOCKER_METADATA_SHORT_SHA_LENGTH: 'abc' }), noGit, {
        readFile: payloadReader({}),
      }),
    ).rejects.toThrow(/DOCKER_METADATA_SHORT_SHA_LENGTH/);
  });
});

describe('resolveRunContext (git)', () => {
  it('reads branch, sha and commit date from a real checkout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-tags-git-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_COMMITTER_DATE: '2022-03-04T05:06:07Z',
          GIT_AUTHOR_DATE: '2022-03-04T05:06:07Z',
        },
      })
        .toString()
        .trim();
    git('init', '-q', '-b', 'feature/x');
    writeFileSync(join(dir, 'f'), 'x');
    git('add', 'f');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'c');
    const context = await resolveRunContext('git', env(), processRunner, {
      cwd: dir,
      readFile: payloadReader({}),
    });
    expect(context.ref).toBe('refs/heads/feature/x');
    expect(context.sha).toBe(git('rev-parse', 'HEAD'));
    expect(context.commitDate.toISOString()).toBe('2022-03-04T05:06:07.000Z');

    git('tag', 'v1.0.0');
    git('checkout', '-q', '--detach', 'v1.0.0');
    const detached = await resolveRunContext('git', env(), processRunner, {
      cwd: dir,
      readFile: payloadReader({}),
    });
    expect(detached.ref).toBe('refs/tags/v1.0.0');
  });

  it('maps detached decorations the way actions-toolkit does', async () => {
    const fake = (decorations: string): CommandRunner => ({
      run: async (_file, args): Promise<ExecResult> => {
        if (args[0] === 'symbolic-ref') return { exitCode: 1, stdout: '', stderr: '' };
        if (args[0] === 'show') return { exitCode: 0, stdout: `${decorations}\n`, stderr: '' };
        if (args[0] === 'rev-parse') return { exitCode: 0, stdout: `${SHA}\n`, stderr: '' };
        return { exitCode: 0, stdout: '2020-01-01T00:00:00Z\n', stderr: '' };
      },
    });
    const ref = async (d: string) =>
      (await resolveRunContext('git', env(), fake(d), { readFile: payloadReader({}) })).ref;
    expect(await ref('HEAD, origin/main, main')).toBe('refs/heads/main');
    expect(await ref('grafted, HEAD, tag: v2.0.0')).toBe('refs/tags/v2.0.0');
    expect(await ref('HEAD, pull/12/merge')).toBe('refs/pull/12/merge');
    await expect(ref('HEAD')).rejects.toThrow(/detached HEAD/);
  });
});

describe('resolveRunContext: the event file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-event-'));
  const withFile = (name: string, content?: string) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return resolveRunContext('workflow', env({ GITHUB_EVENT_PATH: path }), noGit);
  };

  it('an empty, non-JSON, non-object or unreadable event file is an InputError naming the file', async () => {
    const empty = withFile('empty.json', '');
    await expect(empty).rejects.toBeInstanceOf(InputError);
    await expect(empty).rejects.toThrow(
      `input "GITHUB_EVENT_PATH": the event file "${join(dir, 'empty.json')}" is empty`,
    );
    await expect(withFile('blank.json', ' \n')).rejects.toThrow(/blank\.json" is empty/);
    await expect(withFile('cut.json', '{"ref": "refs/he')).rejects.toThrow(/cut\.json" is not JSON \(/);
    await expect(withFile('array.json', '[1]')).rejects.toThrow(/array\.json" does not hold a JSON object/);
    await expect(withFile('null.json', 'null')).rejects.toThrow(/null\.json" does not hold a JSON object/);
    mkdirSync(join(dir, 'a-directory'));
    await expect(withFile('a-directory')).rejects.toThrow(/a-directory" cannot be read \(EISDIR\)/);
  });

  it('a missing event file is an empty payload, as @actions/github reads it', async () => {
    const context = await withFile('missing.json');
    expect(context.payload).toEqual({});
    expect(context.ref).toBe('refs/heads/dev');
  });
});
