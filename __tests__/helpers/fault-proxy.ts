import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = '500' | '503' | '429' | 'drop' | 'drop-after';

export interface FaultProxyOptions {
  /** host:port of the registry behind the proxy. */
  target: string;
  /** Share of requests that get a fault (0..1). */
  faultRate?: number;
  faults?: Fault[];
  /** Seed for the fault dice, so a failing run can be replayed. */
  seed?: number;
  /** Latency added to every request before it is forwarded. */
  delayMs?: number;
  /** Only requests whose `METHOD /path?query` matches can get a fault. */
  match?: RegExp;
  /** The first N matching requests pass untouched (to fail a flow midway). */
  skipFirst?: number;
  /** Holds requests whose `METHOD /path` matches for `ms` before forwarding them (to order a race). */
  hold?: { match: RegExp; ms: number };
  /**
   * Port to listen on; any free one by default. The test bed's `IB_PROXY_PORT` is the one port
   * its BuildKit daemon trusts as a plain-http registry, so buildx can push through the proxy.
   */
  port?: number;
}

export interface FaultProxyStats {
  requests: number;
  /** Request body bytes that reached the registry. */
  bytesIn: number;
  /** Response body bytes the registry sent back. */
  bytesOut: number;
  faults: Record<Fault, number>;
}

export interface FaultProxy {
  /** host:port of the proxy. */
  address: string;
  stats: FaultProxyStats;
  setFaultRate(rate: number): void;
  resetStats(): void;
  stop(): Promise<void>;
}

/** mulberry32: a small seeded generator, enough for fault dice. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const emptyStats = (): FaultProxyStats => ({
  requests: 0,
  bytesIn: 0,
  bytesOut: 0,
  faults: { '500': 0, '503': 0, '429': 0, drop: 0, 'drop-after': 0 },
});

/**
 * A loopback HTTP proxy in front of a registry that injects 5xx, 429 and dropped connections (before
 * the registry sees the request, or after it did the work so only the answer is lost), adds latency,
 * and counts requests and bytes.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seeded(options.seed ?? 1);
  let rate = options.faultRate ?? 0;
  const faults = options.faults ?? ['500', '503', '429', 'drop', 'drop-after'];
  const stats = emptyStats();
  let matched = 0;
  const server = createServer(async (req, res) => {
    stats.requests++;
    const eligible = !options.match || options.match.test(`${req.method} ${req.url}`);
    if (eligible) matched++;
    const armed = eligible && matched > (options.skipFirst ?? 0);
    const fault = armed && random() < rate ? faults[Math.floor(random() * faults.length)] : undefined;
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (options.hold?.match.test(`${req.method} ${req.url}`))
      await new Promise((r) => setTimeout(r, options.hold?.ms));
    if (fault) stats.faults[fault]++;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === '500' || fault === '503' || fault === '429') {
      req.resume();
      req.on('end', () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault === '429') headers['retry-after'] = '0';
        res
          .writeHead(Number(fault), headers)
          .end('{"errors":[{"code":"UNAVAILABLE","message":"injected fault"}]}');
      });
      return;
    }
    const upstream = httpRequest(
      {
        host: options.target.split(':')[0],
        port: Number(options.target.split(':')[1]),
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer: IncomingMessage) => {
        if (fault === 'drop-after') {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => (stats.bytesOut += chunk.length));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.on('data', (chunk: Buffer) => (stats.bytesIn += chunk.length));
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    stats,
    setFaultRate: (value) => (rate = value),
    resetStats: () => Object.assign(stats, emptyStats()),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
