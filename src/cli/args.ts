/**
 * The CLI takes the action's inputs as flags (`--build-args`, `--tags`, ...), so one set of names and
 * one set of parsers serve both. A flag given twice is joined with a newline, as a multi-line input.
 */
export interface ParsedArgs {
  command: string;
  inputs: Map<string, string>;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const inputs = new Map<string, string>();
  let command = '';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = (eq === -1 ? arg.slice(2) : arg.slice(2, eq)).toLowerCase();
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`invalid option "${arg}"`);
      let value: string;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else value = 'true';
      const previous = inputs.get(name);
      inputs.set(name, previous === undefined ? value : `${previous}\n${value}`);
      continue;
    }
    if (command) throw new Error(`unexpected argument "${arg}" (the command is already "${command}")`);
    command = arg;
  }
  return { command, inputs, help };
}
