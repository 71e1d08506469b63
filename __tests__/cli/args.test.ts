import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/main.js';
import type { CommandRunner } from '../../src/util/exec.js';

describe('parseArgs', () => {
  it('maps flags to action inputs, joining repeated flags as lines', () => {
    const parsed = parseArgs([
      'build',
      '--tags',
      'type=sha',
      '--tags=type=ref,event=branch',
      '--push',
      '--Context',
      'app',
    ]);
    expect(parsed.command).toBe('build');
    expect(parsed.inputs.get('tags')).toBe('type=sha\ntype=ref,event=branch');
    expect(parsed.inputs.get('push')).toBe('true');
    expect(parsed.inputs.get('context')).toBe('app');
  });

  it('rejects a second command word', () => {
    expect(() => parseArgs(['build', 'tags'])).toThrow(/unexpected argument "tags"/);
  });
});

describe('runCli', () => {
  const noCommands: CommandRunner = {
    run: async (file, args) => {
      throw new Error(`no command expected, got ${file} ${args.join(' ')}`);
    },
  };
  async function cli(argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await runCli({ argv, env: {}, stdout, stderr, runner: noCommands, cwd: process.cwd() });
    return { code, out, err };
  }

  it('prints usage for --help and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: image-build <command>');
  });

  it('exits 2 on an unknown command', async () => {
    const { code, err } = await cli(['deploy']);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "deploy"');
  });

  it('exits 2 with the input named on bad input, before running any command', async () => {
    const { code, err } = await cli(['build', '--tags', 'type=nope', '--push']);
    expect(code).toBe(2);
    expect(err).toMatch(/input "tags", line 1/);
  });

  it('promote needs a source', async () => {
    const { code, err } = await cli(['promote', '--images', 'localhost:5000/app']);
    expect(code).toBe(2);
    expect(err).toContain('input "promote-from"');
  });
});
