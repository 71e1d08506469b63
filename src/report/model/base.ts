import { BASE_DIGEST_ANNOTATION, BASE_NAME_ANNOTATION } from './oci.js';
import type { BaseImageModel } from './types.js';

/** What is known about the base image: annotations name it, its config's diff_ids count its layers. */
export interface BaseImageHint {
  name?: string;
  digest?: string;
  /** `rootfs.diff_ids` of the base image's config: the image starts with exactly these layers. */
  diffIds?: readonly string[];
  /** The base's layer count, when known without its config (from its manifest). */
  layerCount?: number;
}

/** The base image named by `org.opencontainers.image.base.*` annotations (BuildKit writes them). */
export function baseFromAnnotations(
  ...sources: (Record<string, string> | undefined)[]
): Pick<BaseImageHint, 'name' | 'digest'> | undefined {
  for (const annotations of sources) {
    const name = annotations?.[BASE_NAME_ANNOTATION];
    const digest = annotations?.[BASE_DIGEST_ANNOTATION];
    if (name || digest) return { name, digest };
  }
  return undefined;
}

/**
 * How many bottom layers are the base image's. A diff_id prefix is proof; a layer count from the base's
 * manifest is trusted as given. Annotations alone name the base but cannot say where it ends.
 */
export function resolveBase(
  hint: BaseImageHint | undefined,
  diffIds: readonly string[],
): BaseImageModel | undefined {
  if (!hint) return undefined;
  const named = { name: hint.name, digest: hint.digest };
  if (hint.diffIds?.length) {
    const prefix = hint.diffIds.every((diffId, index) => diffIds[index] === diffId);
    if (prefix) return { ...named, layerCount: hint.diffIds.length, matchedBy: 'diff-ids' };
  }
  if (hint.layerCount !== undefined && hint.layerCount <= diffIds.length) {
    return { ...named, layerCount: hint.layerCount, matchedBy: 'given' };
  }
  // Named but not located: the report names the base and counts every layer as the image's own.
  return hint.name || hint.digest ? { ...named, layerCount: 0, matchedBy: 'annotation' } : undefined;
}
