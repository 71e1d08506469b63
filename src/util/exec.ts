import { spawn } from 'node:child_process';

export interface ExecOptions {
  cwd?: string;
  /** Full environment for the child; defaults to this process's. */
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, then closed (how passwords reach `docker login --password-stdin`). */
  input?: string | Buffer;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Aborting it stops the command (SIGTERM): how the CLI ends its builds on Ctrl-C. */
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs external commands. The one seam between the library and processes: tests swap it. */
export interface CommandRunner {
  run(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

/** Spawns the command directly (no shell), collecting output and never throwing on a non-zero exit. */
export const processRunner: CommandRunner = {
  run(file, args, options = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(options.signal && { signal: options.signal }),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        options.onStdout?.(chunk);
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        options.onStderr?.(chunk);
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  },
};
