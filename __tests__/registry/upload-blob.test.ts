import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { givenCredentials } from '../../src/registry/credentials.js';
import { BODY_LIMITS } from '../../src/registry/limits.js';
import { sha256Digest } from '../../src/registry/manifest.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/registry/transport/http.js';

const BYTES = new Uint8Array(Buffer.from('{"schemaVersion":1}'));
const DIGEST = sha256Digest(BYTES);

/** A registry that opens uploads at `location` and stores what the PUT brings; every request logged. */
function uploads(location: string, options: { storedDigest?: string } = {}) {
  const requests: HttpRequest[] = [];
  const http: HttpClient = {
    async send(request): Promise<HttpResponse> {
      requests.push(request);
      const url = new URL(request.url);
      if (request.headers?.authorization !== 'Basic Ym90OnB3')
        return { status: 401, headers: { 'www-authenticate': 'Basic realm="reg"' }, body: new Uint8Array() };
      if (request.method === 'POST' && url.pathname === '/v2/app/blobs/uploads/')
        return { status: 202, headers: { location }, body: new Uint8Array() };
      if (request.method === 'PUT' && url.pathname === '/v2/app/blobs/uploads/u-1') {
        const digest = url.searchParams.get('digest') ?? '';
        const body = request.body as Uint8Array;
        const ok = sha256Digest(body) === digest && url.searchParams.get('_state') === 's';
        return ok
          ? {
              status: 201,
              headers: { 'docker-content-digest': options.storedDigest ?? digest },
              body: new Uint8Array(),
            }
          : { status: 400, headers: {}, body: new Uint8Array() };
      }
      return { status: 404, headers: {}, body: new Uint8Array() };
    },
  };
  const client = createRegistryClient({
    registry: 'reg.test',
    credentials: givenCredentials({ 'reg.test': { username: 'bot', password: 'pw' } }),
    http,
    retry: { sleep: async () => undefined },
  });
  return { client, requests };
}

describe('uploadBlob', () => {
  it('POSTs an upload and PUTs the bytes to a relative Location with their digest', async () => {
    const { client, requests } = uploads('/v2/app/blobs/uploads/u-1?_state=s');
    expect(await client.uploadBlob('app', BYTES)).toBe(DIGEST);
    const sent = requests.filter((request) => request.headers?.authorization);
    expect(sent.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /v2/app/blobs/uploads/',
      'PUT /v2/app/blobs/uploads/u-1',
    ]);
    expect(new URL(sent[1].url).searchParams.get('digest')).toBe(DIGEST);
  });

  it('follows an absolute Location on the same registry', async () => {
    const { client } = uploads('https://reg.test/v2/app/blobs/uploads/u-1?_state=s');
    expect(await client.uploadBlob('app', BYTES)).toBe(DIGEST);
  });

  it('refuses a Location on another origin: the PUT would carry the credentials there', async () => {
    const { client, requests } = uploads('https://storage.example/v2/app/blobs/uploads/u-1?_state=s');
    await expect(client.uploadBlob('app', BYTES)).rejects.toThrow(/not on this registry/);
    expect(requests.some((request) => request.url.startsWith('https://storage.example'))).toBe(false);
  });

  it('fails when the registry names another digest than the bytes have', async () => {
    const { client } = uploads('/v2/app/blobs/uploads/u-1?_state=s', {
      storedDigest: `sha256:${'0'.repeat(64)}`,
    });
    await expect(client.uploadBlob('app', BYTES)).rejects.toThrow(/stored digest sha256:0+, expected/);
  });

  it('refuses a blob over the in-memory upload cap before any request', async () => {
    const { client, requests } = uploads('/v2/app/blobs/uploads/u-1?_state=s');
    await expect(client.uploadBlob('app', new Uint8Array(BODY_LIMITS.uploadBlob + 1))).rejects.toThrow(
      /over the 16 MiB/,
    );
    expect(requests).toEqual([]);
  });
});
