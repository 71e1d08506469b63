import type { CommandRunner, ExecOptions, ExecResult } from '../../src/util/exec.js';
import type { Logger } from '../../src/util/log.js';

/** A logger that keeps every line unmasked, so a test can prove secrets were never passed to it. */
export interface CapturingLogger extends Logger {
  lines: string[];
  secrets: string[];
}

export function capturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const secrets: string[] = [];
  const keep = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return {
    lines,
    secrets,
    debug: keep('debug'),
    info: keep('info'),
    notice: keep('notice'),
    warning: keep('warning'),
    error: keep('error'),
    startGroup: keep('group'),
    endGroup: () => undefined,
    setSecret: (value) => void secrets.push(value),
  };
}

export interface RecordedCommand {
  file: string;
  args: string[];
  options: ExecOptions;
  result: ExecResult;
}

/** Wraps a runner (the real one, or a scripted answer) and records every spawn. */
export function recordingRunner(
  inner: CommandRunner | ((file: string, args: readonly string[]) => ExecResult),
): CommandRunner & { commands: RecordedCommand[] } {
  const commands: RecordedCommand[] = [];
  return {
    commands,
    async run(file, args, options = {}) {
      const result = typeof inner === 'function' ? inner(file, args) : await inner.run(file, args, options);
      commands.push({ file, args: [...args], options, result });
      return result;
    },
  };
}
