import { readFileSync } from 'node:fs';
import { describeError } from '../pipeline/errors.js';
import { parseBoolean } from '../util/boolean.js';
import { inertLine, inertLines } from '../util/log.js';
import { parseCommandLine, UsageError } from './args.js';
import type { CommandSpec } from './commands.js';
import { EXIT, signalExitCode, type CliIO, type CommandContext } from './context.js';
import { renderHelp, renderUsage } from './help.js';
import { createTerminal, wantsColor } from './terminal.js';

export type { CliIO } from './context.js';

/**
 * Runs one CLI command and returns the process's exit code: 0 done, 1 failed, 2 bad command line or
 * input (before anything is built or pushed), 130 interrupted. Never throws: every error becomes one
 * line on stderr (the builder's last lines after it when a build failed; the stack with --debug).
 */
export async function runCli(io: CliIO): Promise<number> {
  const debugFromEnv = safeBoolean(io.env.IMAGE_BUILD_DEBUG);
  const style = createTerminal({
    stream: io.stderr,
    color: wantsColor(io.stderr, io.env),
    debug: false,
  }).style;
  const report = (error: unknown, debug: boolean): number => {
    const described = describeError(error);
    const lines = [`${style.red('error:')} ${inertLine(described.message)}`];
    if (described.output)
      lines.push(
        ...inertLines(described.output)
          .split('\n')
          .map((line) => `  ${line}`),
      );
    if (debug && described.stack) lines.push(inertLines(described.stack));
    else if (described.internal) lines.push('  (run again with --debug for the stack)');
    io.stderr.write(`${lines.join('\n')}\n`);
    if (io.signal?.aborted) return signalExitCode(io.signal);
    return error instanceof UsageError || described.input ? EXIT.usage : EXIT.failed;
  };

  let parsed;
  try {
    parsed = parseCommandLine(io.argv);
  } catch (error) {
    return report(error, debugFromEnv);
  }
  if (parsed.kind === 'help') {
    io.stdout.write(parsed.command ? renderHelp(parsed.command) : renderUsage());
    return EXIT.ok;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`image-build ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const { command, values } = parsed;
  let debug = debugFromEnv;
  try {
    debug = parseBoolean('debug', values.get('debug')?.at(-1) ?? '', debugFromEnv);
    const json = parseBoolean('json', values.get('json')?.at(-1) ?? '', false);
    const terminal = createTerminal({
      stream: io.stderr,
      color: wantsColor(io.stderr, io.env),
      debug,
      clock: io.clock,
    });
    const context: CommandContext = { io, command, values, terminal, json, debug };
    const run = await commandRunner(command);
    return await run(context);
  } catch (error) {
    return report(error, debug);
  }
}

/** The command's code, loaded when it runs: `--help` and bad flags never load the pipeline. */
async function commandRunner(command: CommandSpec): Promise<(context: CommandContext) => Promise<number>> {
  switch (command.name) {
    case 'tags':
      return (await import('./run-tags.js')).runTagsCommand;
    case 'build':
    case 'promote':
      return (await import('./run-image.js')).runImageCommand;
    case 'plan':
    case 'graph':
      return (await import('./run-graph.js')).runGraphCommand;
    case 'report':
      return (await import('./run-report.js')).runReportCommand;
  }
}

/**
 * The version in the package's package.json: two folders up from this module in the sources
 * (src/cli/) and in the bundle (dist/chunks/) alike, as in an npm install or the action's checkout.
 */
function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const { name, version } = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (name === 'image-build' && typeof version === 'string') return version;
  } catch {
    // Copied without its package.json: say so rather than guess.
  }
  return '(version unknown)';
}

function safeBoolean(text: string | undefined): boolean {
  try {
    return parseBoolean('IMAGE_BUILD_DEBUG', text ?? '', false);
  } catch {
    return false;
  }
}
