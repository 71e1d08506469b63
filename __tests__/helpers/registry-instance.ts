import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createSign, randomUUID } from 'node:crypto';

/** A private docker-registry (distribution 2.8) on a free loopback port, with its own data and access log. */
export interface RegistryInstance {
  /** host:port */
  address: string;
  logPath: string;
  /** Requests in the access log from a byte offset: `method path status`. */
  requests(fromOffset?: number): { method: string; path: string; status: number }[];
  logSize(): number;
  stop(): Promise<void>;
}

export interface RegistryInstanceOptions {
  /** Basic auth through an htpasswd file (bcrypt). */
  htpasswd?: { user: string; password: string };
  /** Bearer token auth: a loopback token server that grants pull,push to this user. */
  token?: { user: string; password: string };
}

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * Uploads a blob with the monolithic POST+PUT flow, straight to a registry (no client of ours), so
 * tests can build images of their own.
 */
export async function uploadBlob(
  address: string,
  repository: string,
  content: Uint8Array,
  headers: Record<string, string> = {},
): Promise<{ digest: string; size: number }> {
  const digest = sha256(content);
  const start = await fetch(`http://${address}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers });
  if (start.status !== 202)
    throw new Error(`starting an upload to ${address}/${repository}: ${start.status}`);
  const location = new URL(start.headers.get('location') as string, `http://${address}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    body: Buffer.from(content),
    headers: { ...headers, 'content-type': 'application/octet-stream' },
  });
  if (put.status !== 201) throw new Error(`uploading ${digest} to ${address}/${repository}: ${put.status}`);
  return { digest, size: content.length };
}

/**
 * An OCI image manifest's bytes, with key order and spacing that JSON.stringify would not produce:
 * a client that re-serialised them would change the digest.
 */
export function ociManifest(
  config: { digest: string; size: number },
  ...layers: { digest: string; size: number }[]
): Uint8Array {
  const layerList = layers
    .map(
      (l) => `{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"${l.digest}","size":${l.size}}`,
    )
    .join(',');
  return new TextEncoder().encode(
    `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"${config.digest}","size":${config.size}},  "layers":[${layerList}]}`,
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRegistry(options: RegistryInstanceOptions = {}): Promise<RegistryInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'ib-publish-registry-'));
  const port = await freePort();
  const logPath = join(dir, 'registry.log');
  let auth = '';
  let tokenServer: Server | undefined;
  if (options.htpasswd) {
    const hash = execFileSync(
      'python3',
      [
        '-W',
        'ignore',
        '-c',
        'import crypt,sys; print(crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH)))',
      ],
      { input: options.htpasswd.password, encoding: 'utf8' },
    ).trim();
    writeFileSync(join(dir, 'htpasswd'), `${options.htpasswd.user}:${hash}\n`);
    auth = `auth:\n  htpasswd:\n    realm: publish-test\n    path: ${join(dir, 'htpasswd')}\n`;
  }
  if (options.token) {
    const started = await startTokenServer(dir, options.token);
    tokenServer = started.server;
    auth = [
      'auth:',
      '  token:',
      `    realm: http://127.0.0.1:${started.port}/token`,
      '    service: publish-test-registry',
      '    issuer: publish-test-issuer',
      `    rootcertbundle: ${started.certPath}`,
      '',
    ].join('\n');
  }
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: info',
      '  accesslog:',
      '    disabled: false',
      '  formatter: text',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      auth,
    ].join('\n'),
  );
  const out = openSync(logPath, 'a');
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', out, out],
    detached: false,
  });
  const address = `127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const response = await fetch(`http://${address}/v2/`);
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (i > 80) {
      child.kill();
      throw new Error(`registry on ${address} did not start: ${readFileSync(logPath, 'utf8').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 125));
  }
  return {
    address,
    logPath,
    logSize: () => readFileSync(logPath).length,
    requests(fromOffset = 0) {
      const text = readFileSync(logPath).subarray(fromOffset).toString('utf8');
      const found: { method: string; path: string; status: number }[] = [];
      for (const line of text.split('\n')) {
        const m = /"(\w+) (\S+) HTTP\/[\d.]+" (\d{3}) /.exec(line);
        if (m) found.push({ method: m[1], path: m[2], status: Number(m[3]) });
      }
      return found;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await new Promise<void>((resolve) => (tokenServer ? tokenServer.close(() => resolve()) : resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A key and a self-signed certificate for `commonName`, made by openssl in `dir`. */
export function selfSignedCertificate(
  dir: string,
  commonName: string,
): { keyPath: string; certPath: string } {
  const keyPath = join(dir, `${commonName}.key`);
  const certPath = join(dir, `${commonName}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
    ],
    { stdio: 'ignore' },
  );
  return { keyPath, certPath };
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * The distribution token protocol's server side: checks basic credentials, grants the scopes asked for,
 * and signs an RS256 JWT whose x5c certificate is the registry's root bundle.
 */
async function startTokenServer(dir: string, user: { user: string; password: string }) {
  const { keyPath, certPath } = selfSignedCertificate(dir, 'publish-test-token');
  const key = readFileSync(keyPath, 'utf8');
  const certDer = Buffer.from(
    readFileSync(certPath, 'utf8').replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''),
    'base64',
  ).toString('base64');
  const expected = `Basic ${Buffer.from(`${user.user}:${user.password}`).toString('base64')}`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    const anonymous = !req.headers.authorization;
    if (!anonymous && req.headers.authorization !== expected) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"bad credentials"}]}');
      return;
    }
    const access = url.searchParams.getAll('scope').flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      // Anonymous users get nothing: the registry then answers 401 and the client must say so.
      return anonymous ? [] : [{ type, name, actions: actions.split(',') }];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer] }));
    const claims = base64url(
      JSON.stringify({
        iss: 'publish-test-issuer',
        sub: anonymous ? '' : user.user,
        aud: url.searchParams.get('service'),
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key).toString('base64url');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token: `${header}.${claims}.${signature}` }));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port, certPath };
}
