import { describe, expect, it } from 'vitest';
import { type BuildInputName, readBuildInputs } from '../../src/build/inputs.js';
import type { Builder } from '../../src/engine/builder.js';
import { validateBuild } from '../../src/build/validate.js';
import { InputError } from '../../src/util/errors.js';
import { buildx, classic, makeContext } from './helpers.js';

function attempt(
  values: Partial<Record<BuildInputName, string>>,
  builder: Builder = buildx,
  context = makeContext(),
) {
  const inputs = readBuildInputs((name) =>
    name === 'context' ? (values.context ?? context) : (values[name] ?? ''),
  );
  return () => validateBuild(inputs, builder, undefined, context);
}

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('validateBuild: bad input is an InputError naming the input before anything runs', () => {
  it('accepts a good build and returns the parsed Dockerfile', () => {
    const result = attempt({ target: 'builder', 'build-args': 'A=1\nB', ulimit: 'nofile=1024:2048' })();
    expect(result.dockerfile.stages.map((stage) => stage.name)).toEqual(['base', 'builder', undefined]);
  });

  const cases: [string, Partial<Record<BuildInputName, string>>, string, number | undefined, RegExp][] = [
    ['missing context', { context: '/nonexistent/ctx' }, 'context', undefined, /does not exist/],
    ['missing Dockerfile', { file: 'nope/Dockerfile' }, 'file', undefined, /does not exist/],
    [
      'unknown target',
      { target: 'tester' },
      'target',
      undefined,
      /no stage named "tester".*stages: base, builder/,
    ],
    ['build-arg without a name', { 'build-args': 'A=1\n=oops' }, 'build-args', 2, /NAME=value/],
    ['secret without =', { secrets: 'GIT_AUTH_TOKEN' }, 'secrets', 1, /id=value/],
    [
      'secret-envs with a bad variable',
      { 'secret-envs': 'a=not-a-var' },
      'secret-envs',
      1,
      /environment variable/,
    ],
    [
      'secret-files with a missing file',
      { 'secret-files': 'a=/no/such/file' },
      'secret-files',
      1,
      /does not exist/,
    ],
    ['ulimit with an unknown name', { ulimit: 'nofile=1\nfiles=2' }, 'ulimit', 2, /unknown limit "files"/],
    ['ulimit with a bad value', { ulimit: 'nofile=many' }, 'ulimit', 1, /soft\[:hard\]/],
    ['add-hosts without an address', { 'add-hosts': 'db' }, 'add-hosts', undefined, /host:ip/],
    ['shm-size not a size', { 'shm-size': 'big' }, 'shm-size', undefined, /size/],
    [
      'a platform the builder lacks',
      { platforms: 'linux/s390x' },
      'platforms',
      undefined,
      /cannot build linux\/s390x/,
    ],
  ];
  it.each(cases)('%s', (_name, values, input, line, message) => {
    const error = errorOf(attempt(values));
    expect(error.input).toBe(input);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`input "${input}"`);
  });

  it('never echoes a secret line in the error', () => {
    const error = errorOf(attempt({ secrets: 'ok=1\n  =hunter2' }));
    expect(error.line).toBe(2);
    expect(error.message).not.toContain('hunter2');
  });

  it('the classic builder refuses what it cannot build rather than dropping it', () => {
    expect(errorOf(attempt({ platforms: 'linux/amd64,linux/arm64' }, classic)).input).toBe('platforms');
    expect(errorOf(attempt({ 'build-contexts': 'a=../a' }, classic)).input).toBe('build-contexts');
    expect(errorOf(attempt({ outputs: 'type=registry' }, classic)).input).toBe('outputs');
    expect(() =>
      attempt({ platforms: 'linux/amd64', outputs: 'type=local,dest=out' }, classic)(),
    ).not.toThrow();
  });
});
