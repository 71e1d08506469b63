import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** http://127.0.0.1:port */
  origin: string;
  /** host:port */
  address: string;
  /** `METHOD /path?query authorization-or-none` of every request, in order. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A plain HTTP server on a free loopback port. Two of them are two origins: that is what the
 * redirect tests need, a registry and a host it sends us to.
 */
export async function loopbackServer(
  handle: (req: IncomingMessage, res: ServerResponse, origin: string) => void,
): Promise<LoopbackServer> {
  const seen: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? 'none'}`);
    handle(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${address}`;
  return {
    origin,
    address,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Writes `total` bytes of `a` as the body, honouring backpressure, and stops when the client goes
 * away. Resolves with how many bytes were handed to the socket: what a client made the server send.
 */
export function sendGenerated(res: ServerResponse, total: number): Promise<number> {
  const block = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  return new Promise((resolve) => {
    res.once('close', () => resolve(sent));
    const pump = () => {
      while (sent < total && !res.destroyed) {
        const n = Math.min(block.length, total - sent);
        sent += n;
        if (!res.write(n === block.length ? block : block.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
}
