import {
  buildImageReport,
  imageModelFromMetadata,
  unavailableImageModel,
  type ImageConfigLike,
  type ImageReport,
  type ManifestLike,
  type ReportTag,
} from '../report/index.js';
import type { Logger } from '../util/log.js';
import { registryImageReader } from './image-reader.js';
import type { ImageBuildResult } from './run.js';
import type { CommandRunner } from '../util/exec.js';
import { renderSummaryMarkdown } from '../report/index.js';

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

/**
 * Turns a run's results into the report model; sizes come from the registry when the image was
 * pushed. The image is already published by then, so a failed read-back costs the report its sizes
 * (with a warning), never the run.
 */
export async function reportFor(
  result: ImageBuildResult,
  readImage: ImageReader,
  logger: Logger,
): Promise<ImageReport> {
  const source = result.reportSource;
  const image = source
    ? await readImage(source.image, source.digest).catch((error: unknown) => {
        logger.warning(
          `report: could not read ${source.image}@${source.digest} back: ${(error as Error).message}`,
        );
        return undefined;
      })
    : undefined;
  const tags: ReportTag[] = result.publish
    ? result.publish.registries.flatMap((registry) =>
        registry.tags.map((tag) => ({
          reference: `${registry.image}:${tag.tag}`,
          outcome: OUTCOME[tag.status] ?? 'tagged',
          reason: tag.reason,
        })),
      )
    : result.metadata.tags.map((reference) => ({ reference, outcome: 'local' as const }));
  const name = source?.image ?? result.metadata.images[0] ?? result.metadata.tags[0] ?? 'image';
  const model =
    source && image
      ? imageModelFromMetadata({
          image: name,
          manifest: image.manifest,
          config: image.config,
          digest: source.digest,
        })
      : unavailableImageModel(name);
  return buildImageReport({ model, tags, build: { steps: result.build?.result.steps ?? [] } });
}

/** The report as markdown, read back with the credentials the run used (ECR's temporary config included). */
export async function renderRunReport(
  result: ImageBuildResult,
  deps: { runner: CommandRunner; logger: Logger; env: NodeJS.ProcessEnv },
): Promise<string> {
  const env = {
    ...deps.env,
    ...(result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }),
  };
  const reader = registryImageReader({ runner: deps.runner, logger: deps.logger, env });
  return renderSummaryMarkdown(await reportFor(result, reader, deps.logger));
}
