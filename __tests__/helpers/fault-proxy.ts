import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy can do to a request:
 * - `500`, `503`, `429`: answer that status itself (429 with `Retry-After`), the registry never sees it;
 * - `drop`: close the connection before the registry sees the request;
 * - `drop-after`: the registry does the work, the answer is lost (the connection closes);
 * - `reset-body`: the registry's answer starts, then the connection is reset halfway through the body;
 * - `truncate`: a Content-Length lie, the answer announces every byte and ends after half of them;
 * - `slow-body`: the answer arrives in small pieces (`slowBody`), complete but slow;
 * - `corrupt`: one byte of the answer's body is changed, headers kept (a registry serving wrong bytes);
 * - `redirect`: 307 to the same URL on the proxy (same origin), which rolls the dice again;
 * - `redirect-away`: 307 to the same path on `redirectTo` (another origin: the registry itself by default).
 */
export type Fault =
  | '500'
  | '503'
  | '429'
  | 'drop'
  | 'drop-after'
  | 'reset-body'
  | 'truncate'
  | 'slow-body'
  | 'corrupt'
  | 'redirect'
  | 'redirect-away';

export const ALL_FAULTS: readonly Fault[] = [
  '500',
  '503',
  '429',
  'drop',
  'drop-after',
  'reset-body',
  'truncate',
  'slow-body',
  'corrupt',
  'redirect',
  'redirect-away',
];

export interface FaultProxyOptions {
  /** host:port of the registry behind the proxy. */
  target: string;
  /** Share of requests that get a fault (0..1). */
  faultRate?: number;
  /** The faults to pick from; by default the classic five: 500, 503, 429, drop, drop-after. */
  faults?: Fault[];
  /** Seed for the fault dice, so a failing run can be replayed. */
  seed?: number;
  /** Latency added to every request before it is forwarded. */
  delayMs?: number;
  /** Only requests whose `METHOD /path?query` matches can get a fault. */
  match?: RegExp;
  /** The first N matching requests pass untouched (to fail a flow midway). */
  skipFirst?: number;
  /** No more than this many faults in all (to fail the first tries and let a retry through). */
  maxFaults?: number;
  /** Holds requests whose `METHOD /path` matches for `ms` before forwarding them (to order a race). */
  hold?: { match: RegExp; ms: number };
  /**
   * Port to listen on; any free one by default. The test bed's `IB_PROXY_PORT` is the one port
   * its BuildKit daemon trusts as a plain-http registry, so buildx can push through the proxy.
   */
  port?: number;
  /** `Retry-After` sent with injected 429s: seconds or an HTTP date ('0' by default). */
  retryAfter?: string;
  /** host:port that `redirect-away` sends to; the target registry by default. */
  redirectTo?: string;
  /** Pace of `slow-body`: this many bytes every `intervalMs` (256 bytes every 20 ms by default). */
  slowBody?: { chunkBytes: number; intervalMs: number };
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
  faults: Object.fromEntries(ALL_FAULTS.map((f) => [f, 0])) as Record<Fault, number>,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Faults that change the registry's answer, so the proxy reads it whole first. */
const BODY_FAULTS = new Set<Fault>(['reset-body', 'truncate', 'slow-body', 'corrupt', 'drop-after']);

/**
 * A loopback HTTP proxy in front of a registry that injects faults (see `Fault`), adds latency, and
 * counts requests and bytes.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seeded(options.seed ?? 1);
  let rate = options.faultRate ?? 0;
  const faults = options.faults ?? ['500', '503', '429', 'drop', 'drop-after'];
  const stats = emptyStats();
  const [targetHost, targetPort] = options.target.split(':');
  let matched = 0;
  let injected = 0;

  /** Sends the registry's answer as it comes, or with `fault` applied to it. */
  async function answer(res: ServerResponse, upstream: IncomingMessage, fault: Fault | undefined) {
    const status = upstream.statusCode ?? 502;
    if (!fault || !BODY_FAULTS.has(fault)) {
      res.writeHead(status, upstream.headers);
      upstream.on('data', (chunk: Buffer) => (stats.bytesOut += chunk.length));
      upstream.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of upstream) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (fault === 'drop-after' || (body.length === 0 && fault !== 'slow-body' && fault !== 'corrupt')) {
      res.socket?.destroy();
      return;
    }
    const headers: IncomingHttpHeaders = { ...upstream.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    res.writeHead(status, headers);
    stats.bytesOut += body.length;
    if (fault === 'corrupt') {
      if (body.length > 0) body[Math.floor(body.length / 2)] ^= 0x01;
      res.end(body);
    } else if (fault === 'reset-body' || fault === 'truncate') {
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      await sleep(10);
      if (fault === 'reset-body') res.socket?.resetAndDestroy();
      else res.socket?.end();
    } else {
      const { chunkBytes, intervalMs } = options.slowBody ?? { chunkBytes: 256, intervalMs: 20 };
      for (let at = 0; at < body.length && !res.destroyed; at += chunkBytes) {
        res.write(body.subarray(at, at + chunkBytes));
        await sleep(intervalMs);
      }
      res.end();
    }
  }

  function injectedStatus(req: IncomingMessage, res: ServerResponse, fault: '500' | '503' | '429') {
    req.resume();
    req.on('end', () => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault === '429') headers['retry-after'] = options.retryAfter ?? '0';
      res
        .writeHead(Number(fault), headers)
        .end('{"errors":[{"code":"UNAVAILABLE","message":"injected fault"}]}');
    });
  }

  function redirect(req: IncomingMessage, res: ServerResponse, origin: string) {
    req.resume();
    req.on('end', () => res.writeHead(307, { location: `${origin}${req.url}` }).end());
  }

  const server = createServer(async (req, res) => {
    stats.requests++;
    const eligible = !options.match || options.match.test(`${req.method} ${req.url}`);
    if (eligible) matched++;
    const armed =
      eligible && matched > (options.skipFirst ?? 0) && injected < (options.maxFaults ?? Infinity);
    const fault = armed && random() < rate ? faults[Math.floor(random() * faults.length)] : undefined;
    if (fault) {
      stats.faults[fault]++;
      injected++;
    }
    if (options.delayMs) await sleep(options.delayMs);
    if (options.hold?.match.test(`${req.method} ${req.url}`)) await sleep(options.hold.ms);
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === '500' || fault === '503' || fault === '429') return injectedStatus(req, res, fault);
    if (fault === 'redirect') return redirect(req, res, `http://${req.headers.host}`);
    if (fault === 'redirect-away')
      return redirect(req, res, `http://${options.redirectTo ?? options.target}`);
    const upstream = httpRequest(
      { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers },
      (response) => void answer(res, response, fault).catch(() => res.socket?.destroy()),
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
