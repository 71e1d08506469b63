import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli/args.js';
import { cliInputs } from '../../src/cli/inputs.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { InputError } from '../../src/util/errors.js';

function inputsOf(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const parsed = parseCommandLine(argv);
  if (parsed.kind !== 'run') throw new Error('expected a command');
  return cliInputs(parsed.command, parsed.values, env);
}

function fails(argv: string[], env: NodeJS.ProcessEnv = {}): Error {
  try {
    const { read } = inputsOf(argv, env);
    readImageBuildInputs(read);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the command line as the action inputs', () => {
  it('gives each input flag to its input, a repeated one as lines', () => {
    const { read } = inputsOf(['build', '--images', 'a/b', '--images', 'c/d', '--context', 'app', '--push']);
    expect(read('images')).toBe('a/b\nc/d');
    expect(read('context')).toBe('app');
    expect(read('push')).toBe('true');
    expect(read('target')).toBe('');
  });

  it('--env, --version, --latest and --timezone make the environment input', () => {
    const { read } = inputsOf([
      'build',
      '--env',
      'staging',
      '--version',
      '1.0.0-rc.1',
      '--latest',
      'always',
      '--timezone',
      'Europe/Paris',
    ]);
    expect(readImageBuildInputs(read).metadata.environment).toEqual({
      name: 'staging',
      version: '1.0.0-rc.1',
      latest: 'always',
      timeZone: 'Europe/Paris',
    });
  });

  it('a flag value cannot add a field to the environment: it is one quoted field', () => {
    const error = fails(['tags', '--env', 'staging,latest=always']);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/field "name": "staging,latest=always" is not an environment name/);
    const quoted = fails(['tags', '--env', 'dev', '--version', '1.0.0",latest="always']);
    expect(quoted.message).toMatch(/field "version"/);
  });

  it.each([
    [['tags', '--version', '1.0.0'], /--version belongs to the environment policy: give --env too/],
    [['tags', '--latest', 'always'], /--latest belongs to the environment policy/],
    [['tags', '--env', 'dev', '--environment', 'prod'], /give --env or --environment, not both/],
    [['build', '--summary', 'a.md', '--report-file', 'b.md'], /give --summary or --report-file, not both/],
    [['build', '--tag', 'a b'], /--tag "a b" is not a tag/],
    [['build', '--tag', '-x'], /--tag needs a value/],
    [['build', '--tag=.hidden'], /--tag ".hidden" is not a tag/],
  ])('%j is a usage error', (argv, message) => {
    const error = fails(argv);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(message);
  });

  it('--tag adds raw tag rules after --tags; --platform adds platforms; --summary is the report file', () => {
    const { read } = inputsOf([
      'build',
      '--tags',
      'type=sha',
      '--tag',
      'stable',
      '--tag',
      'v1',
      '--platforms',
      'linux/amd64',
      '--platform',
      'linux/arm64',
      '--summary',
      'out/report.md',
    ]);
    expect(read('tags')).toBe('type=sha\ntype=raw,value=stable\ntype=raw,value=v1');
    expect(read('platforms')).toBe('linux/amd64\nlinux/arm64');
    expect(read('report-file')).toBe('out/report.md');
  });

  it('outside GitHub Actions reads the checkout; the token and the registry may come from the environment', () => {
    const local = inputsOf(['build'], { GITHUB_TOKEN: 'ghs_x', IMAGE_BUILD_REGISTRY: 'ghcr.io/acme' });
    expect(local.read('metadata-context')).toBe('git');
    expect(local.read('github-token')).toBe('ghs_x');
    expect(local.read('registry')).toBe('ghcr.io/acme');
    expect(inputsOf(['build'], { GITHUB_ACTIONS: 'true' }).read('metadata-context')).toBe('workflow');
    const flag = inputsOf(['build', '--registry', 'localhost:5000'], {
      IMAGE_BUILD_REGISTRY: 'ghcr.io/acme',
    });
    expect(flag.read('registry')).toBe('localhost:5000');
  });

  it('warns when a secret is typed on the command line', () => {
    const { warnings } = inputsOf(['build', '--secrets', 'token=abc', '--github-token', 'ghs_x']);
    expect(warnings).toHaveLength(2);
    expect(warnings).toEqual([
      expect.stringMatching(/^--github-token puts a secret on the command line.*set GITHUB_TOKEN instead$/),
      expect.stringMatching(/^--secrets puts a secret on the command line.*--secret-envs id=ENV_NAME/),
    ]);
    expect(warnings.join('\n')).not.toContain('abc');
    expect(inputsOf(['build', '--secret-envs', 'token=TOKEN']).warnings).toEqual([]);
  });
});
