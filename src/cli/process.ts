import { describeError } from '../pipeline/errors.js';
import type { CommandRunner } from '../util/exec.js';
import { inertLine } from '../util/log.js';
import { signalExitCode } from './context.js';
import { runCli, type CliIO } from './main.js';

/** The parts of `process` the CLI's entry point uses, so a test can hand it a fake one. */
export interface CliProcess {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd(): string;
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
  exit(code: number): void;
  exitCode?: number | string | undefined;
}

/**
 * The entry point's whole job: run the command, turn every failure into one line and an exit code,
 * and on Ctrl-C (or SIGTERM) stop the builds, let the post step clean up, and exit 130 (143). A
 * second Ctrl-C quits at once. No rejection is left unhandled, wherever it comes from.
 */
export async function startCli(
  proc: CliProcess,
  runner: CommandRunner,
  run: (io: CliIO) => Promise<number> = runCli,
): Promise<void> {
  const controller = new AbortController();
  const fail = (what: string) => (reason: unknown) => {
    proc.stderr.write(`error: ${what}: ${inertLine(describeError(reason).message)}\n`);
    proc.exitCode = 1;
  };
  proc.on('unhandledRejection', fail('unhandled rejection'));
  proc.on('uncaughtException', (reason) => {
    fail('uncaught exception')(reason);
    proc.exit(1);
  });
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => () => {
    if (controller.signal.aborted) {
      proc.stderr.write(`${name} again: quitting without cleaning up\n`);
      proc.exit(signalExitCode(controller.signal));
      return;
    }
    proc.stderr.write(`${name}: stopping, then cleaning up (again to quit at once)\n`);
    controller.abort(name);
  };
  proc.on('SIGINT', onSignal('SIGINT'));
  proc.on('SIGTERM', onSignal('SIGTERM'));

  try {
    const code = await run({
      argv: proc.argv.slice(2),
      env: proc.env,
      stdout: proc.stdout,
      stderr: proc.stderr,
      runner,
      cwd: proc.cwd(),
      signal: controller.signal,
    });
    proc.exitCode = code;
    // Interrupted: whatever still holds the event loop (a registry socket) must not keep us alive.
    if (controller.signal.aborted) proc.exit(code);
  } catch (error) {
    fail('internal error')(error);
  }
}
