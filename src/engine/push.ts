import { parseReference } from '../registry/reference.js';
import type { CommandRunner } from '../util/exec.js';

/** What a docker client needs to push: which binary, in which environment. */
export interface DockerClient {
  runner: CommandRunner;
  /** The docker binary (`docker` on PATH by default). */
  docker?: string;
  env?: NodeJS.ProcessEnv;
  /** Lines as the push prints them (to the build log). */
  onOutput?: (chunk: string) => void;
}

export interface PushRetry {
  /** Attempts in all, the first included (default 4). */
  attempts?: number;
  /** First wait; doubled each time with jitter (default 1 s). */
  baseDelayMs?: number;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each new attempt: why, and how long it waits. */
  onRetry?: (reason: string, delayMs: number, attempt: number) => void;
}

/** A push the registry or the network broke; the last lines of the client's output are kept. */
export class PushFailedError extends Error {
  readonly output: string;
  readonly transient: boolean;
  constructor(reference: string, exitCode: number, output: string, transient: boolean) {
    super(`docker push ${reference} failed (exit ${exitCode}): ${lastLine(output)}`);
    this.name = 'PushFailedError';
    this.output = output;
    this.transient = transient;
  }
}

const lastLine = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((line) => line.trim())
    .pop() ?? '';

/**
 * Failures worth pushing again: the registry throttled or broke (429, 5xx) or the connection did
 * (reset, EOF, timeout, an upload session it forgot). Refusals (credentials, permissions, invalid
 * names or manifests) are never retried: they fail the same way every time.
 */
const TRANSIENT =
  /\b(429|500|502|503|504)\b|too many requests|toomanyrequests|service unavailable|bad gateway|gateway time-?out|internal server error|connection reset|broken pipe|\bEOF\b|i\/o timeout|TLS handshake timeout|connection refused|blob upload (unknown|invalid)|server closed idle connection|unexpected end of JSON/i;
const PERMANENT =
  /denied|unauthorized|authentication required|no basic auth credentials|forbidden|\b40[134]\b|name unknown|manifest invalid|must be lowercase|invalid reference format|does not exist locally/i;

export function isTransientPushFailure(output: string): boolean {
  return TRANSIENT.test(output) && !PERMANENT.test(output);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again while it fails transiently, with exponential backoff and jitter, bounded.
 * Pushing again is safe: a registry skips the blobs it already has and a manifest PUT is idempotent.
 * The builder's client hides the registry's Retry-After header, so the backoff cannot honour it;
 * our own registry client does.
 */
export async function retryTransient<T extends { exitCode: number; output: string }>(
  attempt: () => Promise<T>,
  options: PushRetry = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 1000;
  const wait = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    const result = await attempt();
    if (result.exitCode === 0 || n >= attempts || !isTransientPushFailure(result.output)) return result;
    const delay = Math.round(base * 2 ** (n - 1) * (0.5 + random()));
    options.onRetry?.(lastLine(result.output), delay, n + 1);
    await wait(delay);
  }
}

/** The digest `docker push` reports: `1.0: digest: sha256:… size: 1234` (the tag's line when given). */
export function parsePushDigest(output: string, tag?: string): string | undefined {
  const lines = output.split(/\r?\n/).filter((line) => /: digest: sha256:[0-9a-f]{64}/.test(line));
  const line =
    (tag ? lines.find((candidate) => candidate.startsWith(`${tag}: `)) : undefined) ??
    lines[lines.length - 1];
  return line ? /(sha256:[0-9a-f]{64})/.exec(line)?.[1] : undefined;
}

/**
 * The one `docker push`: pushes `reference`, again on transient failures, and returns the digest the
 * registry stored. A failure is a PushFailedError carrying the client's last lines.
 */
export async function dockerPush(
  client: DockerClient,
  reference: string,
  retry: PushRetry = {},
): Promise<{ digest: string }> {
  const docker = client.docker ?? 'docker';
  const { tag } = parseReference(reference);
  const result = await retryTransient(async () => {
    const run = await client.runner.run(docker, ['push', reference], {
      env: client.env,
      onStdout: client.onOutput,
      onStderr: client.onOutput,
    });
    return { ...run, output: `${run.stdout}\n${run.stderr}` };
  }, retry);
  if (result.exitCode !== 0) {
    throw new PushFailedError(
      reference,
      result.exitCode,
      (result.stderr || result.stdout).trim(),
      isTransientPushFailure(result.output),
    );
  }
  const digest = parsePushDigest(result.stdout, tag);
  if (!digest) throw new Error(`docker push printed no digest for ${reference}`);
  return { digest };
}

/** `docker tag source target`; an error names both. */
export async function dockerTag(client: DockerClient, source: string, target: string): Promise<void> {
  const result = await client.runner.run(client.docker ?? 'docker', ['tag', source, target], {
    env: client.env,
  });
  if (result.exitCode !== 0)
    throw new Error(`docker tag ${source} ${target} failed: ${result.stderr.trim()}`);
}
