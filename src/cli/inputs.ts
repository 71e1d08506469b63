import { inputSpec } from '../pipeline/input-spec.js';
import type { ReadInput } from '../pipeline/inputs.js';
import { isValidTag } from '../registry/reference.js';
import { UsageError, type FlagValues } from './args.js';
import type { CommandSpec } from './commands.js';

export interface CliInputs {
  /** The action's inputs by name, as the action's getInput would give them. */
  read: ReadInput;
  /** Said before the run: a secret typed on the command line, which every process can read. */
  warnings: string[];
}

/**
 * The command line as the action's inputs: each input flag is its input (a repeated flag is one line
 * each), and the CLI's own flags fill in the inputs they stand for: `--env`/`--version`/`--latest`/
 * `--timezone` make `environment`, `--tag` adds raw tag rules, `--platform` platforms, `--summary`
 * is `report-file`. Outside GitHub Actions the checkout is the context, and the token and the registry
 * may come from the environment (GITHUB_TOKEN, IMAGE_BUILD_REGISTRY).
 */
export function cliInputs(command: CommandSpec, values: FlagValues, env: NodeJS.ProcessEnv): CliInputs {
  const fail = (message: string): never => {
    throw new UsageError(`${command.name}: ${message}`, command.name);
  };
  const given = (name: string) => values.get(name) ?? [];
  const single = (name: string) => given(name).at(-1);
  const inputs = new Map<string, string>();
  const warnings: string[] = [];
  for (const flag of command.flags) {
    const flagValues = given(flag.name);
    if (!flag.input || flagValues.length === 0) continue;
    inputs.set(flag.input, flag.kind === 'list' ? flagValues.join('\n') : flagValues[flagValues.length - 1]);
    if (inputSpec(flag.input).sensitive) {
      warnings.push(
        `--${flag.name} puts a secret on the command line, where every process on this machine can read it (ps); ` +
          (flag.input === 'secrets'
            ? 'use --secret-envs id=ENV_NAME or --secret-files id=path'
            : 'set GITHUB_TOKEN instead'),
      );
    }
  }

  const environment = environmentInput(values, fail);
  if (environment !== undefined) {
    if (inputs.has('environment')) fail('give --env or --environment, not both');
    inputs.set('environment', environment);
  }
  const tags = given('tag').map((tag) =>
    isValidTag(tag)
      ? `type=raw,value=${tag}`
      : fail(`--tag "${tag}" is not a tag (letters, digits, _ . -, up to 128, not starting with . or -)`),
  );
  append(inputs, 'tags', tags);
  append(inputs, 'platforms', given('platform'));
  const summary = single('summary');
  if (summary !== undefined) {
    if (inputs.has('report-file')) fail('give --summary or --report-file, not both');
    inputs.set('report-file', summary);
  }

  const onGitHub = env.GITHUB_ACTIONS === 'true';
  const defaults: Record<string, string | undefined> = {
    'metadata-context': onGitHub ? 'workflow' : 'git',
    'github-token': env.GITHUB_TOKEN,
    registry: env.IMAGE_BUILD_REGISTRY,
  };
  return { read: (name) => inputs.get(name) ?? defaults[name] ?? '', warnings };
}

/**
 * `--env`, `--version`, `--latest`, `--timezone` as the `environment` input. Each value is one CSV
 * field, quoted, so a value cannot add a field of its own (`--env 'staging,latest=always'` is the
 * name `staging,latest=always`, which the policy refuses).
 */
function environmentInput(values: FlagValues, fail: (message: string) => never): string | undefined {
  const name = values.get('env')?.at(-1);
  const fields: [string, string | undefined][] = [
    ['version', values.get('version')?.at(-1)],
    ['latest', values.get('latest')?.at(-1)],
    ['timezone', values.get('timezone')?.at(-1)],
  ];
  if (name === undefined) {
    const orphan = fields.find(([, value]) => value !== undefined);
    if (orphan) fail(`--${orphan[0]} belongs to the environment policy: give --env too`);
    return undefined;
  }
  return [['name', name] as const, ...fields]
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([key, value]) => `"${`${key}=${value}`.replace(/"/g, '""')}"`)
    .join(',');
}

function append(inputs: Map<string, string>, name: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const current = inputs.get(name);
  inputs.set(name, [...(current ? [current] : []), ...lines].join('\n'));
}
