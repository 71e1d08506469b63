import { createHash } from 'node:crypto';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/registry/transport/http.js';

export interface FakeRegistryOptions {
  /** 'bearer': /v2/ challenges with a token realm that wants user/secret; 'basic': basic auth; 'none'. */
  auth: 'bearer' | 'basic' | 'none';
  user?: string;
  password?: string;
  /** Answer `?tag=` on digest PUTs with OCI-Tag. */
  tagParameters?: boolean;
  pageSize?: number;
  /** The bearer challenge's realm; https://auth.test/token by default. */
  realm?: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: new TextEncoder().encode(JSON.stringify(body)),
});

/**
 * An in-memory registry speaking enough of the distribution API for unit tests of the transport and
 * the client: auth challenges, token endpoint, manifests by tag and digest, paginated tag list.
 */
export function fakeRegistry(options: FakeRegistryOptions) {
  const manifests = new Map<string, { bytes: Uint8Array; type: string }>();
  const tags = new Map<string, string>();
  const log: string[] = [];
  const tokenFor = 'tok-123';
  const authorised = (request: HttpRequest) => {
    const header = request.headers?.authorization;
    if (options.auth === 'none') return true;
    if (options.auth === 'basic') {
      return header === `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
    }
    return header === `Bearer ${tokenFor}`;
  };
  const client: HttpClient = {
    async send(request) {
      const url = new URL(request.url);
      log.push(`${request.method} ${url.pathname}${url.search}`);
      if (url.hostname === 'auth.test') {
        const expected = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
        if (request.headers?.authorization !== expected)
          return json(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad' }] });
        return json(200, { token: tokenFor });
      }
      if (!authorised(request)) {
        const challenge =
          options.auth === 'basic'
            ? 'Basic realm="fake"'
            : `Bearer realm="${options.realm ?? 'https://auth.test/token'}",service="fake",scope="repository:app:pull"`;
        return json(
          401,
          { errors: [{ code: 'UNAUTHORIZED', message: 'auth' }] },
          { 'www-authenticate': challenge },
        );
      }
      if (url.pathname === '/v2/') return json(200, {});
      const tagsMatch = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
      if (tagsMatch) {
        const prefix = `${tagsMatch[1]}:`;
        const all = [...tags.keys()]
          .filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(prefix.length))
          .sort();
        const last = url.searchParams.get('last');
        const n = Math.min(Number(url.searchParams.get('n') ?? 1000), options.pageSize ?? 1000);
        const start = last ? all.indexOf(last) + 1 : 0;
        const page = all.slice(start, start + n);
        const more = start + n < all.length;
        const headers: Record<string, string> = more
          ? { link: `</v2/${tagsMatch[1]}/tags/list?last=${page[page.length - 1]}&n=${n}>; rel="next"` }
          : {};
        return json(200, { name: tagsMatch[1], tags: page }, headers);
      }
      const manifestMatch = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
      if (manifestMatch) {
        const reference = decodeURIComponent(manifestMatch[2]);
        if (request.method === 'PUT') {
          const bytes =
            typeof request.body === 'string'
              ? new TextEncoder().encode(request.body)
              : (request.body as Uint8Array);
          const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
          manifests.set(digest, { bytes, type: request.headers?.['content-type'] ?? '' });
          if (!reference.startsWith('sha256:')) tags.set(`${manifestMatch[1]}:${reference}`, digest);
          const headers: Record<string, string> = { 'docker-content-digest': digest };
          const asked = url.searchParams.getAll('tag');
          if (options.tagParameters && asked.length) {
            for (const tag of asked) tags.set(`${manifestMatch[1]}:${tag}`, digest);
            headers['oci-tag'] = asked.join(', ');
          }
          return { status: 201, headers, body: new Uint8Array() };
        }
        const digest = reference.startsWith('sha256:')
          ? reference
          : tags.get(`${manifestMatch[1]}:${reference}`);
        const stored = digest ? manifests.get(digest) : undefined;
        if (!stored || !digest)
          return json(404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'unknown' }] });
        return {
          status: 200,
          headers: {
            'content-type': stored.type,
            'docker-content-digest': digest,
            'content-length': String(stored.bytes.length),
          },
          body: request.method === 'HEAD' ? new Uint8Array() : stored.bytes,
        };
      }
      return json(404, { errors: [{ code: 'NAME_UNKNOWN', message: 'no' }] });
    },
  };
  return { client, log, tags, manifests };
}
