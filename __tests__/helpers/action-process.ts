import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: where the bundle (`dist/`) is. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ActionProcessRun {
  status: number;
  /** stdout and stderr: the runner commands the step wrote (`::notice::…`). */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  /** RUNNER_TEMP of the run. */
  runnerTemp: string;
}

/** The runner's file commands (`name<<delimiter` blocks) written by the action. */
export function readFileCommands(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8');
  const values: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) values[match[1]] = match[3];
  return values;
}

/**
 * Runs the bundled main action as the runner does: inputs as INPUT_* variables, the event payload in
 * a file, outputs and the job summary through the runner's files. Asynchronous, so a loopback server
 * in the test process (the GitHub API emulator) can answer it.
 */
export async function runActionProcess(options: {
  inputs: Record<string, string>;
  env: NodeJS.ProcessEnv;
  event: Record<string, unknown>;
}): Promise<ActionProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ib-action-'));
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(join(dir, 'event.json'), JSON.stringify(options.event));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(ROOT, 'dist/action/main.js')], { env, cwd: ROOT });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return {
    status,
    log,
    outputs: readFileCommands(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    runnerTemp: dir,
  };
}
