import { randomBytes } from 'node:crypto';
import type { CommandRunner } from '../util/exec.js';
import { row, type CheckLevel, type CheckResult } from './checks/types.js';

export interface SmokeTestOptions {
  runner: CommandRunner;
  /** The docker client (default `docker`). */
  docker?: string;
  env?: NodeJS.ProcessEnv;
  /** Image reference or ID, present in the engine. */
  image: string;
  /** `none` (default): the image must start without the network; `host` for images that need it. */
  network?: 'none' | 'host';
  /** Upper bound on the wait (default 30 s). */
  timeoutSeconds?: number;
  /**
   * A probe run in the container (`docker exec`) until it exits 0, e.g. `["wget","-qO-","localhost:8080/health"]`.
   * Without it the image's HEALTHCHECK decides; without either the container must stay up.
   */
  command?: readonly string[];
  /** The image has a HEALTHCHECK: it is then run every second and only its success counts during the wait. */
  healthcheck?: boolean;
  /** Seconds a container without HEALTHCHECK or probe must stay up (default 3). */
  graceSeconds?: number;
  pollSeconds?: number;
  now?: () => number;
  sleep?: (milliseconds: number) => Promise<void>;
}

export interface SmokeTestResult {
  passed: boolean;
  detail: string;
  seconds: number;
  /** The container's last output lines, kept when it failed. */
  log?: string;
}

interface ContainerState {
  Running?: boolean;
  ExitCode?: number;
  Health?: { Status?: string };
}

const LOG_LINES = 200;
const LOG_BYTES = 16 * 1024;

/**
 * Runs the image on the engine and waits for it to prove it works: HEALTHCHECK healthy, the probe
 * command exiting 0, or (with neither) staying up. The container is removed whatever happens.
 */
export async function runSmokeTest(options: SmokeTestOptions): Promise<SmokeTestResult> {
  const docker = options.docker ?? 'docker';
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeout = options.timeoutSeconds ?? 30;
  const name = `image-build-smoke-${randomBytes(4).toString('hex')}`;
  const run = (args: string[]) => options.runner.run(docker, args, { env: options.env });
  const started = now();
  const elapsed = () => (now() - started) / 1000;
  const health =
    options.healthcheck && !options.command
      ? ['--health-interval=1s', `--health-start-period=${timeout}s`]
      : [];

  const created = await run([
    'run',
    '-d',
    '--name',
    name,
    `--network=${options.network ?? 'none'}`,
    ...health,
    options.image,
  ]);
  try {
    if (created.exitCode !== 0) {
      return {
        passed: false,
        detail: `could not start: ${firstLine(created.stderr)}`,
        seconds: elapsed(),
        log: created.stderr,
      };
    }
    const outcome = await waitForContainer(run, name, options, timeout, elapsed, sleep);
    if (outcome.passed) return { ...outcome, seconds: elapsed() };
    const logs = await run(['logs', '--tail', String(LOG_LINES), name]);
    return { ...outcome, seconds: elapsed(), log: tail(`${logs.stdout}${logs.stderr}`) };
  } finally {
    await run(['rm', '-f', '-v', name]);
  }
}

async function waitForContainer(
  run: (args: string[]) => ReturnType<CommandRunner['run']>,
  name: string,
  options: SmokeTestOptions,
  timeout: number,
  elapsed: () => number,
  sleep: (ms: number) => Promise<void>,
): Promise<Omit<SmokeTestResult, 'seconds'>> {
  const grace = Math.min(options.graceSeconds ?? 3, timeout);
  let last = 'not started';
  for (;;) {
    const inspected = await run(['inspect', '--format', '{{json .State}}', name]);
    const state = inspected.exitCode === 0 ? parseState(inspected.stdout) : {};
    const healthStatus = state.Health?.Status;
    if (options.command && state.Running) {
      const probe = await run(['exec', name, ...options.command]);
      if (probe.exitCode === 0)
        return { passed: true, detail: `probe exited 0 after ${elapsed().toFixed(1)} s` };
      last = `probe exited ${probe.exitCode}`;
    } else if (healthStatus === 'healthy') {
      return { passed: true, detail: `healthy after ${elapsed().toFixed(1)} s` };
    } else if (healthStatus === 'unhealthy') {
      return { passed: false, detail: `HEALTHCHECK reported unhealthy after ${elapsed().toFixed(1)} s` };
    } else if (healthStatus) {
      last = `health ${healthStatus}`;
    }
    if (!state.Running) {
      const code = state.ExitCode ?? -1;
      if (code === 0 && !options.command && !healthStatus)
        return { passed: true, detail: 'ran to completion (exit 0)' };
      return { passed: false, detail: `exited with code ${code} after ${elapsed().toFixed(1)} s` };
    }
    if (!options.command && !healthStatus && elapsed() >= grace) {
      return { passed: true, detail: `still running after ${grace} s (no HEALTHCHECK or probe command)` };
    }
    if (elapsed() >= timeout) return { passed: false, detail: `not ready within ${timeout} s (${last})` };
    await sleep((options.pollSeconds ?? 1) * 1000);
  }
}

/** The check row for a smoke test; its log goes into a collapsible section when it failed. */
export function smokeTestCheck(result: SmokeTestResult, level: CheckLevel = 'fail'): CheckResult {
  return row('smoke-test', level, {
    violated: !result.passed,
    detail: result.detail,
    log: result.passed ? undefined : result.log,
  });
}

function parseState(text: string): ContainerState {
  try {
    return JSON.parse(text) as ContainerState;
  } catch {
    return {};
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}

function tail(text: string): string {
  return text.length > LOG_BYTES ? `…\n${text.slice(text.length - LOG_BYTES)}` : text;
}
