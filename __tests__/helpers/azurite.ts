import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';

/** Azurite's documented development account (public, fixed in every Azurite install). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A real Azure Blob endpoint on loopback (Azurite), handing out SAS URLs as the cache service does. */
export interface BlobStore {
  /** A URL for one blob, signed for the given permissions ("r" read, "cw" create+write). */
  signedUrl(blob: string, permissions: string): string;
  /** Size of a stored blob, or undefined when absent. */
  size(blob: string): Promise<number | undefined>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startAzurite(container = 'actions-cache'): Promise<BlobStore> {
  const location = mkdtempSync(join(tmpdir(), 'ib-azurite-'));
  const port = await freePort();
  const main = fileURLToPath(new URL('../../node_modules/azurite/dist/src/blob/main.js', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      location,
      '--silent',
      '--skipApiVersionCheck',
      // Azurite reports telemetry to an Azure endpoint by default: nothing may leave loopback.
      '--disableTelemetry',
    ],
    { stdio: 'ignore' },
  );
  const endpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const service = new BlobServiceClient(endpoint, credential);
  const containerClient = service.getContainerClient(container);
  for (let attempt = 0; ; attempt++) {
    try {
      await containerClient.createIfNotExists();
      break;
    } catch (error) {
      if (attempt > 80 || child.exitCode !== null) {
        child.kill('SIGTERM');
        rmSync(location, { recursive: true, force: true });
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    signedUrl(blob, permissions) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: blob,
          permissions: BlobSASPermissions.parse(permissions),
          expiresOn: new Date(Date.now() + 3600_000),
        },
        credential,
      ).toString();
      return `${endpoint}/${container}/${blob}?${sas}`;
    },
    async size(blob) {
      try {
        return (await containerClient.getBlobClient(blob).getProperties()).contentLength;
      } catch {
        return undefined;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      rmSync(location, { recursive: true, force: true });
    },
  };
}
