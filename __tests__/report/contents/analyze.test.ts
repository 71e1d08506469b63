import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeLayers, ImageContentError, type AnalyzeOptions } from '../../../src/report/index.js';
import { filled, tarOf, type TarItem } from '../helpers/image-tar.js';

async function analyze(layers: TarItem[][], options: AnalyzeOptions & { gzip?: boolean } = {}) {
  const blobs = await Promise.all(layers.map((items) => tarOf(items)));
  const open = async (_: unknown, index: number) =>
    Readable.from([options.gzip ? gzipSync(blobs[index]) : blobs[index]]);
  return analyzeLayers(
    blobs.map(() => ({})),
    open,
    options,
  );
}

describe('analyzeLayers: dive accounting on synthetic layer trees', () => {
  it('an overwrite: reclaimable = cumulative − smallest, charged to the rewriting layer', async () => {
    const result = await analyze([[{ name: 'app/a', bytes: 100 }], [{ name: 'app/a', bytes: 50 }]]);
    // a: 100 + 50 = 150 cumulative, 50 smallest. Directories count 0.
    expect(result.cumulativeBytes).toBe(150);
    expect(result.reclaimableBytes).toBe(100);
    expect(result.efficiency).toBeCloseTo(50 / 150);
    expect(result.layers.map((l) => l.reclaimableBytes)).toEqual([0, 100]);
    expect(result.layers[1]).toMatchObject({ files: 1, added: 0, modified: 1, uncompressedBytes: 50 });
    expect(result.final).toEqual({ files: 1, bytes: 50 });
    expect(result.wastedPaths).toEqual([
      {
        path: 'app/a',
        reclaimableBytes: 100,
        cumulativeBytes: 150,
        occurrences: 2,
        layer: 1,
        deleted: false,
      },
    ]);
  });

  it('a deletion counts what it deleted (dive): the file is all waste, charged to the deleting layer', async () => {
    const result = await analyze([
      [
        { name: 'a', bytes: 100 },
        { name: 'b', bytes: 10 },
      ],
      [{ name: '.wh.a', bytes: 0 }],
    ]);
    // a: [100, whiteout 100] → 200 cumulative, 100 smallest; b: 10/10.
    expect(result.cumulativeBytes).toBe(210);
    expect(result.reclaimableBytes).toBe(100);
    expect(result.efficiency).toBeCloseTo(110 / 210);
    expect(result.final).toEqual({ files: 1, bytes: 10 });
    expect(result.layers[1]).toMatchObject({ whiteouts: 1, removed: 1, reclaimableBytes: 100 });
    expect(result.wastedPaths[0]).toMatchObject({ path: 'a', deleted: true, layer: 1 });
  });

  it('a directory delete removes everything under it and counts its bytes once, on the directory', async () => {
    const result = await analyze([
      [
        { name: 'var/lib/apt/lists/', type: 'directory' },
        { name: 'var/lib/apt/lists/main', bytes: 300 },
        { name: 'var/lib/apt/lists/security', bytes: 200 },
        { name: 'usr/bin/tool', bytes: 40 },
      ],
      [{ name: 'var/lib/apt/.wh.lists', bytes: 0 }],
    ]);
    expect(result.final).toEqual({ files: 1, bytes: 40 });
    expect(result.layers[1]).toMatchObject({ removed: 2, reclaimableBytes: 500 });
    // lists: [dir 0, deletion 500]; main 300/300; security 200/200; tool 40/40.
    expect(result.reclaimableBytes).toBe(500);
    expect(result.efficiency).toBeCloseTo(540 / 1040);
    expect(result.findings).toEqual([]);
  });

  it('a directory delete works when the lower layer never listed the directory itself', async () => {
    const result = await analyze([
      [{ name: 'tmp/build/obj.o', bytes: 64 }],
      [{ name: 'tmp/.wh.build', bytes: 0 }],
    ]);
    expect(result.final.files).toBe(0);
    expect(result.reclaimableBytes).toBe(64);
  });

  it('an opaque directory hides lower contents but keeps what its own layer wrote, before or after the marker', async () => {
    const result = await analyze([
      [
        { name: 'etc/app/', type: 'directory' },
        { name: 'etc/app/old.conf', bytes: 30 },
        { name: 'etc/app/sub/deep.conf', bytes: 20 },
      ],
      [
        { name: 'etc/app/', type: 'directory' },
        { name: 'etc/app/early.conf', bytes: 5 },
        { name: 'etc/app/.wh..wh..opq', bytes: 0 },
        { name: 'etc/app/new.conf', bytes: 7 },
      ],
    ]);
    expect(result.final).toEqual({ files: 2, bytes: 12 });
    expect(result.layers[1]).toMatchObject({ opaqueDirectories: 1, removed: 2, reclaimableBytes: 50 });
  });

  it('one path written by many layers: each rewrite is charged its share, and the shares add up', async () => {
    const sizes = [10, 20, 30, 40, 50];
    const result = await analyze(sizes.map((bytes) => [{ name: 'data/blob', bytes }]));
    // cumulative 150, smallest 10 → 140; charged 20, 30, 40, 50 to layers 2–5.
    expect(result.reclaimableBytes).toBe(140);
    expect(result.layers.map((l) => l.reclaimableBytes)).toEqual([0, 20, 30, 40, 50]);
    expect(result.wastedPaths[0]).toMatchObject({ occurrences: 5, cumulativeBytes: 150, layer: 4 });
  });

  it('a path deleted then re-added keeps its history', async () => {
    const result = await analyze([
      [{ name: 'x', bytes: 100 }],
      [{ name: '.wh.x', bytes: 0 }],
      [{ name: 'x', bytes: 100 }],
    ]);
    expect(result.final).toEqual({ files: 1, bytes: 100 });
    expect(result.layers[2]).toMatchObject({ added: 1, modified: 0 });
    expect(result.reclaimableBytes).toBe(200);
  });

  it('reads gzip layers as well as plain ones', async () => {
    const plain = await analyze([[{ name: 'a', bytes: 5000 }]]);
    const gzipped = await analyze([[{ name: 'a', bytes: 5000 }]], { gzip: true });
    expect(gzipped).toEqual(plain);
  });

  it('lists the largest files of the own layers only, and counts both link kinds', async () => {
    const result = await analyze(
      [
        [{ name: 'usr/lib/libbig.so', bytes: 9000 }],
        [
          { name: 'app/main.py', bytes: 300 },
          { name: 'app/model.bin', bytes: 5000 },
          { name: 'app/latest', type: 'symlink', linkname: 'model.bin' },
          { name: 'app/hard', type: 'link', linkname: 'app/model.bin' },
        ],
      ],
      { baseLayerCount: 1 },
    );
    expect(result.largestOwnFiles).toEqual([
      { path: 'app/model.bin', bytes: 5000, layer: 1 },
      { path: 'app/main.py', bytes: 300, layer: 1 },
    ]);
    expect(result.layers[1]).toMatchObject({ files: 2, links: 2 });
  });

  it('finds duplicates by content, not by name or size alone, and verifies big ones in full', async () => {
    const big = filled(20_000, 1);
    const sameEnds = Buffer.from(big);
    sameEnds[10_000] ^= 0xff; // same size, same first and last 4 KiB, different middle
    const result = await analyze([
      [
        { name: 'opt/a/model.bin', content: big },
        { name: 'opt/b/model.bin', content: Buffer.from(big) },
        { name: 'opt/c/model.bin', content: sameEnds },
        { name: 'opt/small-1', content: filled(2000, 2) },
        { name: 'opt/small-2', content: filled(2000, 3) },
      ],
      [{ name: 'app/copy.bin', content: Buffer.from(big) }],
    ]);
    expect(result.duplicates).toEqual([
      {
        bytes: 20_000,
        wastedBytes: 40_000,
        verified: true,
        paths: [
          { path: 'app/copy.bin', bytes: 20_000, layer: 1 },
          { path: 'opt/a/model.bin', bytes: 20_000, layer: 0 },
          { path: 'opt/b/model.bin', bytes: 20_000, layer: 0 },
        ],
      },
    ]);
  });

  it('without verification, reports fingerprint matches and says they are unverified', async () => {
    const big = filled(20_000, 1);
    const sameEnds = Buffer.from(big);
    sameEnds[10_000] ^= 0xff;
    const result = await analyze(
      [
        [
          { name: 'a', content: big },
          { name: 'b', content: sameEnds },
        ],
      ],
      { verifyDuplicates: false },
    );
    expect(result.duplicates).toMatchObject([{ verified: false, wastedBytes: 20_000 }]);
  });

  it('classifies build tools, package caches and secret-looking files in the final filesystem', async () => {
    const result = await analyze(
      [
        [
          { name: 'usr/bin/gcc-12', bytes: 10 },
          { name: 'usr/bin/x86_64-linux-gnu-gcc-12', bytes: 10 },
          { name: 'var/lib/apt/lists/deb.debian.org_dists_main', bytes: 700 },
          { name: 'var/lib/apt/lists/lock', bytes: 0 },
        ],
        [
          { name: 'usr/bin/make', bytes: 20 },
          { name: 'root/.cache/pip/http/ab/cd', bytes: 900 },
          { name: 'app/__pycache__/main.cpython-312.pyc', bytes: 80 },
          { name: 'app/.env', bytes: 12 },
          { name: 'app/.env.example', bytes: 12 },
          { name: 'root/.ssh/id_ed25519', bytes: 400 },
          { name: 'root/.aws/credentials', bytes: 50 },
          { name: 'usr/lib/python3/site-packages/tornado/test/test.key', bytes: 10 },
          { name: 'etc/ssl/certs/ca-certificates.crt', bytes: 10 },
          { name: 'usr/share/doc/make/README', bytes: 10 },
        ],
      ],
      { baseLayerCount: 1 },
    );
    const summary = result.findings.map((f) => [f.kind, f.category, f.files, f.bytes, f.ownBytes]);
    expect(summary).toEqual([
      ['build-tool', 'gcc', 2, 20, 0],
      ['build-tool', 'make', 1, 20, 20],
      ['package-cache', 'pip cache', 1, 900, 900],
      ['package-cache', 'apt lists', 1, 700, 0],
      ['package-cache', 'python bytecode', 1, 80, 80],
      ['secret', 'SSH private key', 1, 400, 400],
      ['secret', 'cloud credentials', 1, 50, 50],
      ['secret', 'dotenv file', 1, 12, 12],
    ]);
  });
});

describe('analyzeLayers: empty layers', () => {
  // BuildKit writes sha256:4f4fb700ef54… for a step that changes no file: 1 KiB of zeros (two end
  // blocks, no entry), gzip'd. node-tar calls that an unrecognized archive; it is an empty layer.
  it("reads an empty tar (end blocks only), gzip'd or plain, between other layers", async () => {
    const files = await tarOf([{ name: 'app/a', bytes: 100 }]);
    for (const [empty, tarBytes] of [
      [gzipSync(Buffer.alloc(1024)), 1024],
      [Buffer.alloc(1024), 1024],
      [Buffer.alloc(10_240), 10_240],
    ] as const) {
      const blobs = [files, empty, files];
      const result = await analyzeLayers(
        blobs.map(() => ({})),
        async (_, index) => Readable.from([blobs[index]]),
      );
      expect(result.layers.map((layer) => layer.files)).toEqual([1, 0, 1]);
      expect(result.layers[1]).toMatchObject({ tarBytes, added: 0 });
      expect(result.final).toEqual({ files: 1, bytes: 100 });
    }
  });

  it('still refuses zeros followed by anything else', async () => {
    const tail = Buffer.concat([Buffer.alloc(1024), Buffer.alloc(1024, 0x41)]);
    await expect(analyzeLayers([{}], async () => Readable.from([tail]))).rejects.toThrow(
      /layer 1 is truncated or corrupt/,
    );
  });
});

describe('analyzeLayers: bad layers', () => {
  it('names the layer that is truncated', async () => {
    const whole = await tarOf([{ name: 'a', bytes: 50_000 }]);
    const open = async () => Readable.from([whole.subarray(0, 20_000)]);
    await expect(
      analyzeLayers([{ digest: `sha256:${'ab'.repeat(32)}` }], open, { sourceLabel: 'img.tar' }),
    ).rejects.toThrow(/^layer 1 \(sha256:abababababab…\) of img\.tar is truncated or corrupt/);
  });

  it('names a truncated gzip layer and a layer that is not a tar at all', async () => {
    const gz = gzipSync(await tarOf([{ name: 'a', bytes: 50_000 }]));
    await expect(
      analyzeLayers([{}], async () => Readable.from([gz.subarray(0, gz.length - 30)])),
    ).rejects.toThrow(ImageContentError);
    await expect(analyzeLayers([{}], async () => Readable.from([Buffer.alloc(2048, 0x41)]))).rejects.toThrow(
      /layer 1 is truncated or corrupt/,
    );
    await expect(analyzeLayers([{}], async () => Readable.from([Buffer.alloc(0)]))).rejects.toThrow(
      /layer 1 is empty/,
    );
  });
});
