import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClassicBuilder } from '../../src/build/index.js';
import { runCli, type CliIO } from '../../src/cli/main.js';
import type { CommandRunner, ExecResult } from '../../src/util/exec.js';
import { recordingRunner } from '../helpers/ecr-recorders.js';
import { capturedOutput } from '../helpers/captured-output.js';

const builder: ClassicBuilder = {
  kind: 'classic',
  docker: '/usr/bin/docker',
  engineVersion: '20.10.24',
  platforms: ['linux/amd64'],
};

const ok: ExecResult = { exitCode: 0, stdout: '', stderr: '' };

let root: string;
let previousTmp: string | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ib-cli-main-'));
  // The build's work directories go here, so a test can see that none is left behind.
  previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = join(root, 'tmp');
  mkdirSync(process.env.TMPDIR);
  mkdirSync(join(root, 'context'));
  writeFileSync(join(root, 'context', 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  writeFileSync(join(root, 'event.json'), JSON.stringify({ ref: 'refs/heads/main' }));
});
afterEach(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
});

async function cli(argv: string[], runner: CommandRunner, extra: Partial<CliIO> = {}) {
  const { stdout, stderr, out: written, err: errors } = capturedOutput();
  const code = await runCli({
    argv,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: join(root, 'event.json'),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      RUNNER_TEMP: root,
      HOME: root,
    },
    stdout,
    stderr,
    runner,
    cwd: join(root, 'context'),
    pipeline: { builder, now: new Date('2023-12-03T14:30:22Z') },
    ...extra,
  });
  return { code, out: written(), err: errors() };
}

const noCommands: CommandRunner = {
  run: async (file, args) => {
    throw new Error(`no command expected, got ${file} ${args.join(' ')}`);
  },
};

describe('runCli: errors are one line', () => {
  it('bad input: exit 2, the input named, no stack, nothing run', async () => {
    const { code, err, out } = await cli(['build', '--tags', 'type=nope'], noCommands);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^error: input "tags", line 1, field "type": unknown tag type "nope"; expected one of [^\n]*\n$/,
    );
    expect(out).toBe('');
  });

  it('--debug adds the stack', async () => {
    const { code, err } = await cli(['build', '--tags', 'type=nope', '--debug'], noCommands);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toMatch(/^error: input "tags", line 1, field "type": unknown tag type "nope"/);
    expect(err).toMatch(/\n\s+at .*parseTagLines/);
  });

  it('a bad command line: exit 2, one line, before anything runs', async () => {
    const { code, err } = await cli(['build', '--tagz', 'x', '--push'], noCommands);
    expect([code, err]).toEqual([
      2,
      'error: build: unknown flag --tagz (did you mean --tag?); see image-build build --help\n',
    ]);
  });

  it('a failed build: exit 1, its one line, then the builder last lines (inert), no stack', async () => {
    const runner = recordingRunner((_file, args) =>
      args[0] === 'build'
        ? {
            exitCode: 1,
            stdout: '',
            stderr: '#5 [2/2] RUN make\n#5 ERROR: make: *** no rule\n::error::planted',
          }
        : ok,
    );
    const { code, err } = await cli(['build', '--images', 'app', '--tags', 'type=raw,value=x'], runner);
    expect(code).toBe(1);
    const lines = err.trimEnd().split('\n');
    const first = lines.findIndex((line) => line.startsWith('error: '));
    expect(lines[first]).toBe('error: the build failed (exit 1)');
    expect(lines.slice(first + 1)).toEqual([
      '  #5 [2/2] RUN make',
      '  #5 ERROR: make: *** no rule',
      '  : :error::planted',
    ]);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a bug of ours reads as an internal error, with a hint for the stack', async () => {
    const broken: CommandRunner = {
      run: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    };
    const { code, err } = await cli(['build', '--images', 'app', '--tags', 'type=raw,value=x'], broken);
    expect(code).toBe(1);
    expect(err).toContain("error: internal error: Cannot read properties of undefined (reading 'x')\n");
    expect(err).toContain('(run again with --debug for the stack)');
  });

  it('help goes to stdout with exit 0', async () => {
    const { code, out } = await cli(['tags', '--help'], noCommands);
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: image-build tags \[flags\]/);
  });

  it('--version (also -V, version) prints the package.json version on stdout with exit 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    for (const word of ['--version', '-V', 'version']) {
      const { code, out, err } = await cli([word], noCommands);
      expect(code).toBe(0);
      expect(out).toBe(`image-build ${version}\n`);
      expect(err).toBe('');
    }
  });
});

describe('runCli: output for scripts', () => {
  it('--json puts one JSON object on stdout and nothing else; progress stays on stderr', async () => {
    const runner = recordingRunner(() => ok);
    const { code, out, err } = await cli(
      ['build', '--images', 'acme/app', '--env', 'dev', '--registry', 'localhost:5000', '--json'],
      runner,
    );
    expect(code, err).toBe(0);
    const outputs = JSON.parse(out) as Record<string, string>;
    expect(outputs.tags.split('\n')).toEqual([
      'localhost:5000/acme/app:dev',
      'localhost:5000/acme/app:dev-20231203-143022',
      'localhost:5000/acme/app:git-a1b2c3d',
      'localhost:5000/acme/app:latest',
    ]);
    // `report` is the JSON report's path (in the working directory), `report-markdown` the markdown.
    expect(outputs.report).toBe(join(root, 'context', 'image-build-report.json'));
    const document = JSON.parse(readFileSync(outputs.report, 'utf8')) as { images: { image: string }[] };
    expect(document.images.map((image) => image.image)).toEqual(['localhost:5000/acme/app']);
    expect(outputs['report-markdown']).toContain('localhost:5000/acme/app');
    expect(err).toContain('▸ build');
    expect(err).toContain('▸ report');
  });

  it('without --json, stdout has the tags and the report', async () => {
    const { code, out } = await cli(
      ['build', '--images', 'acme/app', '--tag', 'v1'],
      recordingRunner(() => ok),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^tags\n {2}acme\/app:v1\n/);
    expect(out).toContain('acme/app');
  });
});

describe('runCli: Ctrl-C', () => {
  it('stops the build, runs the post step (the local cache is saved), removes temp files, exits 130', async () => {
    const controller = new AbortController();
    const order: string[] = [];
    const runner: CommandRunner = {
      run: (file, args, options = {}) => {
        order.push(args.slice(0, 2).join(' '));
        if (args[0] !== 'build') return Promise.resolve(ok);
        // The build runs until it is stopped, as a real one would.
        return new Promise((_resolve, reject) => {
          options.signal?.addEventListener('abort', () => reject(new Error('The operation was aborted')));
          setTimeout(() => controller.abort('SIGINT'), 10);
        });
      },
    };
    const { code, err } = await cli(
      ['build', '--images', 'acme/app', '--tag', 'v1', '--cache', 'local'],
      runner,
      {
        signal: controller.signal,
      },
    );
    expect(code, err + order.join('\n')).toBe(130);
    expect(err).toContain('error: The operation was aborted');
    expect(order.at(-1), err + order.join('\n')).toBe('save --output');
    expect(order.indexOf('save --output')).toBeGreaterThan(order.indexOf('build --progress'));
    expect(err).toMatch(/local cache/);
    expect(readdirSync(process.env.TMPDIR as string)).toEqual([]);
  });
});
