import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunnerCommands } from '../../src/action/runner.js';

function setup(extra: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ib-runner-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = { ...files, ...extra };
  const lines: string[] = [];
  return { env, files, lines, runner: createRunnerCommands(env, (line) => lines.push(line)) };
}

/** What the runner reads back from a file command file. */
function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of text.matchAll(/^([^<\n]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm))
    values[match[1]] = match[3];
  return values;
}

describe('runner commands', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('reads INPUT_* as the runner sets them: upper case, spaces to underscores, dashes kept, trimmed unless asked', () => {
    const { runner } = setup({ 'INPUT_BUILD-ARGS': ' A=1\nB=2 ', 'INPUT_SEP-TAGS': ' , ' });
    expect(runner.getInput('build-args')).toBe('A=1\nB=2');
    expect(runner.getInput('sep-tags', { trimWhitespace: false })).toBe(' , ');
    expect(runner.getInput('missing')).toBe('');
  });

  it('writes multi-line outputs, env and state as delimited file commands', () => {
    const { runner, files, env } = setup();
    runner.setOutput('tags', 'a:1\na:2');
    runner.exportVariable('DOCKER_METADATA_OUTPUT_VERSION', '1.2.3');
    runner.saveState('post', '{"x":1}');
    expect(parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'))).toEqual({ tags: 'a:1\na:2' });
    expect(parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8'))).toEqual({
      DOCKER_METADATA_OUTPUT_VERSION: '1.2.3',
    });
    expect(parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))).toEqual({ post: '{"x":1}' });
    expect(env.DOCKER_METADATA_OUTPUT_VERSION).toBe('1.2.3');
  });

  it('escapes command data so a message cannot inject another command', () => {
    const { runner, lines } = setup();
    runner.logger.warning('50% done\n::add-mask::nothing');
    runner.logger.setSecret('s3cr3t');
    runner.logger.startGroup('Tags');
    runner.logger.endGroup();
    expect(lines).toEqual([
      '::warning::50%25 done%0A::add-mask::nothing',
      '::add-mask::s3cr3t',
      '::group::Tags',
      '::endgroup::',
    ]);
  });

  it('an untrusted group stops runner commands inside it with a fresh random token, resumed before it ends', () => {
    const { runner, lines } = setup();
    runner.logger.startGroup('Building', { untrusted: true });
    runner.logger.info('::add-mask::x');
    runner.logger.endGroup();
    runner.logger.startGroup('Building again', { untrusted: true });
    runner.logger.endGroup();
    const token = /^::stop-commands::(.+)$/.exec(lines[1])?.[1] ?? '';
    expect(token).toMatch(/^[0-9a-f-]{32,}$/);
    expect(lines.slice(0, 5)).toEqual([
      '::group::Building',
      `::stop-commands::${token}`,
      '::add-mask::x',
      `::${token}::`,
      '::endgroup::',
    ]);
    const second = /^::stop-commands::(.+)$/.exec(lines[6])?.[1];
    expect(second).not.toBe(token);
    expect(lines.slice(5)).toEqual([
      '::group::Building again',
      `::stop-commands::${second}`,
      `::${second}::`,
      '::endgroup::',
    ]);
  });

  it('a group opened while an untrusted one is still open resumes commands first', () => {
    const { runner, lines } = setup();
    runner.logger.startGroup('Building', { untrusted: true });
    runner.logger.startGroup('Tags');
    runner.logger.endGroup();
    const token = lines[1].slice('::stop-commands::'.length);
    expect(lines.slice(2)).toEqual([`::${token}::`, '::group::Tags', '::endgroup::']);
  });

  it('appends the job summary and fails the step with an error annotation', () => {
    const { runner, files, lines } = setup();
    runner.appendSummary('## Image');
    runner.setFailed('input "tags", line 2: unknown type');
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe('## Image\n');
    expect(lines).toEqual(['::error::input "tags", line 2: unknown type']);
    expect(process.exitCode).toBe(1);
  });
});
