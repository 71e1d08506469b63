import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeLayerFiles, analyzeLayers } from '../../../src/report/index.js';
import { tarOf } from '../helpers/image-tar.js';

// Docker's engine (20.10, overlay2) writes the whiteouts of `rm -rf /data/a1*` as regular files, the
// second and later ones carrying a hard link's target in the header's link name field.
async function layers() {
  const lower = await tarOf([
    { name: 'data/', type: 'directory' },
    { name: 'data/a1.bin', bytes: 300 },
    { name: 'data/a10.bin', bytes: 500 },
    { name: `data/${'long-name-'.repeat(12)}.bin`, bytes: 700 },
  ]);
  const upper = await tarOf([
    { name: 'data/', type: 'directory' },
    { name: 'data/.wh.a1.bin' },
    { name: 'data/.wh.a10.bin', linkname: 'data/.wh.a1.bin' },
    // A pax header (a path over 100 characters) between them: stepped over by its size.
    { name: `data/${'long-name-'.repeat(12)}.txt`, bytes: 1500, linkname: 'data/.wh.a1.bin' },
    { name: 'data/kept.txt', bytes: 40 },
  ]);
  return [lower, upper];
}

/** A stream of `data` in pieces of `size` bytes: headers straddle the pieces. */
const pieces = (data: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)),
  );

describe('regular files whose header keeps a link name (Docker whiteouts)', () => {
  it('are read from a stream, plain or gzip, in any chunking, as from a file', async () => {
    const data = await layers();
    const dir = mkdtempSync(join(tmpdir(), 'ib-link-names-'));
    data.forEach((layer, index) => writeFileSync(join(dir, String(index)), layer));
    const fromFiles = await analyzeLayerFiles([{}, {}], (_layer, index) => join(dir, String(index)));
    expect(fromFiles.layers[1]).toMatchObject({ whiteouts: 2, removed: 2, files: 2 });
    const original = data.map((layer) => Buffer.from(layer));
    for (const open of [
      (index: number) => Readable.from([data[index]]),
      (index: number) => Readable.from([gzipSync(data[index])]),
      (index: number) => pieces(data[index], 100),
      (index: number) => pieces(data[index], 511),
    ]) {
      const streamed = await analyzeLayers([{}, {}], async (_layer, index) => open(index));
      expect(streamed.layers).toEqual(fromFiles.layers);
      expect(streamed.final).toEqual(fromFiles.final);
    }
    // The source bytes are never changed: cleaned headers are copies.
    expect(data).toEqual(original);
  });

  it('a header that is really corrupt is still an error', async () => {
    const [, upper] = await layers();
    const broken = Buffer.from(upper);
    broken[600] ^= 0xff; // inside the second header
    await expect(analyzeLayers([{}], async () => Readable.from([broken]))).rejects.toThrow(
      /truncated or corrupt/,
    );
  });
});
