import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import type { ClassicBuilder } from '../../src/build/index.js';
import { runCli } from '../../src/cli/main.js';
import { createEcrClient } from '../../src/ecr/index.js';
import {
  checkSingleImageInputs,
  readGraphInputs,
  readGraphRunInputs,
} from '../../src/pipeline/graph-inputs.js';
import { runGraphSettled } from '../../src/pipeline/graph-run.js';
import type { GraphRunResult } from '../../src/pipeline/graph.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { runImageBuild, type ImageBuildResult } from '../../src/pipeline/image-build.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { capturingLogger, recordingRunner, type RecordedCommand } from '../helpers/ecr-recorders.js';

/** An ECR repository the emulator answers for (the account and region are the emulator's). */
export const ECR_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app';

/**
 * One hostile or malformed input and what it must come to. `expect` is either an error naming the
 * input (nothing built, pushed or created), or a deliberate result, described in `doc` and checked.
 */
export interface CorpusEntry {
  name: string;
  area: 'tags' | 'build' | 'cache' | 'publish' | 'ecr' | 'graph' | 'cli';
  /** Action inputs over the baseline (a valid tag build of `<registry>/acme/app`, pushing). */
  inputs?: Record<string, string>;
  /** CLI arguments instead of action inputs (`area: 'cli'`). */
  argv?: string[];
  /** Extra environment. */
  env?: Record<string, string>;
  /** The event file's text (default: a tag push payload); `null` for no file at that path. */
  event?: string | null;
  /** The Dockerfile (default `FROM scratch` + `COPY`), and more files in the build context. */
  dockerfile?: string;
  files?: Record<string, string>;
  /** Prepares the context directory before the run (a symlink, say). */
  setup?: (contextDir: string) => void;
  expect:
    | { error: string; message?: RegExp }
    /** A command line the CLI refuses (exit 2) before reading any input: `message` is its one line. */
    | { usage: RegExp }
    | { doc: string; check: (run: CorpusRun) => void | Promise<void> };
}

export interface CorpusRun {
  error?: Error;
  result?: ImageBuildResult;
  /** Every process the run started (the builder is injected, so none for detection). */
  commands: RecordedCommand[];
  /** Log lines as the logger received them (`level: message`). */
  log: string[];
  /** ECR API operations the emulator received. */
  ecrCalls: string[];
  /** Requests the OCI registry received (`METHOD path`), and its host. */
  registryRequests: string[];
  registryHost: string;
  /** The CLI's exit code and streams, for `area: 'cli'`. */
  cli?: { code: number; stdout: string; stderr: string };
  /** The graph's rows, when the inputs gave an images file and it ran. */
  graph?: GraphRunResult;
  contextDir: string;
}

const builder: ClassicBuilder = {
  kind: 'classic',
  docker: '/usr/bin/docker',
  engineVersion: '20.10.24',
  platforms: ['linux/amd64'],
};

/** A loopback OCI registry that knows no repository and records every request it gets. */
export interface RecordingRegistry {
  host: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordingRegistry(): Promise<RecordingRegistry> {
  const requests: string[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known' }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface CorpusBed {
  registry: RecordingRegistry;
  ecr: EcrEmulator;
  close(): Promise<void>;
}

export async function startCorpusBed(): Promise<CorpusBed> {
  const registry = await startRecordingRegistry();
  const ecr = await startEcrEmulator({ registry: registry.host });
  return {
    registry,
    ecr,
    close: async () => {
      await ecr.close();
      await registry.close();
    },
  };
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

/** Runs one entry through the action's pipeline (or the CLI), with every effect recorded. */
export async function runEntry(entry: CorpusEntry, bed: CorpusBed): Promise<CorpusRun> {
  const root = mkdtempSync(join(tmpdir(), 'ib-bad-input-'));
  const contextDir = join(root, 'context');
  writeTree(contextDir, { Dockerfile: entry.dockerfile ?? 'FROM scratch\nCOPY . /\n', ...entry.files });
  entry.setup?.(contextDir);
  const eventPath = join(root, 'event.json');
  if (entry.event !== null) {
    writeFileSync(
      eventPath,
      entry.event ??
        JSON.stringify({ ref: 'refs/tags/v1.0.0', repository: { name: 'app', default_branch: 'main' } }),
    );
  }
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/tags/v1.0.0',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REPOSITORY: 'acme/app',
    RUNNER_TEMP: root,
    HOME: root,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    ...entry.env,
  };
  // Builds "succeed" without an engine: the corpus checks what reaches the builder, not the build.
  const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
  const logger = capturingLogger();
  bed.ecr.calls.length = 0;
  bed.ecr.repositories.clear();
  bed.registry.requests.length = 0;
  const run: CorpusRun = {
    commands: runner.commands,
    log: logger.lines,
    ecrCalls: [],
    registryRequests: bed.registry.requests,
    registryHost: bed.registry.host,
    contextDir,
  };

  const ecrClientFor = () =>
    createEcrClient({ region: 'us-east-1', endpoint: bed.ecr.endpoint, credentials: EMULATOR_CREDENTIALS });
  if (entry.argv) {
    let stdout = '';
    let stderr = '';
    const sink = (append: (text: string) => void) =>
      new Writable({
        write(chunk, _encoding, done) {
          append(String(chunk));
          done();
        },
      });
    const code = await runCli({
      argv: entry.argv.map((arg) => arg.replaceAll('$CONTEXT', contextDir)),
      env,
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
      runner,
      cwd: contextDir,
      pipeline: { builder, ecrClientFor },
    });
    run.cli = { code, stdout, stderr };
  } else {
    const values: Record<string, string> = {
      images: `${bed.registry.host}/acme/app`,
      tags: 'type=semver,pattern={{version}}\ntype=sha',
      context: contextDir,
      push: 'true',
      ...entry.inputs,
    };
    const read = (name: string) =>
      (values[name] ?? '').replaceAll('$REGISTRY', bed.registry.host).replaceAll('$CONTEXT', contextDir);
    try {
      // As the action's main does: the graph inputs first; with an images file, the graph instead.
      const graph = readGraphInputs(read);
      const deps = { env, runner, logger, builder, cwd: contextDir, ecrClientFor };
      if (graph.imagesFile) {
        const { file, registry } = readGraphRunInputs(read, graph.imagesFile, contextDir);
        const { result } = await runGraphSettled(
          { file, read, registry, only: graph.only, concurrency: graph.concurrency, reuse: graph.reuse },
          deps,
        );
        run.graph = result;
      } else {
        checkSingleImageInputs(graph);
        run.result = await runImageBuild(readImageBuildInputs(read), deps);
      }
    } catch (error) {
      run.error = error as Error;
    }
  }
  run.ecrCalls = bed.ecr.calls.map((call) => call.operation);
  return run;
}

/** The values of `flag` in the image's build command (the first one; a cache image build may follow). */
/** The values of `flag` in the build command, without the cache's own `BUILDKIT_INLINE_CACHE=1`. */
export function buildFlags(run: CorpusRun, flag: string): string[] {
  const command = run.commands.find((c) => c.args[0] === 'build');
  return (command?.args ?? [])
    .flatMap((arg, i, all) => (all[i - 1] === flag ? [arg] : []))
    .filter((value) => !(flag === '--build-arg' && value === 'BUILDKIT_INLINE_CACHE=1'));
}
