import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpResponse } from '../../src/registry/transport/http.js';
import { isTransientNetworkError, parseRetryAfter, withRetry } from '../../src/registry/transport/retry.js';

const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: new Uint8Array(),
});

/** Plays back a script of answers (a status or an error to throw), recording each attempt. */
function scripted(script: (HttpResponse | Error)[]): HttpClient & { calls: number } {
  const client = {
    calls: 0,
    async send() {
      const next = script[client.calls++];
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return client;
}

const resetError = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });

describe('withRetry', () => {
  it('retries 5xx and resets with doubling backoff, then returns the success', async () => {
    const waits: number[] = [];
    const client = scripted([response(503), resetError(), response(502), response(200)]);
    const result = await withRetry(client, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      baseDelayMs: 100,
    }).send({
      method: 'GET',
      url: 'http://x/v2/',
    });
    expect(result.status).toBe(200);
    expect(client.calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('honours Retry-After on 429, capped by maxDelayMs', async () => {
    const waits: number[] = [];
    const client = scripted([
      response(429, { 'retry-after': '2' }),
      response(429, { 'retry-after': '120' }),
      response(201),
    ]);
    const result = await withRetry(client, {
      sleep: async (ms) => void waits.push(ms),
      maxDelayMs: 5000,
    }).send({
      method: 'PUT',
      url: 'http://x',
    });
    expect(result.status).toBe(201);
    expect(waits).toEqual([2000, 5000]);
  });

  it('gives up after the attempts, returning the last answer or throwing the last error', async () => {
    const noWait = { sleep: async () => undefined, attempts: 3 };
    const failing = scripted([response(500), response(500), response(500), response(200)]);
    expect((await withRetry(failing, noWait).send({ method: 'GET', url: 'http://x' })).status).toBe(500);
    expect(failing.calls).toBe(3);
    const dropping = scripted([resetError(), resetError(), resetError()]);
    await expect(withRetry(dropping, noWait).send({ method: 'GET', url: 'http://x' })).rejects.toThrow(
      'fetch failed',
    );
    expect(dropping.calls).toBe(3);
  });

  it('does not retry client errors or programming errors', async () => {
    const notFound = scripted([response(404), response(200)]);
    expect(
      (await withRetry(notFound, { sleep: async () => undefined }).send({ method: 'GET', url: 'http://x' }))
        .status,
    ).toBe(404);
    const bug = scripted([new RangeError('bad'), response(200)]);
    await expect(
      withRetry(bug, { sleep: async () => undefined }).send({ method: 'GET', url: 'http://x' }),
    ).rejects.toThrow('bad');
    expect(bug.calls).toBe(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(
      parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT')),
    ).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('isTransientNetworkError', () => {
  it('knows resets, timeouts and socket errors from other failures', () => {
    expect(isTransientNetworkError(resetError())).toBe(true);
    expect(isTransientNetworkError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
    expect(
      isTransientNetworkError(Object.assign(new Error('x'), { cause: { code: 'UND_ERR_SOCKET' } })),
    ).toBe(true);
    expect(isTransientNetworkError(new SyntaxError('Unexpected token'))).toBe(false);
  });
});
