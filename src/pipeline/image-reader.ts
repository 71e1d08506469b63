import { createRegistryClient, dockerConfigCredentials, parseReference } from '../registry/index.js';
import type { ImageConfigLike, ManifestLike } from '../report/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { ImageReader } from './report.js';

interface IndexLike {
  manifests?: { digest: string; platform?: { os?: string; architecture?: string } }[];
}

/**
 * Reads a published image back from its registry with docker's credentials. For an index, the first
 * real platform's manifest is reported (attestation manifests are `unknown/unknown`).
 */
export function registryImageReader(options: {
  runner: CommandRunner;
  logger: Logger;
  env: NodeJS.ProcessEnv;
}): ImageReader {
  return async (image, digest) => {
    const ref = parseReference(image);
    const client = createRegistryClient({
      registry: ref.registry,
      runner: options.runner,
      logger: options.logger,
      credentials: dockerConfigCredentials({ runner: options.runner, env: options.env }),
    });
    const decode = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes).toString('utf8'));
    let manifest = decode((await client.getManifest(ref.repository, digest)).bytes) as ManifestLike &
      IndexLike;
    if (manifest.manifests) {
      const platform = manifest.manifests.find((entry) => entry.platform?.os !== 'unknown');
      if (!platform) throw new Error(`${image}@${digest} is an index without a platform image`);
      manifest = decode((await client.getManifest(ref.repository, platform.digest)).bytes) as ManifestLike &
        IndexLike;
    }
    const config = decode(await client.getBlob(ref.repository, manifest.config.digest)) as ImageConfigLike;
    return { manifest, config };
  };
}
