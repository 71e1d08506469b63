import type { ReportLayer } from './model.js';

/** The parts of an image manifest and config the report reads (Docker v2 and OCI share them). */
export interface ManifestLike {
  config: { size: number; digest: string };
  layers: { size: number; digest: string }[];
}

export interface ImageConfigLike {
  config?: { User?: string };
  history?: { created_by?: string; empty_layer?: boolean }[];
}

/**
 * Pairs each layer with the instruction that made it: history entries without `empty_layer` take the
 * next layer in order. History is optional and can disagree with the layer count (squashed or
 * hand-made images); then no instruction is attached rather than a wrong one.
 */
export function layersWithHistory(manifest: ManifestLike, config: ImageConfigLike): ReportLayer[] {
  const producing = (config.history ?? []).filter((entry) => !entry.empty_layer);
  const aligned = producing.length === manifest.layers.length;
  return manifest.layers.map((layer, index) => ({
    compressedBytes: layer.size,
    createdBy: aligned ? cleanInstruction(producing[index].created_by) : undefined,
  }));
}

/** BuildKit records `RUN /bin/sh -c …` and `# buildkit` suffixes; the Dockerfile line is what people read. */
function cleanInstruction(createdBy: string | undefined): string | undefined {
  if (!createdBy) return undefined;
  return (
    createdBy
      .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
      // BuildKit prefixes RUN with the build args in scope: `RUN |2 A=1 B=2 /bin/sh -c …`.
      .replace(/^(RUN )?(\|\d+ .*?)?\/bin\/sh -c /, 'RUN ')
      .replace(/ # buildkit$/, '')
      .trim()
  );
}
