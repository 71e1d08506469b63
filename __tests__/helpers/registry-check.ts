import { expect } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import { indexManifests, isIndexMediaType, manifestBlobs } from '../../src/registry/manifest.js';
import { testbed } from './testbed.js';

/**
 * Every tag in the repository, read straight from the registry (not through the proxy), points at a
 * manifest whose blobs all exist: no tag names a half-published image.
 */
export async function assertNoHalfPublishedTag(repository: string): Promise<Map<string, string>> {
  const direct = createRegistryClient({ registry: testbed().registry });
  const pointing = new Map<string, string>();
  for (const tag of await direct.listTags(repository)) {
    const manifest = await direct.getManifest(repository, tag);
    pointing.set(tag, manifest.digest);
    const children = isIndexMediaType(manifest.mediaType) ? indexManifests(manifest.bytes) : [];
    expect(children).toEqual([]);
    for (const blob of manifestBlobs(manifest.bytes)) {
      expect(await direct.blobExists(repository, blob.digest), `${tag} -> ${blob.digest}`).toBe(true);
    }
  }
  return pointing;
}
