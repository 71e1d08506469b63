import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuilderUnderTest } from './testbed.js';

/** The repository root: the bundle and the demo live here. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ActionRun {
  status: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  state: string;
  /** The run's RUNNER_TEMP (the JSON report is written under it). */
  runnerTemp: string;
}

export interface ActionRunOptions {
  builder?: BuilderUnderTest;
  env?: Record<string, string>;
  /** The event payload (GITHUB_EVENT_PATH); default a push's repository fields. */
  event?: Record<string, unknown>;
}

/**
 * The bundle GitHub runs (dist/), rebuilt from the sources unless the last build here came from the
 * same sources and dist/ still holds what it wrote (a checkout of dist/ changes the entry files).
 */
export function buildActionBundle(): void {
  const stampFile = join(repositoryRoot, 'node_modules/.cache/ib-e2e-bundle.json');
  const stamp = () => JSON.stringify({ sources: sourcesHash(), bundle: bundleHash() });
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp()) return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repositoryRoot, stdio: 'pipe' });
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, stamp());
}

function hashFiles(paths: string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`${path}\u0000`);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

function sourcesHash(): string {
  const sources = readdirSync(join(repositoryRoot, 'src'), { recursive: true, encoding: 'utf8' })
    .map((path) => join(repositoryRoot, 'src', path))
    .filter((path) => statSync(path).isFile())
    .sort();
  const build = ['scripts/build.mjs', 'package-lock.json', 'tsconfig.build.json'];
  return hashFiles([...sources, ...build.map((path) => join(repositoryRoot, path))]);
}

function bundleHash(): string {
  const entries = ['action/main.js', 'action/post.js', 'cli/index.js', 'lib/index.js'];
  return hashFiles(entries.map((path) => join(repositoryRoot, 'dist', path)));
}

/** Parses the runner's file commands (`name<<delimiter` blocks) written by the action. */
function readFileCommands(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8');
  const values: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) values[match[1]] = match[3];
  return values;
}

/**
 * What a runner's environment holds for this builder: the engine, the Docker config with the buildx
 * plugin and builder instances (setup-buildx-action's), the selected builder, the client to use.
 */
export function builderRunnerEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const names = ['DOCKER_HOST', 'DOCKER_CONFIG', 'BUILDX_BUILDER', 'IB_DOCKER', 'DOCKER_BUILDKIT'];
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

/**
 * Runs `dist/action/<entry>.js` as the runner does: a clean environment with the GITHUB_* and
 * RUNNER_* variables, inputs as INPUT_*, file commands for outputs, summary and state.
 */
export function runAction(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): ActionRun {
  const run = prepareRun(entry, inputs, options);
  const result = spawnSync(process.execPath, [run.script], {
    env: run.env,
    encoding: 'utf8',
    cwd: repositoryRoot,
  });
  return run.collect(result.status ?? 1, result.stdout + result.stderr);
}

/** runAction without blocking the test process: a loopback server in it (the GitHub API emulator) can answer. */
export async function runActionAsync(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  options: ActionRunOptions = {},
): Promise<ActionRun> {
  const run = prepareRun(entry, inputs, options);
  const child = spawn(process.execPath, [run.script], { env: run.env, cwd: repositoryRoot });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return run.collect(status, output);
}

function prepareRun(entry: 'main' | 'post', inputs: Record<string, string>, options: ActionRunOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'ib-action-'));
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify(
      options.event ?? {
        repository: {
          name: 'app',
          html_url: 'https://github.com/acme/app',
          default_branch: 'main',
          description: 'demo',
          license: { spdx_id: 'MIT' },
        },
      },
    ),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    ...(options.builder ? builderRunnerEnv(options.builder.env) : {}),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return {
    script: join(repositoryRoot, `dist/action/${entry}.js`),
    env,
    collect: (status: number, stdout: string): ActionRun => ({
      status,
      stdout,
      outputs: readFileCommands(files.output),
      summary: readFileSync(files.summary, 'utf8'),
      state: readFileSync(files.state, 'utf8'),
      runnerTemp: dir,
    }),
  };
}
