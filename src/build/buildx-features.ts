import { versionAtLeast } from '../util/version.js';

/**
 * buildx flags newer than the oldest buildx we support, with the release that added each (the same
 * gates docker/build-push-action applies). Flags older than buildx 0.6 are always passed.
 */
export const BUILDX_FEATURES = {
  /** `--metadata-file`: the digest and config of what was built. */
  metadataFile: { flag: '--metadata-file', since: '0.6.0' },
  /** `--build-context name=path`. */
  buildContexts: { flag: '--build-context', since: '0.8.0' },
  /** `--provenance`, `--sbom`, `--attest`. */
  attestations: { flag: '--provenance/--sbom', since: '0.10.0' },
  /** `--annotation [level:]key=value`. */
  annotations: { flag: '--annotation', since: '0.12.0' },
} as const;

export type BuildxFeature = keyof typeof BUILDX_FEATURES;

export function buildxSupports(version: string, feature: BuildxFeature): boolean {
  return versionAtLeast(version, BUILDX_FEATURES[feature].since);
}

/** The notice for a flag this buildx lacks: what was dropped, why, and what would bring it back. */
export function droppedFlagNotice(version: string, feature: BuildxFeature, what: string): string {
  const { flag, since } = BUILDX_FEATURES[feature];
  return `${what}: buildx ${version} has no ${flag} (added in ${since}); skipped. Update buildx (docker/setup-buildx-action) to use it`;
}

/**
 * One `key=value` field of an `--output` CSV, quoted when it holds a comma or a quote (buildx
 * splits the value with a CSV reader).
 */
export function outputField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * metadata-action's leveled annotation (`manifest:key=value`, `index[linux/amd64]:key=value`, or a
 * plain `key=value`, which is manifest level) as the image exporter's attribute
 * (`annotation.key=value`, `annotation-index[linux/amd64].key=value`), the way annotations reach
 * an image on buildx older than 0.12.
 */
export function annotationOutputAttribute(annotation: string): { level: string; attribute: string } {
  const match = /^((?:manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?):(.*)$/s.exec(
    annotation,
  );
  const levelSpec = match ? match[1] : 'manifest';
  const rest = match ? match[2] : annotation;
  const level = levelSpec.replace(/\[.*$/, '');
  const platform = levelSpec.slice(level.length);
  const prefix = level === 'manifest' ? `annotation${platform}` : `annotation-${level}${platform}`;
  return { level, attribute: `${prefix}.${rest}` };
}
