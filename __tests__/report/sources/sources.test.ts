import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ImageContentError,
  readDockerSave,
  readEngineImage,
  readOciLayout,
} from '../../../src/report/index.js';
import type { CommandRunner } from '../../../src/util/exec.js';
import { InputError } from '../../../src/util/errors.js';
import { dockerSave, filled, ociLayout, sha256, tarOf, type TestImage } from '../helpers/image-tar.js';

const dir = mkdtempSync(join(tmpdir(), 'ib-report-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function image(): Promise<TestImage> {
  return {
    layers: [
      await tarOf([
        { name: 'bin/sh', bytes: 1000 },
        { name: 'etc/os-release', bytes: 100 },
      ]),
      await tarOf([
        { name: 'app/', type: 'directory' },
        { name: 'app/main.py', bytes: 300 },
        { name: 'etc/.wh.os-release' },
      ]),
    ],
    history: [
      { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
      { created_by: 'COPY --from=builder /app /app # buildkit' },
    ],
    user: 'app',
    repoTags: ['demo/app:1.0', 'demo/app:latest'],
  };
}

const write = (name: string, data: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

describe.each(['legacy', 'oci'] as const)('readDockerSave: %s layout', (layout) => {
  it('reads the model and the file-level analysis in one pass', async () => {
    const path = write(`save-${layout}.tar`, await dockerSave(await image(), layout));
    const { model, contents } = await readDockerSave(path);
    expect(model).toMatchObject({
      image: 'demo/app',
      source: 'docker-save',
      tags: layout === 'legacy' ? ['demo/app:1.0', 'demo/app:latest'] : ['demo/app:1.0', 'demo/app:latest'],
      user: 'app',
      compressedBytes: undefined,
      hasHealthcheck: false,
    });
    expect(model.layers.map((l) => [l.instruction, l.compressedBytes])).toEqual([
      ['ADD file:abc in /', undefined],
      ['COPY --from=builder /app /app', undefined],
    ]);
    expect(contents?.final).toEqual({ files: 2, bytes: 1300 });
    expect(contents?.layers.map((l) => l.uncompressedBytes)).toEqual([1100, 300]);
    expect(contents?.reclaimableBytes).toBe(100);
    if (layout === 'oci') expect(model.digest).toMatch(/^sha256:/);
  });
});

describe('readDockerSave', () => {
  it('reads gzip layers (streamed) the same as plain ones (read in place), long pax paths included', async () => {
    const long = `deep/${'d'.repeat(120)}/${'e'.repeat(120)}/file.bin`;
    const layers = [
      await tarOf([
        { name: long, content: filled(20_000, 1) },
        { name: 'copy-a', content: filled(20_000, 1) },
        { name: 'other', content: filled(20_000, 2) },
      ]),
      await tarOf([{ name: 'copy-b', content: filled(20_000, 1) }]),
    ];
    const plain = await readDockerSave(write('plain-layers.tar', await dockerSave({ layers })));
    const gzipped = await readDockerSave(
      write('gzip-layers.tar', await dockerSave({ layers }, 'legacy', true)),
    );
    expect(plain.contents?.largestOwnFiles.map((f) => f.path)).toContain(long);
    expect(gzipped.contents).toEqual(plain.contents);
    expect(plain.contents?.duplicates).toMatchObject([
      { verified: true, paths: [{ path: 'copy-a' }, { path: 'copy-b' }, { path: long }] },
    ]);
  });

  it('follows the legacy layout link from a repeated layer to its first copy', async () => {
    const layer = await tarOf([{ name: 'same', bytes: 10 }]);
    const other = await tarOf([{ name: 'other', bytes: 20 }]);
    const config = JSON.stringify({ rootfs: { diff_ids: [sha256(layer), sha256(other), sha256(layer)] } });
    const tarball = await tarOf([
      { name: 'aaa/layer.tar', content: layer },
      { name: 'bbb/layer.tar', content: other },
      { name: 'ccc/layer.tar', type: 'symlink', linkname: '../aaa/layer.tar' },
      { name: 'config.json', content: config },
      {
        name: 'manifest.json',
        content: JSON.stringify([
          {
            Config: 'config.json',
            RepoTags: null,
            Layers: ['aaa/layer.tar', 'bbb/layer.tar', 'ccc/layer.tar'],
          },
        ]),
      },
    ]);
    const { contents } = await readDockerSave(write('linked.tar', tarball));
    expect(contents?.layers.map((l) => l.files)).toEqual([1, 1, 1]);
    expect(contents?.reclaimableBytes).toBe(10);
  });

  it('picks an image by tag, and names the tags it has when the tag is not there', async () => {
    const path = write('tagged.tar', await dockerSave(await image()));
    await expect(readDockerSave(path, { tag: '1.0', analyze: false })).resolves.toMatchObject({
      model: { image: 'demo/app' },
    });
    await expect(readDockerSave(path, { tag: '2.0' })).rejects.toThrow(
      /has no image tagged 2\.0; it has demo\/app:1\.0, demo\/app:latest/,
    );
  });

  it('says a missing tarball is missing', async () => {
    await expect(readDockerSave(join(dir, 'nope.tar'))).rejects.toThrow(InputError);
    await expect(readDockerSave(join(dir, 'nope.tar'))).rejects.toThrow(/nope\.tar: no such file/);
  });

  it('says a truncated tarball is truncated', async () => {
    const whole = await dockerSave(await image());
    const path = write('truncated.tar', whole.subarray(0, 3000));
    await expect(readDockerSave(path)).rejects.toThrow(ImageContentError);
    await expect(readDockerSave(path)).rejects.toThrow(/truncated/);
  });

  it('names a corrupt layer inside the tarball', async () => {
    const config = JSON.stringify({ rootfs: { diff_ids: ['sha256:x'] } });
    const tarball = await tarOf([
      { name: 'aaa/layer.tar', content: Buffer.alloc(4096, 0x41) },
      { name: 'config.json', content: config },
      {
        name: 'manifest.json',
        content: JSON.stringify([{ Config: 'config.json', Layers: ['aaa/layer.tar'] }]),
      },
    ]);
    await expect(readDockerSave(write('corrupt.tar', tarball))).rejects.toThrow(
      /layer aaa\/layer\.tar of .*corrupt\.tar is truncated or corrupt/,
    );
  });

  it('says so when the manifest lists a layer the tarball lacks', async () => {
    const config = JSON.stringify({ rootfs: { diff_ids: ['sha256:x'] } });
    const tarball = await tarOf([
      { name: 'config.json', content: config },
      {
        name: 'manifest.json',
        content: JSON.stringify([{ Config: 'config.json', Layers: ['aaa/layer.tar'] }]),
      },
    ]);
    await expect(readDockerSave(write('missing-layer.tar', tarball))).rejects.toThrow(
      /lists layer aaa\/layer\.tar but does not contain it/,
    );
  });

  it('says a tarball that is no image is not one', async () => {
    const path = write('plain.tar', await tarOf([{ name: 'README', content: 'hi' }]));
    await expect(readDockerSave(path)).rejects.toThrow(/has no manifest\.json: not a `docker save` tarball/);
  });
});

describe('readOciLayout', () => {
  it('reads a buildx OCI layout: compressed sizes from the manifest, contents from gzip blobs', async () => {
    const layout = join(dir, 'layout');
    const { manifestDigest } = ociLayout(layout, await image());
    const { model, contents } = await readOciLayout(layout, { image: 'registry.example/app' });
    expect(model.source).toBe('oci-layout');
    expect(model.digest).toBe(manifestDigest);
    expect(model.compressedBytes).toBe(
      model.configBytes + model.layers.reduce((s, l) => s + (l.compressedBytes ?? 0), 0),
    );
    expect(model.layers.every((l) => (l.compressedBytes ?? 0) > 0)).toBe(true);
    expect(contents?.final.files).toBe(2);
  });

  it('reads a layout with uncompressed layers in place, with the same result as gzip ones', async () => {
    const plainDir = join(dir, 'layout-plain');
    const gzipDir = join(dir, 'layout-gzip');
    const layers = [
      await tarOf([
        { name: 'a', content: filled(30_000, 4) },
        { name: 'b', content: filled(30_000, 4) },
      ]),
      await tarOf([{ name: '.wh.a' }]),
    ];
    ociLayout(plainDir, { layers }, [], false);
    ociLayout(gzipDir, { layers });
    const plain = await readOciLayout(plainDir);
    const gzipped = await readOciLayout(gzipDir);
    expect(plain.model.compressedBytes).toBeUndefined();
    expect(gzipped.model.compressedBytes).toBeGreaterThan(0);
    expect(plain.contents).toEqual(gzipped.contents);
    expect(plain.contents?.reclaimableBytes).toBe(30_000);
  });

  it('picks the requested platform of a multi-platform layout and lists every platform, not the attestation', async () => {
    const layout = join(dir, 'multi');
    ociLayout(layout, await image(), ['linux/amd64', 'linux/arm64']);
    const { model } = await readOciLayout(layout, { platform: 'linux/arm64', analyze: false });
    expect(model.platforms?.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(model.indexDigest).toMatch(/^sha256:/);
    await expect(readOciLayout(layout, { platform: 'linux/s390x' })).rejects.toThrow(
      'input "platform": the image index has no linux/s390x image; it has linux/amd64, linux/arm64',
    );
  });

  it('says a directory that is not a layout is not one', async () => {
    await expect(readOciLayout(join(dir, 'missing-dir'))).rejects.toThrow(/is not a directory/);
    await expect(readOciLayout(dir)).rejects.toThrow(/has no index\.json/);
  });
});

describe('readEngineImage', () => {
  it('saves the image from the engine to a temporary tarball, reads it, and removes it', async () => {
    const tarball = await dockerSave(await image());
    const calls: string[][] = [];
    const runner: CommandRunner = {
      async run(_file, args) {
        calls.push([...args]);
        writeFileSync(args[2], tarball);
        return { exitCode: 0, stdout: '', stderr: '' };
      },
    };
    const { model, contents } = await readEngineImage('127.0.0.1:5000/demo/app:1.0', { runner, tmpDir: dir });
    expect(calls).toEqual([
      [
        'save',
        '-o',
        expect.stringMatching(/image-build-save-.*\/image\.tar$/),
        '127.0.0.1:5000/demo/app:1.0',
      ],
    ]);
    expect(model).toMatchObject({ source: 'engine', image: '127.0.0.1:5000/demo/app' });
    expect(contents?.final.files).toBe(2);
    expect(existsSync(dirname(calls[0][2]))).toBe(false);
  });

  it('says which image the engine could not save', async () => {
    const runner: CommandRunner = {
      run: async () => ({
        exitCode: 1,
        stdout: '',
        stderr: 'Error response from daemon: reference does not exist\n',
      }),
    };
    await expect(readEngineImage('app:nope', { runner, tmpDir: dir })).rejects.toThrow(
      'input "image": the engine could not save app:nope: Error response from daemon: reference does not exist',
    );
  });
});
