import { normalise } from './build-facts.js';
import type { ImageModel, LayerModel } from './model/types.js';

export type LayerChange = 'unchanged' | 'changed' | 'added';

export interface LayerDelta {
  change: LayerChange;
  /** The baseline layer this one corresponds to (none for an added layer). */
  baselineIndex?: number;
  /** This layer minus its baseline counterpart (the whole layer when added); undefined when unknown. */
  compressedBytes?: number;
  uncompressedBytes?: number;
}

export interface RemovedLayer {
  baselineIndex: number;
  instruction: string;
  compressedBytes?: number;
  uncompressedBytes?: number;
}

export interface BaselineComparison {
  /** What the baseline is, as the caller names it (`app:main`, `app:1.2.2`). */
  label: string;
  digest?: string;
  compressedBytes?: number;
  uncompressedBytes?: number;
  /** Totals: this image minus the baseline, when both sides know the size. */
  compressedDelta?: number;
  uncompressedDelta?: number;
  layerCountDelta: number;
  /** Undefined when neither image says what its base is. */
  baseImageChanged?: boolean;
  /** One entry per layer of this image, in order. */
  layers: LayerDelta[];
  removed: RemovedLayer[];
}

/** A layer with the uncompressed size the contents analysis gave it, if any. */
type SizedLayer = Pick<LayerModel, 'diffId' | 'instruction' | 'compressedBytes' | 'uncompressedBytes'>;

/**
 * Matches this image's layers to the baseline's: by diff_id first (the same content, wherever it moved),
 * then, between those anchors, by instruction with a longest-common-subsequence alignment. Never by
 * index: one inserted layer would shift every later one (container-diff#239).
 */
export function compareWithBaseline(
  current: ImageModel,
  baseline: ImageModel,
  label: string,
  sizes: { current?: readonly (number | undefined)[]; baseline?: readonly (number | undefined)[] } = {},
): BaselineComparison {
  const now = withSizes(current.layers, sizes.current);
  const before = withSizes(baseline.layers, sizes.baseline);
  const pairs = alignLayers(now, before);
  const layers: LayerDelta[] = now.map((layer) => ({
    change: 'added',
    compressedBytes: layer.compressedBytes,
    uncompressedBytes: layer.uncompressedBytes,
  }));
  const matchedBaseline = new Set<number>();
  for (const [index, baselineIndex] of pairs) {
    matchedBaseline.add(baselineIndex);
    const layer = now[index];
    const old = before[baselineIndex];
    layers[index] = {
      change: layer.diffId !== undefined && layer.diffId === old.diffId ? 'unchanged' : 'changed',
      baselineIndex,
      compressedBytes: difference(layer.compressedBytes, old.compressedBytes),
      uncompressedBytes: difference(layer.uncompressedBytes, old.uncompressedBytes),
    };
  }
  const removed = before.flatMap((layer, baselineIndex): RemovedLayer[] =>
    matchedBaseline.has(baselineIndex)
      ? []
      : [
          {
            baselineIndex,
            instruction: layer.instruction,
            compressedBytes: layer.compressedBytes,
            uncompressedBytes: layer.uncompressedBytes,
          },
        ],
  );
  const uncompressed = (layers: SizedLayer[]) =>
    layers.every((layer) => layer.uncompressedBytes !== undefined) && layers.length
      ? layers.reduce((sum, layer) => sum + (layer.uncompressedBytes ?? 0), 0)
      : undefined;
  const nowUncompressed = uncompressed(now);
  const beforeUncompressed = uncompressed(before);
  return {
    label,
    digest: baseline.digest,
    compressedBytes: baseline.compressedBytes,
    uncompressedBytes: beforeUncompressed,
    compressedDelta: difference(current.compressedBytes, baseline.compressedBytes),
    uncompressedDelta: difference(nowUncompressed, beforeUncompressed),
    layerCountDelta: current.layers.length - baseline.layers.length,
    baseImageChanged: baseChanged(current, baseline),
    layers,
    removed,
  };
}

/** Pairs (index in `now`, index in `before`): diff_id anchors, then instruction matches between them. */
export function alignLayers(now: readonly SizedLayer[], before: readonly SizedLayer[]): [number, number][] {
  const byDiffId = lcs(
    now.length,
    before.length,
    (i, j) => now[i].diffId !== undefined && now[i].diffId === before[j].diffId,
  );
  const pairs: [number, number][] = [];
  let fromNow = 0;
  let fromBefore = 0;
  for (const anchor of [...byDiffId, [now.length, before.length] as [number, number]]) {
    const gapNow = range(fromNow, anchor[0]);
    const gapBefore = range(fromBefore, anchor[1]);
    const byInstruction = lcs(
      gapNow.length,
      gapBefore.length,
      (i, j) => normalise(now[gapNow[i]].instruction) === normalise(before[gapBefore[j]].instruction),
    );
    for (const [i, j] of byInstruction) pairs.push([gapNow[i], gapBefore[j]]);
    if (anchor[0] < now.length) pairs.push(anchor);
    fromNow = anchor[0] + 1;
    fromBefore = anchor[1] + 1;
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** Longest common subsequence of two index ranges under `same`, as index pairs in order. */
function lcs(n: number, m: number, same: (i: number, j: number) => boolean): [number, number][] {
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = same(i, j) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(i, j)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

function baseChanged(current: ImageModel, baseline: ImageModel): boolean | undefined {
  if (current.base?.digest && baseline.base?.digest) return current.base.digest !== baseline.base.digest;
  const count = current.base?.layerCount ?? 0;
  const before = baseline.base?.layerCount ?? 0;
  if (!count || !before) return undefined;
  const ids = (model: ImageModel, n: number) =>
    model.layers
      .slice(0, n)
      .map((layer) => layer.diffId ?? '?')
      .join(',');
  return ids(current, count) !== ids(baseline, before);
}

function withSizes(
  layers: readonly LayerModel[],
  uncompressed?: readonly (number | undefined)[],
): SizedLayer[] {
  return layers.map((layer, index) => ({
    ...layer,
    uncompressedBytes: uncompressed?.[index] ?? layer.uncompressedBytes,
  }));
}

function difference(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
