import { compareText } from '../util/compare-text.js';
import type { RepoInfo } from './types.js';

/** The OCI labels metadata-action derives from the repository and the run. */
export function ociDefaults(repo: RepoInfo, version: string, created: string, sha: string): string[] {
  return [
    `org.opencontainers.image.title=${repo.name || ''}`,
    `org.opencontainers.image.description=${repo.description || ''}`,
    `org.opencontainers.image.url=${repo.html_url || ''}`,
    `org.opencontainers.image.source=${repo.html_url || ''}`,
    `org.opencontainers.image.version=${version}`,
    `org.opencontainers.image.created=${created}`,
    `org.opencontainers.image.revision=${sha || ''}`,
    `org.opencontainers.image.licenses=${repo.license?.spdx_id || ''}`,
  ];
}

/**
 * Merges `key=value` entries: later entries override earlier ones by key, entries without `=`
 * are dropped, and the result is sorted by key (as metadata-action does for labels and annotations).
 */
export function mergeKeyValues(entries: readonly string[]): string[] {
  const merged = new Map<string, string>();
  for (const entry of entries) {
    const [key, ...rest] = entry.split('=');
    if (rest.length === 0) continue;
    merged.set(key, rest.join('='));
  }
  return [...merged.entries()]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([key, value]) => `${key}=${value}`);
}

/** `key=value` lines as an object (split on the first `=`), as the json and bake outputs hold them. */
export function keyValueObject(entries: readonly string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (const entry of entries) {
    const found = /([^=]*)=(.*)/.exec(entry);
    if (found) object[found[1]] = found[2];
  }
  return object;
}
