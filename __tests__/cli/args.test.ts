import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError, type FlagValues } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands.js';

function values(argv: string[]): FlagValues {
  const parsed = parseCommandLine(argv);
  if (parsed.kind !== 'run') throw new Error(`expected a command to run, got ${parsed.kind}`);
  return parsed.values;
}

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine: strict flags', () => {
  it('reads string, list and boolean flags', () => {
    const parsed = values([
      'build',
      '--tags',
      'type=sha',
      '--tags=type=ref,event=branch',
      '--push',
      '--context',
      'app',
      '--tag',
      'stable',
    ]);
    expect(parsed.get('tags')).toEqual(['type=sha', 'type=ref,event=branch']);
    expect(parsed.get('push')).toEqual(['true']);
    expect(parsed.get('context')).toEqual(['app']);
    expect(parsed.get('tag')).toEqual(['stable']);
  });

  it.each([
    [['build', '--tagz', 'x'], /build: unknown flag --tagz \(did you mean --tags?\?\)/],
    [['build', '--pussh'], /unknown flag --pussh \(did you mean --push\?\)/],
    [['build', '--Context', 'app'], /unknown flag --Context \(did you mean --context\?\)/],
    [['build', '-x'], /unknown flag -x;/],
    [['tags', '--push'], /tags: unknown flag --push/],
    [['promote', '--context', '.'], /promote: unknown flag --context/],
    [['report', '--images', 'x'], /report: unknown flag --images \(did you mean --image\?\)/],
  ])('an unknown flag is an error naming it: %j', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('`--tag`, silently ignored before, is a flag of its own now', () => {
    expect(values(['build', '--tag', 'x', '--tag', 'y']).get('tag')).toEqual(['x', 'y']);
  });

  it.each([
    [['build', '--tags'], /--tags needs a value$/],
    [
      ['build', '--tags', '--push'],
      /--tags needs a value \(for one that starts with "-", write --tags=--push\)/,
    ],
    [['build', '--context', '-'], /--context needs a value/],
    [['build', '--env'], /--env needs a value/],
  ])('a string flag without its value is an error: %j', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('an empty value or one starting with "-" is given with =', () => {
    expect(values(['build', '--tags=', '--build-args=-x']).get('build-args')).toEqual(['-x']);
    expect(values(['build', '--tags=']).get('tags')).toEqual(['']);
  });

  it('list flags repeat; a single-value flag given twice is an error', () => {
    expect(
      values(['build', '--platform', 'linux/amd64', '--platform', 'linux/arm64']).get('platform'),
    ).toEqual(['linux/amd64', 'linux/arm64']);
    expect(usageError(['build', '--context', 'a', '--context', 'b'])).toMatch(/--context is given twice/);
    expect(usageError(['build', '--push', '--push=false'])).toMatch(/--push is given twice/);
  });

  it('a boolean takes =value, left to the one boolean parser', () => {
    expect(values(['build', '--push=false']).get('push')).toEqual(['false']);
    expect(values(['build', '--push=maybe']).get('push')).toEqual(['maybe']);
    expect(values(['build', '--no-cache']).get('no-cache')).toEqual(['true']);
  });

  it('a boolean followed by a word is an error that shows the = form', () => {
    expect(usageError(['build', '--push', 'maybe'])).toMatch(
      /unexpected argument "maybe" \(--push takes no separate value: write --push=maybe\)/,
    );
  });

  it('-- ends the flags, and no command takes arguments after it', () => {
    expect(usageError(['build', '--', '--push'])).toMatch(
      /unexpected argument "--push" \(after --, which ends the flags\)/,
    );
    expect(usageError(['build', 'extra'])).toMatch(/unexpected argument "extra"; build takes flags only/);
    expect(values(['build', '--push', '--']).get('push')).toEqual(['true']);
    // A flag's = value after -- is not read as a flag.
    expect(usageError(['build', '--', '--push=false'])).toMatch(/unexpected argument "--push=false"/);
  });
});

describe('parseCommandLine: commands and help', () => {
  it('names the commands and their aliases', () => {
    for (const command of COMMANDS) {
      for (const word of [command.name, ...command.aliases]) {
        const parsed = parseCommandLine([word, '--help']);
        expect(parsed).toEqual({ kind: 'help', command });
      }
    }
  });

  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j is the global help', (argv) => {
    expect(parseCommandLine(argv)).toEqual({ kind: 'help' });
  });

  it('--help anywhere before -- wins over bad flags; help <command> too', () => {
    expect(parseCommandLine(['build', '--tagz', '-h'])).toMatchObject({
      kind: 'help',
      command: { name: 'build' },
    });
    expect(parseCommandLine(['help', 'publish'])).toMatchObject({
      kind: 'help',
      command: { name: 'promote' },
    });
    expect(() => parseCommandLine(['build', '--', '--help'])).toThrow(UsageError);
  });

  it('an unknown command suggests the nearest', () => {
    expect(usageError(['biuld'])).toMatch(/unknown command "biuld" \(did you mean build\?\)/);
    expect(usageError(['deploy'])).toMatch(/unknown command "deploy"; the commands are build, tags, promote/);
    expect(usageError(['--push'])).toMatch(/the command comes first/);
    expect(usageError(['help', 'nope'])).toMatch(/unknown command "nope"/);
  });

  it('every command has --help and --debug, and flags named once', () => {
    for (const command of COMMANDS) {
      const names = command.flags.map((flag) => flag.name);
      expect(new Set(names).size, command.name).toBe(names.length);
      expect(names).toContain('help');
      expect(names).toContain('debug');
    }
  });
});
