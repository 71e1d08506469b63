import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
  return {
    dockerHost,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      // Overlay mounts are gone once dockerd has exited; anything left busy is skipped, not forced.
      try {
        if (existsSync(root)) rmSync(root, { recursive: true, force: true });
      } catch {
        /* a leftover mount point: harmless in /tmp */
      }
    },
  };
}
