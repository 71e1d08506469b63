import { describe, expect, it } from 'vitest';
import { compareWithBaseline, type ImageModel, type LayerModel } from '../../src/report/index.js';

const layer = (
  index: number,
  instruction: string,
  diffId: string,
  compressedBytes: number,
  origin: 'base' | 'own' = 'own',
): LayerModel => ({
  index,
  instruction,
  diffId: `sha256:${diffId}`,
  compressedBytes,
  origin,
});

function model(layers: LayerModel[], extra: Partial<ImageModel> = {}): ImageModel {
  const reindexed = layers.map((l, index) => ({ ...l, index }));
  return {
    image: 'api',
    source: 'registry',
    tags: [],
    configBytes: 1000,
    compressedBytes: 1000 + reindexed.reduce((s, l) => s + (l.compressedBytes ?? 0), 0),
    layers: reindexed,
    hasHealthcheck: false,
    base: { layerCount: 1, matchedBy: 'diff-ids' },
    ...extra,
  };
}

const base = layer(0, 'ADD file:debian in /', 'base', 30_000);
const before = model([
  base,
  layer(1, 'RUN apt-get install -y libpq5', 'apt', 5000),
  layer(2, 'COPY requirements.txt .', 'req', 100),
  layer(3, 'RUN pip install -r requirements.txt', 'pip', 90_000),
  layer(4, 'COPY . /app', 'app', 2000),
]);

describe('compareWithBaseline', () => {
  it('names exactly the inserted layer and the rebuilt ones after it, not every layer after the insertion', () => {
    const after = model([
      base,
      layer(1, 'RUN apt-get install -y libpq5', 'apt', 5000),
      layer(2, 'RUN useradd app', 'user', 300), // inserted
      layer(3, 'COPY requirements.txt .', 'req', 100), // same content: same diff_id
      layer(4, 'RUN pip install -r requirements.txt', 'pip-2', 90_500), // rebuilt after the insertion
      layer(5, 'COPY . /app', 'app', 2000),
    ]);
    const diff = compareWithBaseline(after, before, 'api:main');
    expect(diff.layers.map((d) => [d.change, d.baselineIndex, d.compressedBytes])).toEqual([
      ['unchanged', 0, 0],
      ['unchanged', 1, 0],
      ['added', undefined, 300],
      ['unchanged', 2, 0],
      ['changed', 3, 500],
      ['unchanged', 4, 0],
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.compressedDelta).toBe(800);
    expect(diff.layerCountDelta).toBe(1);
    expect(diff.baseImageChanged).toBe(false);
  });

  it('reports a removed layer and a layer that moved (matched by diff_id wherever it is)', () => {
    const after = model([
      base,
      layer(1, 'COPY requirements.txt .', 'req', 100),
      layer(2, 'COPY . /app', 'app', 2000),
    ]);
    const diff = compareWithBaseline(after, before, 'api:main');
    expect(diff.layers.map((d) => [d.change, d.baselineIndex])).toEqual([
      ['unchanged', 0],
      ['unchanged', 2],
      ['unchanged', 4],
    ]);
    expect(diff.removed.map((r) => [r.baselineIndex, r.instruction])).toEqual([
      [1, 'RUN apt-get install -y libpq5'],
      [3, 'RUN pip install -r requirements.txt'],
    ]);
  });

  it('says the base image changed, by digest or by its layers', () => {
    const newBase = model([layer(0, 'ADD file:debian2 in /', 'base-2', 31_000), ...before.layers.slice(1)]);
    expect(compareWithBaseline(newBase, before, 'main').baseImageChanged).toBe(true);
    const byDigest = (d: string) =>
      model(before.layers, { base: { layerCount: 1, matchedBy: 'annotation', digest: d } });
    expect(compareWithBaseline(byDigest('sha256:a'), byDigest('sha256:b'), 'main').baseImageChanged).toBe(
      true,
    );
    expect(
      compareWithBaseline(model(before.layers, { base: undefined }), before, 'main').baseImageChanged,
    ).toBeUndefined();
  });

  it('compares uncompressed sizes when both sides have them', () => {
    const diff = compareWithBaseline(before, before, 'main', {
      current: [10, 20, 30, 40, 50],
      baseline: [10, 20, 30, 40, 45],
    });
    expect(diff.uncompressedDelta).toBe(5);
    expect(diff.layers[4].uncompressedBytes).toBe(5);
    expect(compareWithBaseline(before, before, 'main').uncompressedDelta).toBeUndefined();
  });
});
