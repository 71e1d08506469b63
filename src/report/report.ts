import { compareWithBaseline, type BaselineComparison, type LayerDelta } from './baseline.js';
import { buildFacts, layerBuildFacts, type BuildFacts, type BuildStepLike } from './build-facts.js';
import { runChecks } from './checks/index.js';
import type { ScanInput } from './checks/rules.js';
import { overallStatus, type CheckResult, type CheckStatus, type ChecksPolicy } from './checks/types.js';
import type { ContentAnalysis } from './contents/types.js';
import { monthlyStorageCost, type StorageCost } from './cost.js';
import type {
  BaseImageModel,
  ImageModel,
  ImageSourceKind,
  LayerModel,
  PlatformSummary,
} from './model/types.js';
import { smokeTestCheck, type SmokeTestResult } from './smoke.js';

export interface ReportTag {
  reference: string;
  /** What publishing did with it; `local` when the image was only built (no push). */
  outcome?: 'pushed' | 'tagged' | 'unchanged' | 'held-back' | 'local';
  reason?: string;
}

export interface ReportLayer extends LayerModel {
  /** Regular files in the layer (from its contents). */
  files?: number;
  /** Reclaimable bytes this layer caused (it rewrote or deleted lower layers' paths). */
  reclaimableBytes?: number;
  /** Build step of this layer came from cache (local or remote). */
  cached?: boolean;
  durationSeconds?: number;
  delta?: LayerDelta;
}

export interface SizeSplit {
  compressedBytes?: number;
  uncompressedBytes?: number;
  layerCount: number;
}

export interface ReportSizes {
  /** config + Σ compressed layers: what a pull transfers and the registry stores. */
  compressedBytes?: number;
  /** Σ uncompressed layer sizes: what the image takes on disk. */
  uncompressedBytes?: number;
  configBytes: number;
  layerCount: number;
  /** The base image's layers, when the base is located. */
  base?: SizeSplit;
  /** The layers this image adds on top of its base. */
  own?: SizeSplit;
}

export type ContentSummary = Omit<ContentAnalysis, 'layers'>;

export interface ImageReport {
  image: string;
  source: ImageSourceKind;
  digest?: string;
  indexDigest?: string;
  platform?: string;
  platforms?: PlatformSummary[];
  created?: string;
  tags: ReportTag[];
  user?: string;
  hasHealthcheck: boolean;
  base?: BaseImageModel;
  sizes: ReportSizes;
  layers: ReportLayer[];
  contents?: ContentSummary;
  build?: BuildFacts;
  baseline?: Omit<BaselineComparison, 'layers'>;
  checks: CheckResult[];
  /** The worst check: fail > warn > pass. */
  status: CheckStatus;
  cost?: StorageCost;
  /** Things the reader should know about the report itself (a baseline not found, history mismatch). */
  notices: string[];
}

export interface ReportInput {
  model: ImageModel;
  contents?: ContentAnalysis;
  tags?: readonly ReportTag[];
  build?: { steps: readonly BuildStepLike[]; totalSeconds?: number };
  baseline?: { model: ImageModel; contents?: ContentAnalysis; label: string };
  scan?: ScanInput;
  smokeTest?: SmokeTestResult;
  /** Image references of the Dockerfile's FROM lines, build args expanded, stage names left out. */
  fromReferences?: readonly string[];
  policy?: ChecksPolicy;
  /** USD per GB-month of registry storage (default ECR's 0.10). */
  pricePerGbMonth?: number;
  notices?: readonly string[];
}

/** The whole report from plain inputs: no I/O, the same inputs give the same report. */
export function buildImageReport(input: ReportInput): ImageReport {
  const { model, contents } = input;
  const facts = input.build ? layerBuildFacts(model.layers, input.build.steps) : [];
  const baseline = input.baseline
    ? compareWithBaseline(model, input.baseline.model, input.baseline.label, {
        current: contents?.layers.map((layer) => layer.uncompressedBytes),
        baseline: input.baseline.contents?.layers.map((layer) => layer.uncompressedBytes),
      })
    : undefined;
  const layers = model.layers.map((layer, index): ReportLayer => {
    const content = contents?.layers[index];
    const built = facts[index] ?? {};
    return {
      ...layer,
      instruction: built.instruction ?? layer.instruction,
      uncompressedBytes: content?.uncompressedBytes ?? layer.uncompressedBytes,
      ...(content && { files: content.files, reclaimableBytes: content.reclaimableBytes }),
      ...(built.cached !== undefined && { cached: built.cached, durationSeconds: built.durationSeconds }),
      ...(baseline && { delta: baseline.layers[index] }),
    };
  });
  const sizes = reportSizes(model, layers);
  const policy = input.policy ?? {};
  const checks = runChecks(
    {
      model,
      contents,
      baseline,
      scan: input.scan,
      fromReferences: input.fromReferences,
      uncompressedBytes: sizes.uncompressedBytes,
    },
    policy,
  );
  const smokeLevel = policy.smokeTest?.level ?? 'fail';
  if (input.smokeTest && smokeLevel !== 'off') checks.push(smokeTestCheck(input.smokeTest, smokeLevel));
  const notices = [...(input.notices ?? [])];
  if (model.historyMismatch) {
    notices.push(
      'The image history does not match its layers one to one: instructions were aligned from the top layer down.',
    );
  }
  const { layers: _layerDeltas, ...baselineTotals } = baseline ?? { layers: [] };
  const { layers: _layerContents, ...contentSummary } = contents ?? { layers: [] };
  return {
    image: model.image,
    source: model.source,
    digest: model.digest,
    indexDigest: model.indexDigest,
    platform: model.platform,
    platforms: model.platforms,
    created: model.created,
    tags: input.tags ? [...input.tags] : model.tags.map((reference) => ({ reference })),
    user: model.user,
    hasHealthcheck: model.hasHealthcheck,
    base: model.base,
    sizes,
    layers,
    contents: contents ? (contentSummary as ContentSummary) : undefined,
    build: input.build ? buildFacts(input.build.steps, input.build.totalSeconds) : undefined,
    baseline: baseline ? (baselineTotals as Omit<BaselineComparison, 'layers'>) : undefined,
    checks,
    status: overallStatus(checks),
    cost:
      sizes.compressedBytes !== undefined
        ? monthlyStorageCost(sizes.compressedBytes, input.pricePerGbMonth)
        : undefined,
    notices,
  };
}

/** A model for an image that could not be read: the report still lists tags, build steps and checks. */
export function unavailableImageModel(image: string, tags: readonly string[] = []): ImageModel {
  return { image, source: 'unavailable', tags: [...tags], configBytes: 0, layers: [], hasHealthcheck: false };
}

function reportSizes(model: ImageModel, layers: readonly ReportLayer[]): ReportSizes {
  const sum = (list: readonly ReportLayer[], pick: (layer: ReportLayer) => number | undefined) =>
    list.every((layer) => pick(layer) !== undefined)
      ? list.reduce((total, layer) => total + (pick(layer) ?? 0), 0)
      : undefined;
  const split = (list: readonly ReportLayer[]): SizeSplit => ({
    compressedBytes: sum(list, (layer) => layer.compressedBytes),
    uncompressedBytes: sum(list, (layer) => layer.uncompressedBytes),
    layerCount: list.length,
  });
  const baseCount = model.base?.layerCount ?? 0;
  return {
    compressedBytes: model.compressedBytes,
    uncompressedBytes: layers.length ? sum(layers, (layer) => layer.uncompressedBytes) : undefined,
    configBytes: model.configBytes,
    layerCount: layers.length,
    ...(baseCount > 0 && { base: split(layers.slice(0, baseCount)), own: split(layers.slice(baseCount)) }),
  };
}
