import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../util/suggest.js';
import { COMMANDS, findCommand, type CommandSpec } from './commands.js';

/** The command line is wrong (exit 2): an unknown flag or command, a flag without its value, ... */
export class UsageError extends Error {
  /** The command whose help would have helped, when one was named. */
  readonly command?: string;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

export type ParsedCommandLine =
  | { kind: 'help'; command?: CommandSpec }
  | { kind: 'version' }
  | { kind: 'run'; command: CommandSpec; values: FlagValues };

/**
 * The flags given, by name: each list flag's values in order; a boolean flag as `true`, or the value
 * written after `=` (`--push=false`), which the one boolean parser (src/util/boolean.ts) reads later,
 * so that `--push=maybe` is an error naming the input like every other boolean.
 */
export type FlagValues = ReadonlyMap<string, readonly string[]>;

/**
 * `image-build <command> [flags]`, parsed with node:util's parseArgs in strict mode. A first pass over
 * parseArgs's tokens (not strict) finds what is wrong and says it in the user's terms (the flag, the
 * command, the nearest flag that exists); the strict parse then reads the values.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const [word, ...rest] = argv;
  if (word === undefined || word === '--help' || word === '-h') return { kind: 'help' };
  if (word === '--version' || word === '-V' || word === 'version') return { kind: 'version' };
  if (word === 'help') {
    if (rest.length === 0) return { kind: 'help' };
    return { kind: 'help', command: commandNamed(rest[0]) };
  }
  if (word.startsWith('-')) {
    throw new UsageError(`the command comes first: image-build <command> [flags] (got "${word}")`);
  }
  const command = commandNamed(word);
  const terminator = rest.indexOf('--');
  const flagArgs = terminator < 0 ? rest : rest.slice(0, terminator);
  if (flagArgs.includes('--help') || flagArgs.includes('-h')) return { kind: 'help', command };
  return { kind: 'run', command, values: parseFlags(command, rest) };
}

function commandNamed(word: string): CommandSpec {
  const command = findCommand(word);
  if (command) return command;
  const names = COMMANDS.flatMap((c) => [c.name, ...c.aliases]);
  const near = closestMatch(word, names);
  throw new UsageError(
    `unknown command "${word}"${near ? ` (did you mean ${near}?)` : ''}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`,
  );
}

function parseFlags(command: CommandSpec, args: readonly string[]): FlagValues {
  const byName = new Map(command.flags.map((flag) => [flag.name, flag]));
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const flag of command.flags) {
    options[flag.name] = {
      type: flag.kind === 'boolean' ? 'boolean' : 'string',
      multiple: true,
      ...(flag.short && { short: flag.short }),
    };
  }
  const fail = (message: string): never => {
    throw new UsageError(`${command.name}: ${message}`, command.name);
  };

  // Pass 1: what is wrong, in the user's terms.
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Set<string>();
  let previous: (typeof tokens)[number] | undefined;
  let terminated = false;
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      terminated = true;
    } else if (
      token.kind === 'positional' &&
      command.positional &&
      !terminated &&
      positionals++ === 0 &&
      !(previous?.kind === 'option' && byName.get(previous.name)?.kind === 'boolean' && !previous.inlineValue)
    ) {
      // The command's one argument (`report IMAGE`): the same as its flag.
      if (seen.has(command.positional))
        fail(`give the ${command.positional} once (as --${command.positional} or as the argument)`);
      seen.add(command.positional);
    } else if (token.kind === 'positional') {
      const after =
        previous?.kind === 'option' && byName.get(previous.name)?.kind === 'boolean' && !previous.inlineValue
          ? ` (${previous.rawName} takes no separate value: write ${previous.rawName}=${token.value})`
          : terminated
            ? ' (after --, which ends the flags)'
            : '';
      fail(
        `unexpected argument "${token.value}"${after}; ${command.name} takes ${command.positional ? `one argument (the ${command.positional}) and flags` : 'flags only'}`,
      );
    } else {
      const flag = byName.get(token.name);
      if (!flag) {
        const near = closestMatch(token.name, byName.keys());
        fail(
          `unknown flag ${token.rawName}${near ? ` (did you mean --${near}?)` : ''}; see image-build ${command.name} --help`,
        );
      } else {
        if (
          flag.kind !== 'boolean' &&
          (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
        ) {
          fail(
            `${token.rawName} needs a value${token.value === undefined ? '' : ` (for one that starts with "-", write ${token.rawName}=${token.value})`}`,
          );
        }
        if (flag.kind !== 'list' && seen.has(flag.name))
          fail(
            flag.name === command.positional
              ? `give the ${flag.name} once (as --${flag.name} or as the argument)`
              : `--${flag.name} is given twice`,
          );
        seen.add(flag.name);
      }
    }
    previous = token;
  }

  // Pass 2: the strict parse. A boolean's `=value` is kept aside: parseArgs takes none.
  const inlineBooleans = new Map<number, string>();
  const end = args.indexOf('--');
  const stripped = args.map((arg, index) => {
    const equals = arg.indexOf('=');
    if (!arg.startsWith('--') || equals < 0 || (end >= 0 && index > end)) return arg;
    if (byName.get(arg.slice(2, equals))?.kind !== 'boolean') return arg;
    inlineBooleans.set(index, arg.slice(equals + 1));
    return arg.slice(0, equals);
  });
  let parsed;
  try {
    parsed = parseArgs({
      args: stripped,
      options,
      strict: true,
      allowPositionals: Boolean(command.positional),
      tokens: true,
    });
  } catch (error) {
    return fail((error as Error).message.split('\n')[0]);
  }
  const values = new Map<string, string[]>();
  for (const token of parsed.tokens) {
    if (token.kind === 'positional' && command.positional) values.set(command.positional, [token.value]);
    if (token.kind !== 'option') continue;
    const value = token.value ?? inlineBooleans.get(token.index) ?? 'true';
    values.set(token.name, [...(values.get(token.name) ?? []), value]);
  }
  return values;
}
