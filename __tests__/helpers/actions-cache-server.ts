import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BlobStore, startAzurite } from './azurite.js';

/** One entry as the GitHub cache service (v1 REST, `_apis/artifactcache`) keeps it. */
export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  committed: boolean;
  /** Chunks by byte offset, as PATCHed with `Content-Range: bytes start-end/*`. */
  chunks: Map<number, Buffer>;
  size: number;
  created: number;
}

export type CacheProtocol = 'v1' | 'v2';

export interface ActionsCacheServer {
  protocol: CacheProtocol;
  /** Base URL (ends with `/`): ACTIONS_CACHE_URL for v1, ACTIONS_RESULTS_URL for v2. */
  url: string;
  /** The variables the runner sets for @actions/cache to pick this protocol and find this server. */
  env: Record<string, string>;
  entries(): CacheEntry[];
  /** Every request, `METHOD path`, for assertions on what the client did. */
  requests: string[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function assemble(entry: CacheEntry): Buffer {
  const ordered = [...entry.chunks.entries()].sort((a, b) => a[0] - b[0]);
  return Buffer.concat(ordered.map(([, chunk]) => chunk));
}

/** Each key in order: an exact match first, then the newest committed entry it is a prefix of. */
function lookup(entries: CacheEntry[], keys: string[], version: string): CacheEntry | undefined {
  const candidates = entries
    .filter((entry) => entry.committed && entry.version === version)
    .sort((a, b) => b.created - a.created);
  for (const key of keys) {
    const hit =
      candidates.find((entry) => entry.key === key) ?? candidates.find((entry) => entry.key.startsWith(key));
    if (hit) return hit;
  }
  return undefined;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

/** @actions/cache sends protobuf field names (`size_bytes`); the JSON mapping also allows camelCase. */
function field(message: Record<string, unknown>, name: string): unknown {
  return message[name] ?? message[name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase())];
}

/**
 * A loopback emulator of the Actions cache service, in either protocol @actions/cache speaks:
 * - v1 (REST, `_apis/artifactcache`, used unless ACTIONS_CACHE_SERVICE_V2 is set): look up by keys,
 *   reserve, upload chunks, commit, download from the returned archiveLocation;
 * - v2 (what GitHub runs today: twirp `CacheService` JSON + Azure Blob): CreateCacheEntry hands out a
 *   signed upload URL on a real Azure Blob endpoint (Azurite), FinalizeCacheEntryUpload commits, and
 *   GetCacheEntryDownloadURL answers with a signed download URL.
 * Lookups follow the service: exact key, then prefix, newest first, same version only.
 */
export async function startActionsCacheServer(protocol: CacheProtocol = 'v1'): Promise<ActionsCacheServer> {
  const blobs: BlobStore | undefined = protocol === 'v2' ? await startAzurite() : undefined;
  const entries: CacheEntry[] = [];
  const requests: string[] = [];
  let nextId = 1;
  let base = '';

  const blobName = (entry: CacheEntry) => `entry-${entry.id}.tzst`;
  async function twirp(
    method: string,
    message: Record<string, unknown>,
    response: ServerResponse,
  ): Promise<void> {
    const store = blobs as BlobStore;
    const key = String(message.key ?? '');
    const version = String(message.version ?? '');
    if (method === 'CreateCacheEntry') {
      if (entries.some((entry) => entry.key === key && entry.version === version)) {
        return json(response, 409, { code: 'already_exists', msg: `cache entry ${key} already exists` });
      }
      const entry: CacheEntry = {
        id: nextId++,
        key,
        version,
        committed: false,
        chunks: new Map(),
        size: 0,
        created: Date.now() + entries.length,
      };
      entries.push(entry);
      return json(response, 200, { ok: true, signedUploadUrl: store.signedUrl(blobName(entry), 'cw') });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.find(
        (candidate) => candidate.key === key && candidate.version === version && !candidate.committed,
      );
      const stored = entry ? await store.size(blobName(entry)) : undefined;
      if (!entry || stored === undefined || stored !== Number(field(message, 'size_bytes'))) {
        return json(response, 200, { ok: false, entryId: '0', message: 'upload missing or size mismatch' });
      }
      entry.size = stored;
      entry.committed = true;
      return json(response, 200, { ok: true, entryId: String(entry.id) });
    }
    if (method === 'GetCacheEntryDownloadURL') {
      const requested = field(message, 'restore_keys');
      const restoreKeys = Array.isArray(requested) ? requested.map(String) : [];
      const hit = lookup(entries, [key, ...restoreKeys], version);
      if (!hit) return json(response, 200, { ok: false, signedDownloadUrl: '', matchedKey: '' });
      return json(response, 200, {
        ok: true,
        signedDownloadUrl: store.signedUrl(blobName(hit), 'r'),
        matchedKey: hit.key,
      });
    }
    return json(response, 404, { code: 'bad_route', msg: `no method ${method}` });
  }

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', base);
      requests.push(`${request.method} ${url.pathname}`);
      const body = await readBody(request);
      const cachePath = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(url.pathname);

      if (blobs && request.method === 'POST' && url.pathname.startsWith(TWIRP)) {
        return twirp(url.pathname.slice(TWIRP.length), JSON.parse(body.toString('utf8') || '{}'), response);
      }
      if (request.method === 'GET' && url.pathname === '/_apis/artifactcache/cache') {
        const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
        const hit = lookup(entries, keys, url.searchParams.get('version') ?? '');
        if (!hit) return json(response, 204);
        return json(response, 200, {
          cacheKey: hit.key,
          scope: 'refs/heads/main',
          cacheVersion: hit.version,
          creationTime: new Date(hit.created).toISOString(),
          archiveLocation: `${base}download/${hit.id}`,
        });
      }
      if (request.method === 'POST' && url.pathname === '/_apis/artifactcache/caches') {
        const { key, version } = JSON.parse(body.toString('utf8')) as { key: string; version: string };
        if (entries.some((entry) => entry.key === key && entry.version === version)) {
          return json(response, 409, {
            message: `Cache already exists. Scope: refs/heads/main, Key: ${key}`,
          });
        }
        const entry: CacheEntry = {
          id: nextId++,
          key,
          version,
          committed: false,
          chunks: new Map(),
          size: 0,
          created: Date.now() + entries.length,
        };
        entries.push(entry);
        return json(response, 201, { cacheId: entry.id });
      }
      if (cachePath && request.method === 'PATCH') {
        const entry = entries.find((candidate) => candidate.id === Number(cachePath[1]));
        const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(request.headers['content-range'] ?? ''));
        if (!entry || entry.committed || !range) return json(response, 400, { message: 'bad upload' });
        if (Number(range[2]) - Number(range[1]) + 1 !== body.length)
          return json(response, 400, { message: 'range mismatch' });
        entry.chunks.set(Number(range[1]), body);
        return json(response, 204);
      }
      if (cachePath && request.method === 'POST') {
        const entry = entries.find((candidate) => candidate.id === Number(cachePath[1]));
        const { size } = JSON.parse(body.toString('utf8')) as { size: number };
        if (!entry || assemble(entry).length !== size)
          return json(response, 400, { message: 'size mismatch' });
        entry.size = size;
        entry.committed = true;
        return json(response, 204);
      }
      const download = /^\/download\/(\d+)$/.exec(url.pathname);
      if (download && request.method === 'GET') {
        const entry = entries.find(
          (candidate) => candidate.id === Number(download[1]) && candidate.committed,
        );
        if (!entry) return json(response, 404);
        const data = assemble(entry);
        response.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': data.length,
        });
        return response.end(data);
      }
      return json(response, 404, { message: `no route ${request.method} ${url.pathname}` });
    })().catch((error: unknown) => json(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    protocol,
    url: base,
    env:
      protocol === 'v2'
        ? { ACTIONS_RESULTS_URL: base, ACTIONS_CACHE_SERVICE_V2: 'true' }
        : { ACTIONS_CACHE_URL: base },
    entries: () => entries,
    requests,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await blobs?.stop();
    },
  };
}
