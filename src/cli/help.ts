import { INPUT_GROUP_TITLES } from '../pipeline/input-spec.js';
import { COMMANDS, type CommandSpec } from './commands.js';
import type { FlagSpec } from './flags.js';

const WIDTH = 100;
const INDENT = 6;

/** The flags of a command in sections: its own flags first, then the action's inputs by group. */
export function flagSections(command: CommandSpec): { title: string; flags: FlagSpec[] }[] {
  const own = command.flags.filter((flag) => !flag.group);
  const sections = [{ title: `${command.name} flags`, flags: own }];
  for (const [group, title] of Object.entries(INPUT_GROUP_TITLES)) {
    const flags = command.flags.filter((flag) => flag.group === group);
    if (flags.length > 0) sections.push({ title: `Action inputs: ${title}`, flags });
  }
  return sections;
}

/** `--name VALUE`, `-h, --help`, `--tag TAG (repeatable)`. */
export function flagUsage(flag: FlagSpec): string {
  const names = `${flag.short ? `-${flag.short}, ` : ''}--${flag.name}`;
  const value = flag.valueName ? ` ${flag.valueName}` : '';
  return `${names}${value}${flag.kind === 'list' ? ' (repeatable)' : ''}`;
}

function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((text) => `${' '.repeat(indent)}${text}`);
}

/** `image-build --help`: the commands. */
export function renderUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => [c.name, ...c.aliases].join(', ').length));
  return [
    'usage: image-build <command> [flags]',
    '',
    'Builds, tags and publishes container images as the image-build GitHub Action does, from a terminal.',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${[c.name, ...c.aliases].join(', ').padEnd(width)}  ${c.summary}`),
    '',
    'image-build <command> --help lists the flags of a command (docs/cli.md has them all);',
    'image-build --version prints the version.',
    'Exit codes: 0 done, 1 failed, 2 bad command line or input (nothing built or pushed), 130 interrupted.',
    '',
  ].join('\n');
}

/** `image-build <command> --help`: every flag of the command with its description and default. */
export function renderHelp(command: CommandSpec): string {
  const lines = [
    `usage: image-build ${command.name}${command.positional ? ` [${command.positional.toUpperCase()}]` : ''} [flags]${command.aliases.length ? ` (also: ${command.aliases.join(', ')})` : ''}`,
    '',
    ...wrap(command.summary, 0),
  ];
  for (const section of flagSections(command)) {
    lines.push('', `${section.title}:`);
    for (const flag of section.flags) {
      lines.push(`  ${flagUsage(flag)}`);
      const suffix = flag.default !== undefined ? ` (default: ${flag.default})` : '';
      lines.push(...wrap(`${flag.description}${suffix}`, INDENT));
    }
  }
  lines.push('', 'examples:');
  for (const example of command.examples) {
    lines.push(`  # ${example.description}`, ...exampleLines(example.argv, '  '));
  }
  return `${lines.join('\n')}\n`;
}

/** A word as a POSIX shell reads it back: quoted when it holds anything but plain characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `image-build <argv>` as shell lines of at most 100 columns, continued with a backslash. */
export function exampleLines(argv: readonly string[], indent = ''): string[] {
  const lines: string[] = [];
  let line = `${indent}image-build`;
  for (const word of argv.map(shellWord)) {
    if (line.length + 1 + word.length + 2 > WIDTH) {
      lines.push(`${line} \\`);
      line = `${indent}  ${word}`;
    } else {
      line = `${line} ${word}`;
    }
  }
  return [...lines, line];
}
