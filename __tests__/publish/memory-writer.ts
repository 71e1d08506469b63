import { createHash } from 'node:crypto';
import type { ManifestBytes, TagWriter } from '../../src/registry/tag-writer.js';

/** A TagWriter over in-memory repositories, counting calls; `beforePut` lets a test interleave writes. */
export function memoryWriter() {
  const manifests = new Map<string, ManifestBytes>();
  const tags = new Map<string, Map<string, string>>();
  const calls: string[] = [];
  const repo = (name: string) => {
    let found = tags.get(name);
    if (!found) tags.set(name, (found = new Map()));
    return found;
  };
  const hooks: { beforePut?: (repository: string, tags: readonly string[]) => Promise<void> | void } = {};
  const writer: TagWriter = {
    async resolveTag(repository, tag) {
      calls.push(`resolve ${tag}`);
      return tag.startsWith('sha256:') ? (manifests.has(tag) ? tag : undefined) : repo(repository).get(tag);
    },
    async listTags(repository) {
      calls.push('list');
      return [...repo(repository).keys()];
    },
    async getManifest(repository, reference) {
      calls.push(`get ${reference}`);
      const digest = reference.startsWith('sha256:') ? reference : repo(repository).get(reference);
      const found = digest ? manifests.get(digest) : undefined;
      if (!found) throw Object.assign(new Error(`manifest ${reference} unknown`), { status: 404 });
      return found;
    },
    async putTags(repository, manifest, names) {
      if (names.length === 0) return;
      await hooks.beforePut?.(repository, names);
      calls.push(`put ${names.join(',')}`);
      manifests.set(manifest.digest, manifest);
      for (const name of names) repo(repository).set(name, manifest.digest);
    },
    requestCount: () => calls.length,
  };
  /** A manifest unique to `label`; with `config`, a single-image manifest whose config has that digest. */
  const image = (label: string, config?: string): ManifestBytes => {
    const body = config
      ? { schemaVersion: 2, label, config: { digest: config, size: 1 }, layers: [] }
      : { schemaVersion: 2, label };
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const m = {
      bytes,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    };
    manifests.set(m.digest, m);
    return m;
  };
  /** What the builder's push does: the manifest exists and the tag points at it. */
  const push = (repository: string, tag: string, m: ManifestBytes) => {
    manifests.set(m.digest, m);
    repo(repository).set(tag, m.digest);
  };
  return { writer, calls, tags: (name: string) => repo(name), image, push, hooks };
}
