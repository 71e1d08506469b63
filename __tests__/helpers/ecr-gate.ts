import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatedRepository } from './ecr-emulator.js';
import { tagIsImmutable } from './ecr-images.js';
import { sha256Digest, type EcrRegistryStore } from './ecr-registry.js';

/**
 * The registry side of the ECR emulator: the `proxyEndpoint` that `docker login` and `docker push` talk
 * to. It accepts only Basic `AWS:<password>` from the emulator's token, maps repository `<name>` to the
 * real registry's `ecr/<name>`, refuses repositories ECR does not know, and rejects re-pushing a tag of
 * an immutable tag (IMMUTABLE, or by the exclusion filters) as ECR does.
 */
export interface EcrGateOptions {
  registry: string;
  password: string;
  repositories: Map<string, EmulatedRepository>;
  store: EcrRegistryStore;
  onManifestPushed: (repository: string, digest: string) => void;
}

export interface EcrGate {
  host: string;
  /** Requests refused for missing or wrong credentials. */
  refused: number;
  close(): Promise<void>;
}

const REPOSITORY_PATH = /^\/v2\/(.+?)\/(manifests|blobs|tags)\/(.*)$/;

export async function startEcrGate(options: EcrGateOptions): Promise<EcrGate> {
  const expected = `Basic ${Buffer.from(`AWS:${options.password}`).toString('base64')}`;
  const state = { refused: 0 };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) registryError(response, 500, 'UNKNOWN', String(error));
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.authorization !== expected) {
      state.refused += 1;
      response.writeHead(401, {
        'WWW-Authenticate': `Basic realm="https://${host}/",service="ecr.amazonaws.com"`,
        'Docker-Distribution-API-Version': 'registry/2.0',
        'Content-Type': 'application/json',
      });
      response.end(JSON.stringify({ errors: [{ code: 'DENIED', message: 'Not Authorized' }] }));
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const match = REPOSITORY_PATH.exec(url.pathname);
    if (!match) return forward(request, response, url.pathname + url.search);
    const [, name, kind, rest] = match;
    const repository = options.repositories.get(name);
    if (!repository) {
      return registryError(
        response,
        404,
        'NAME_UNKNOWN',
        `The repository with name '${name}' does not exist`,
      );
    }
    const from = url.searchParams.get('from');
    if (from) url.searchParams.set('from', options.store.path(from));
    const upstreamPath = `/v2/${options.store.path(name)}/${kind}/${rest}${url.search}`;
    if (kind !== 'manifests' || request.method !== 'PUT') return forward(request, response, upstreamPath);

    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const digest = sha256Digest(body);
    if (!rest.startsWith('sha256:') && tagIsImmutable(repository, rest)) {
      const existing = await options.store.headDigest(name, rest);
      // ECR refuses any push to an existing immutable tag, even of the same image.
      if (existing) {
        return registryError(
          response,
          400,
          'TAG_INVALID',
          `The image tag '${rest}' already exists in the '${name}' repository and cannot be overwritten because the repository is immutable.`,
        );
      }
    }
    const status = await forward(request, response, upstreamPath, body);
    if (status === 201) options.onManifestPushed(name, digest);
  };

  const forward = (request: IncomingMessage, response: ServerResponse, path: string, body?: Buffer) =>
    new Promise<number>((resolve, reject) => {
      const [hostname, port] = options.registry.split(':');
      const headers = { ...request.headers };
      delete headers.authorization;
      if (body) {
        delete headers['transfer-encoding'];
        headers['content-length'] = String(body.length);
      }
      const upstream = httpRequest(
        { hostname, port: Number(port), method: request.method, path, headers },
        (reply) => {
          const replyHeaders = { ...reply.headers };
          if (typeof replyHeaders.location === 'string') {
            replyHeaders.location = replyHeaders.location.replace('/v2/ecr/', '/v2/');
          }
          response.writeHead(reply.statusCode ?? 502, replyHeaders);
          reply.pipe(response);
          reply.on('end', () => resolve(reply.statusCode ?? 502));
          reply.on('error', reject);
        },
      );
      upstream.on('error', reject);
      if (body) upstream.end(body);
      else request.pipe(upstream);
    });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    get refused() {
      return state.refused;
    },
    close: () => closeServer(server),
  };
}

function registryError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Docker-Distribution-API-Version': 'registry/2.0',
  });
  response.end(JSON.stringify({ errors: [{ code, message }] }));
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
