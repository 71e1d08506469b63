import {
  buildReport,
  layersWithHistory,
  type ImageConfigLike,
  type ImageReport,
  type ManifestLike,
  type ReportTag,
} from '../report/index.js';
import type { ImageBuildResult } from './run.js';

/** Reads a published image's manifest and config (from the registry), for the size report. */
export type ImageReader = (
  image: string,
  digest: string,
) => Promise<{ manifest: ManifestLike; config: ImageConfigLike }>;

const OUTCOME: Record<string, ReportTag['outcome']> = {
  pushed: 'pushed',
  written: 'tagged',
  unchanged: 'unchanged',
  'held-back': 'held-back',
  superseded: 'held-back',
};

/** Turns a run's results into the report model; sizes come from the registry when the image was pushed. */
export async function reportFor(result: ImageBuildResult, readImage: ImageReader): Promise<ImageReport> {
  const source = result.reportSource;
  const image = source ? await readImage(source.image, source.digest) : undefined;
  // FROM steps are never built, so they would only inflate the cache ratio (as in cacheHitRate).
  const steps = (result.build?.result.steps ?? [])
    .filter((step) => !/^FROM\s/i.test(step.instruction))
    .map((step) => ({
      name: `${step.stage ? `[${step.stage} ${step.position}] ` : ''}${step.instruction}`,
      cached: step.cached,
      seconds: step.durationSeconds,
    }));
  const tags: ReportTag[] = result.publish
    ? result.publish.registries.flatMap((registry) =>
        registry.tags.map((tag) => ({
          reference: `${registry.image}:${tag.tag}`,
          outcome: OUTCOME[tag.status] ?? 'tagged',
          reason: tag.reason,
        })),
      )
    : result.metadata.tags.map((reference) => ({ reference, outcome: 'local' as const }));
  return buildReport({
    image: source?.image ?? result.metadata.images[0] ?? result.metadata.tags[0] ?? 'image',
    digest: source?.digest,
    configBytes: image?.manifest.config.size,
    layers: image ? layersWithHistory(image.manifest, image.config) : [],
    user: image?.config.config?.User,
    steps,
    tags,
  });
}
