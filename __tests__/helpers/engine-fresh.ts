import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BuilderUnderTest } from './testbed.js';

/** A second, empty dockerd with its own data root and socket: nothing cached, nothing pulled. */
export interface FreshEngine {
  dockerHost: string;
  stop(): Promise<void>;
}

function answers(docker: string, host: string): boolean {
  try {
    execFileSync(docker, ['info'], {
      env: { ...process.env, DOCKER_HOST: host },
      stdio: 'ignore',
      timeout: 10_000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts dockerd the way the test bed does (no bridge, no iptables) under a new directory in /tmp.
 * The shared engine is never touched; stop() ends only the process started here.
 */
export async function startFreshEngine(docker: string, label = 'build'): Promise<FreshEngine> {
  const root = mkdtempSync(`/tmp/ib-${label}-engine-`);
  const dockerHost = `unix://${join(root, 'docker.sock')}`;
  mkdirSync(join(root, 'data'));
  mkdirSync(join(root, 'exec'));
  const log = openSync(join(root, 'dockerd.log'), 'a');
  const child: ChildProcess = spawn(
    'dockerd',
    [
      `--host=${dockerHost}`,
      `--data-root=${join(root, 'data')}`,
      `--exec-root=${join(root, 'exec')}`,
      `--pidfile=${join(root, 'dockerd.pid')}`,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--storage-driver=overlay2',
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  for (let attempt = 0; attempt < 120 && !answers(docker, dockerHost); attempt++) {
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!answers(docker, dockerHost)) {
    child.kill('SIGTERM');
    throw new Error(
      `fresh dockerd did not start: ${readFileSync(join(root, 'dockerd.log'), 'utf8').slice(-2000)}`,
    );
  }
  return { dockerHost, stop: () => stopAndRemove(child, root) };
}

/** Ends a daemon started here (only that process), then removes its directory. */
async function stopAndRemove(child: ChildProcess, root: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  // Overlay mounts are gone once the daemon has exited; anything left busy is skipped, not forced.
  try {
    if (existsSync(root)) rmSync(root, { recursive: true, force: true });
  } catch {
    /* a leftover mount point: harmless in /tmp */
  }
}

/** A builder with nothing cached: what a new runner starts from. */
export interface FreshBuilder {
  /** The environment to build in: the builder's own, pointed at the empty engine or BuildKit daemon. */
  env: NodeJS.ProcessEnv;
  /** The engine images land in (the fresh one for the engine's builders, the test bed's for remote). */
  dockerHost: string;
  stop(): Promise<void>;
}

/**
 * An empty BuildKit daemon from the test bed's binaries (its own root, same registry config), and a
 * remote buildx builder `fresh` over it in a Docker config of its own: the test bed's `testbed`
 * builder and its cache stay untouched. stop() removes the builder's config, daemon and root.
 */
export async function startFreshBuildkit(builder: BuilderUnderTest): Promise<FreshBuilder> {
  const buildkitd = process.env.IB_BUILDKITD;
  const config = process.env.IB_BUILDKITD_CONFIG;
  const pluginDir = join(process.env.IB_BUILDX_CONFIG ?? '', 'cli-plugins');
  if (!buildkitd || !config || !existsSync(pluginDir))
    throw new Error('IB_BUILDKITD/IB_BUILDKITD_CONFIG/IB_BUILDX_CONFIG unset: run `scripts/testbed.sh up`');
  const root = mkdtempSync('/tmp/ib-buildkitd-');
  const socket = join(root, 'buildkitd.sock');
  const log = openSync(join(root, 'buildkitd.log'), 'a');
  const child = spawn(
    buildkitd,
    [
      '--root',
      join(root, 'root'),
      '--addr',
      `unix://${socket}`,
      '--config',
      config,
      '--oci-worker-net=host',
      '--containerd-worker=false',
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  const dockerConfig = join(root, 'docker-config');
  mkdirSync(dockerConfig);
  symlinkSync(pluginDir, join(dockerConfig, 'cli-plugins'));
  const env: NodeJS.ProcessEnv = { ...builder.env, DOCKER_CONFIG: dockerConfig, BUILDX_BUILDER: 'fresh' };
  try {
    for (let attempt = 0; attempt < 120 && !existsSync(socket); attempt++) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const buildx = (...args: string[]) =>
      execFileSync(builder.docker, ['buildx', ...args], { env, stdio: 'pipe', timeout: 60_000 });
    buildx('create', '--name', 'fresh', '--driver', 'remote', `unix://${socket}`);
    buildx('inspect', '--bootstrap', 'fresh');
  } catch (error) {
    await stopAndRemove(child, root);
    throw new Error(`fresh buildkitd did not start (${(error as Error).message})`);
  }
  return { env, dockerHost: builder.env.DOCKER_HOST ?? '', stop: () => stopAndRemove(child, root) };
}

/**
 * A wiped builder of the same kind as `builder`: an empty buildkitd for the remote builder, an empty
 * engine for the engine's own BuildKit (buildx's `default` docker-driver builder follows DOCKER_HOST).
 */
export async function startFreshBuilder(builder: BuilderUnderTest): Promise<FreshBuilder> {
  if (builder.name === 'buildx-remote') return startFreshBuildkit(builder);
  const engine = await startFreshEngine(builder.docker, `fresh-${builder.name}`);
  return {
    env: { ...builder.env, DOCKER_HOST: engine.dockerHost },
    dockerHost: engine.dockerHost,
    stop: () => engine.stop(),
  };
}
