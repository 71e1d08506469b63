import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { inertLine, type Logger } from '../util/log.js';

/**
 * The Actions runner's side of the protocol: inputs from INPUT_* variables, outputs, env and state
 * through the GITHUB_* files, everything else as `::command::` lines on stdout. @actions/core does the
 * same but loads an HTTP client (undici) at start for its OIDC helper, which is a third of our
 * start-up; the protocol itself is small and stable.
 */
export interface RunnerCommands {
  getInput(name: string, options?: { trimWhitespace?: boolean }): string;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  appendSummary(markdown: string): void;
  setFailed(message: string): void;
  logger: Logger;
}

/** Escapes a command's message: %, CR and LF would otherwise end or corrupt the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function createRunnerCommands(
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stdout.write(line + EOL),
): RunnerCommands {
  const command = (name: string, message: string) => write(`::${name}::${escapeData(message)}`);
  /** `name<<delimiter` blocks, so values may hold newlines; the delimiter is random per value. */
  const fileCommand = (variable: string, name: string, value: string): boolean => {
    const path = env[variable];
    if (!path) return false;
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
      throw new Error(`${name}: value holds the delimiter`);
    appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
    return true;
  };
  let failed = false;
  /** Set while an untrusted group has runner commands stopped. */
  let resumeToken: string | undefined;
  return {
    getInput(name, options = {}) {
      const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
      return options.trimWhitespace === false ? value : value.trim();
    },
    setOutput(name, value) {
      if (!fileCommand('GITHUB_OUTPUT', name, value))
        write(`${EOL}::set-output name=${name}::${escapeData(value)}`);
    },
    exportVariable(name, value) {
      env[name] = value;
      if (!fileCommand('GITHUB_ENV', name, value)) write(`::set-env name=${name}::${escapeData(value)}`);
    },
    saveState(name, value) {
      if (!fileCommand('GITHUB_STATE', name, value)) write(`::save-state name=${name}::${escapeData(value)}`);
    },
    getState: (name) => env[`STATE_${name}`] ?? '',
    appendSummary(markdown) {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown + EOL, 'utf8');
    },
    setFailed(message) {
      if (!failed) process.exitCode = 1;
      failed = true;
      command('error', message);
    },
    logger: {
      debug: (m) => command('debug', m),
      // Inside an untrusted group the runner reads no commands and the builder's lines stay as they are;
      // elsewhere a message may carry a value from outside (a label, a ref): one line, never a command.
      info: (m) => write(resumeToken ? m : inertLine(m)),
      notice: (m) => command('notice', m),
      warning: (m) => command('warning', m),
      error: (m) => command('error', m),
      startGroup: (title, options) => {
        // Groups do not nest: a group opened without endGroup must not leave commands stopped.
        if (resumeToken) write(`::${resumeToken}::`);
        resumeToken = undefined;
        command('group', title);
        // Until the same token is echoed back the runner treats every line as plain text.
        if (options?.untrusted) {
          resumeToken = randomUUID();
          write(`::stop-commands::${resumeToken}`);
        }
      },
      endGroup: () => {
        if (resumeToken) write(`::${resumeToken}::`);
        resumeToken = undefined;
        write('::endgroup::');
      },
      setSecret: (s) => {
        if (s) command('add-mask', s);
      },
    },
  };
}
