import type { HttpClient, HttpResponse } from './http.js';
import { isTransientNetworkError, NetworkError } from './network.js';

export { isTransientNetworkError } from './network.js';

export interface RetryOptions {
  /** Attempts in total, the first included. */
  attempts?: number;
  /** First backoff; doubled each time, with jitter. */
  baseDelayMs?: number;
  /** No single wait (backoff or Retry-After) is longer than this. */
  maxDelayMs?: number;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests get fixed jitter. */
  random?: () => number;
  /** Called before each retry: what failed and how long we wait. */
  onRetry?: (reason: string, delayMs: number, attempt: number) => void;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Retries on 5xx, 408, 429 (honouring Retry-After) and transient network errors (resets, dropped
 * connections, timeouts), with exponential backoff and jitter, every wait at most `maxDelayMs`.
 * Permanent causes (host not found, connection refused, TLS, bodies over their limit) fail at once.
 * Every request the registry client makes is idempotent (GET, HEAD, PUT of content-addressed bytes,
 * mount), so a retry after a lost response is safe.
 */
export function withRetry(client: HttpClient, options: RetryOptions = {}): HttpClient {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const backoff = (attempt: number) => Math.min(max, base * 2 ** (attempt - 1) * (0.5 + random()));
  return {
    async send(request) {
      for (let attempt = 1; ; attempt++) {
        let response: HttpResponse;
        try {
          response = await client.send(request);
        } catch (error) {
          if (!isTransientNetworkError(error)) throw error;
          if (attempt >= attempts) throw error instanceof NetworkError ? error.afterAttempts(attempt) : error;
          const delay = backoff(attempt);
          options.onRetry?.((error as Error).message, delay, attempt);
          await wait(delay);
          continue;
        }
        if (!RETRY_STATUS.has(response.status) || attempt >= attempts) return response;
        const delay = Math.min(max, parseRetryAfter(response.headers['retry-after']) ?? backoff(attempt));
        options.onRetry?.(`status ${response.status}`, delay, attempt);
        await wait(delay);
      }
    },
  };
}
