import { cacheHitRate } from '../build/index.js';
import { publishedReferences } from '../publish/index.js';
import { metadataValueOutputs } from '../tags/index.js';
import type { ImageBuildResult } from './image-build-types.js';

/**
 * The main action's outputs: metadata-action's (version, tags, tag-names, labels, annotations, json),
 * build-push-action's (imageid, digest, metadata) and our own (published, held-back, steps, ...).
 */
export function imageBuildOutputs(
  result: ImageBuildResult,
  separators: { sepTags: string; sepLabels: string; sepAnnotations: string },
): Record<string, string> {
  const { metadata, build, publish } = result;
  const steps = build?.result.steps ?? [];
  const heldBack = publish?.registries.flatMap((registry) =>
    registry.tags.filter((tag) => tag.status === 'held-back').map((tag) => `${registry.image}:${tag.tag}`),
  );
  return {
    ...metadataValueOutputs(metadata, separators),
    imageid: build?.result.imageId ?? '',
    digest: publish?.digest ?? build?.result.digest ?? '',
    metadata: JSON.stringify(build?.result.metadata ?? {}),
    published: publish ? publishedReferences(publish).join('\n') : '',
    'held-back': (heldBack ?? []).join('\n'),
    steps: JSON.stringify(steps),
    'cache-hit-ratio': steps.length ? cacheHitRate(steps).toFixed(3) : '',
    'scan-findings': JSON.stringify(result.scans),
  };
}
