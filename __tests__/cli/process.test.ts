import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/main.js';
import { startCli, type CliProcess } from '../../src/cli/process.js';
import { processRunner } from '../../src/util/exec.js';

type Listener = (reason?: unknown) => void;

function fakeProcess() {
  const listeners = new Map<string, Listener>();
  let err = '';
  const stderr = new PassThrough();
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exits: number[] = [];
  const proc: CliProcess = {
    argv: ['node', 'image-build', 'build'],
    env: {},
    stdout: new PassThrough(),
    stderr,
    cwd: () => '/',
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    exit: (code) => void exits.push(code),
  };
  return { proc, listeners, exits, err: () => err };
}

describe('startCli: the entry point handles every rejection', () => {
  it('a command that rejects becomes one line and exit 1', async () => {
    const fake = fakeProcess();
    await startCli(fake.proc, processRunner, async () => {
      throw new Error('registry exploded');
    });
    expect(fake.proc.exitCode).toBe(1);
    expect(fake.err()).toBe('error: internal error: registry exploded\n');
  });

  it('a rejection nobody awaited, and an uncaught exception, are one line each', async () => {
    const fake = fakeProcess();
    await startCli(fake.proc, processRunner, async () => 0);
    fake.listeners.get('unhandledRejection')?.(new Error('late\nrejection'));
    expect(fake.err()).toBe('error: unhandled rejection: late\\nrejection\n');
    expect(fake.proc.exitCode).toBe(1);
    fake.listeners.get('uncaughtException')?.(new TypeError('boom'));
    expect(fake.err()).toContain('error: uncaught exception: internal error: boom\n');
    expect(fake.exits).toEqual([1]);
  });

  it('Ctrl-C aborts the run, which ends with 130; a second Ctrl-C quits at once', async () => {
    const fake = fakeProcess();
    let seen: AbortSignal | undefined;
    const run = (io: CliIO) =>
      new Promise<number>((resolve) => {
        seen = io.signal;
        io.signal?.addEventListener('abort', () => {
          fake.listeners.get('SIGINT')?.();
          resolve(130);
        });
        fake.listeners.get('SIGINT')?.();
      });
    await startCli(fake.proc, processRunner, run);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBe('SIGINT');
    expect(fake.err()).toContain('SIGINT: stopping, then cleaning up (again to quit at once)');
    expect(fake.err()).toContain('SIGINT again: quitting without cleaning up');
    expect(fake.exits).toEqual([130, 130]);
    expect(fake.proc.exitCode).toBe(130);
  });
});

describe('the bundled entry point', () => {
  // The same entry, bundled as `npm run build` bundles it, run as a real process.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = join(mkdtempSync(join(tmpdir(), 'ib-cli-bundle-')), 'index.mjs');
  execFileSync(
    'npx',
    [
      'esbuild',
      'src/cli/index.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${out}`,
      '--log-level=error',
      "--banner:js=import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    ],
    { cwd: root },
  );

  it('never prints a stack or a Node warning for an expected error', () => {
    const context = mkdtempSync(join(tmpdir(), 'ib-cli-ctx-'));
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\n');
    const result = spawnSync('node', [out, 'build', '--context', context, '--tags', 'type=nope'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: context },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: input "tags"/);
  });
});
