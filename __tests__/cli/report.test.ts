import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { recordingRunner } from '../helpers/ecr-recorders.js';
import { dockerSave, ociLayout } from '../report/helpers/image-tar.js';
import { layer } from '../pipeline/report-fixtures.js';
import { capturedOutput } from '../helpers/captured-output.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ib-cli-report-'));
  const base = await layer({ 'bin/busybox': 3000 });
  const app = await layer({ 'app/app.bin': 700, 'app/.env': 20 });
  const bigger = await layer({ 'app/app.bin': 5000 });
  writeFileSync(join(dir, 'app.tar'), await dockerSave({ layers: [base, app], user: '10001' }));
  ociLayout(join(dir, 'layout'), { layers: [base, bigger], user: '10001' });
});

async function report(argv: string[]) {
  const { stdout, stderr, out: written, err: errors } = capturedOutput();
  const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
  const code = await runCli({ argv: ['report', ...argv], env: {}, stdout, stderr, runner, cwd: dir });
  return { code, out: written(), err: errors(), commands: runner.commands };
}

describe('image-build report, without a daemon', () => {
  it('a docker save tarball: the terminal report, no command run; a secret-looking file fails its check', async () => {
    const { code, out, err, commands } = await report(['app.tar']);
    expect(commands).toEqual([]);
    expect(out).toContain('app.tar');
    expect(out).toContain('3.63 KiB'); // 3,720 bytes of files, uncompressed
    expect(code, err).toBe(1);
    expect(err).toMatch(/error: a check of app\.tar failed: No secret-looking files: /);
  });

  it('--json prints the JSON report; the check levels are the action inputs', async () => {
    const { code, out } = await report(['app.tar', '--json', '--report-checks', 'secrets=warn']);
    expect(code).toBe(0);
    const document = JSON.parse(out) as {
      images: { source: string; sizes: { uncompressedBytes: number } }[];
    };
    expect(document.images[0].source).toBe('docker-save');
    expect(document.images[0].sizes.uncompressedBytes).toBe(3000 + 700 + 20);
  });

  it('an OCI layout against the tarball as baseline, markdown to --summary', async () => {
    const { code, err } = await report([
      '--image',
      'layout',
      '--baseline',
      'app.tar',
      '--summary',
      'report.md',
      '--report-checks',
      'secrets=off',
    ]);
    expect(code, err).toBe(0);
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(markdown).toContain('vs app.tar');
    expect(markdown).toContain('Read from');
  });

  it.each([
    [['missing.tar'], /error: input "image": missing\.tar: no such file or directory/],
    [['ghcr.io/acme/app'], /as an image it needs a tag or a digest/],
    [['app.tar', '--image', 'app.tar'], /give the image once \(as --image or as the argument\)/],
    [
      ['app.tar', 'other.tar'],
      /unexpected argument "other\.tar"; report takes one argument \(the image\) and flags/,
    ],
    [[], /report: name the image: image-build report IMAGE/],
  ])('%j is refused before anything is read', async (argv, message) => {
    const { code, err } = await report(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('image-build build: the report at the end', () => {
  async function build(tty: boolean) {
    const root = mkdtempSync(join(tmpdir(), 'ib-cli-build-'));
    writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
    const stdout = Object.assign(new PassThrough(), { isTTY: tty });
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.resume();
    const code = await runCli({
      argv: ['build', '--images', 'acme/app', '--tag', 'v1', '--metadata-context', 'workflow'],
      env: { GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main', HOME: root, TERM: 'dumb' },
      stdout,
      stderr,
      runner: recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' })),
      cwd: root,
      pipeline: {
        builder: { kind: 'classic', docker: 'docker', engineVersion: '20.10.24', platforms: ['linux/amd64'] },
      },
    });
    return { code, out, root };
  }

  it('a terminal gets the text tables; a pipe gets markdown; both get the JSON file in the working directory', async () => {
    const terminal = await build(true);
    expect(terminal.code).toBe(0);
    expect(terminal.out).toMatch(/^Image acme\/app$/m);
    expect(terminal.out).not.toContain('### Image');
    const piped = await build(false);
    expect(piped.out).toMatch(/^### Image acme\/app$/m);
    expect(JSON.parse(readFileSync(join(piped.root, 'image-build-report.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    });
  });
});
