import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRunnerCommands } from '../../src/action/runner.js';
import { createConsoleLogger, inertLine, inertLines } from '../../src/util/log.js';

describe('inertLine', () => {
  it('keeps a value on one line and shows its control characters', () => {
    expect(inertLine('a\nb\r\nc\u0000d\u001b[31me\u2028f\tg')).toBe(
      'a\\nb\\r\\nc\\x00d\\x1b[31me\\u2028f\tg',
    );
  });

  it('breaks a leading :: (after blanks) and every ##[ so the runner reads no command', () => {
    expect(inertLine('::set-output name=x::y')).toBe(': :set-output name=x::y');
    expect(inertLine('  \t::add-mask::s')).toBe('  \t: :add-mask::s');
    expect(inertLine('tag ##[add-mask]s and ##[x]')).toBe('tag ## [add-mask]s and ## [x]');
    expect(inertLine('ghcr.io/acme/app:1.0::x')).toBe('ghcr.io/acme/app:1.0::x');
  });

  it('inertLines keeps the lines of a message, each one inert', () => {
    expect(inertLines('failed:\n::error::x\r\n ::warning::y')).toBe('failed:\n: :error::x\n : :warning::y');
  });
});

describe('loggers print values inert', () => {
  it('the runner logger: info is one inert line outside untrusted groups, verbatim inside them', () => {
    const lines: string[] = [];
    const { logger } = createRunnerCommands({}, (line) => lines.push(line));
    logger.info('ghcr.io/acme/app:1\n::set-env name=X::1');
    logger.info('::add-mask::x');
    logger.startGroup('build', { untrusted: true });
    logger.info('::add-mask::y');
    logger.endGroup();
    expect(lines[0]).toBe('ghcr.io/acme/app:1\\n::set-env name=X::1');
    expect(lines[1]).toBe(': :add-mask::x');
    expect(lines).toContain('::add-mask::y');
  });

  it('the console logger (the CLI, whose stderr a workflow step also reads) makes every line inert', () => {
    let out = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const logger = createConsoleLogger(stream);
    logger.error('build failed:\n::add-mask::x\n##[set-output name=a;]b');
    expect(out.split('\n').filter((line) => /^\s*::|##\[/.test(line))).toEqual([]);
    expect(out).toContain(': :add-mask::x');
  });
});
