import { describe, expect, it } from 'vitest';
import { layersWithHistory } from '../../src/report/index.js';

const manifest = {
  config: { size: 500, digest: 'sha256:c' },
  layers: [
    { size: 100, digest: 'sha256:a' },
    { size: 200, digest: 'sha256:b' },
  ],
};

describe('layersWithHistory', () => {
  it('skips empty-layer history entries and cleans BuildKit instructions', () => {
    const layers = layersWithHistory(manifest, {
      history: [
        { created_by: 'Imported from -' },
        { created_by: '/bin/sh -c #(nop)  ENV A=b', empty_layer: true },
        { created_by: 'RUN |2 VERSION=1.0.0 GIT_COMMIT=abc /bin/sh -c make install # buildkit' },
      ],
    });
    expect(layers).toEqual([
      { compressedBytes: 100, createdBy: 'Imported from -' },
      { compressedBytes: 200, createdBy: 'RUN make install' },
    ]);
  });

  it('attaches no instruction when history and layers disagree in count', () => {
    const layers = layersWithHistory(manifest, { history: [{ created_by: 'only one' }] });
    expect(layers.map((l) => l.createdBy)).toEqual([undefined, undefined]);
    expect(layers.map((l) => l.compressedBytes)).toEqual([100, 200]);
  });
});
