import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWindow, walkTar, type WalkedEntry } from '../../../src/report/contents/tar-walk.js';

const dir = mkdtempSync(join(tmpdir(), 'ib-tar-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const longName = `${'a'.repeat(90)}/${'b'.repeat(90)}/${'c'.repeat(90)}.txt`;

/** A tar made by GNU tar in the given format, from a small tree with a long name and a long link. */
let trees = 0;
function gnuTar(format: string): string {
  const tree = join(dir, `tree-${format}-${trees++}`);
  mkdirSync(join(tree, longName, '..'), { recursive: true });
  writeFileSync(join(tree, longName), 'x'.repeat(1500));
  writeFileSync(join(tree, 'small'), 'hello');
  execFileSync('ln', ['-s', longName, join(tree, 'link')]);
  const path = join(dir, `${format}-${trees}.tar`);
  execFileSync('tar', [`--format=${format}`, '--sort=name', '-cf', path, '-C', tree, '.']);
  return path;
}

async function walk(path: string, end?: number): Promise<WalkedEntry[]> {
  const fd = openSync(path, 'r');
  try {
    const entries: WalkedEntry[] = [];
    await walkTar(
      new FileWindow(fd, 1024),
      0,
      end ?? statSync(path).size,
      'test.tar',
      (entry) => void entries.push(entry),
    );
    return entries;
  } finally {
    closeSync(fd);
  }
}

describe('walkTar', () => {
  it.each(['gnu', 'oldgnu', 'pax'])(
    'reads %s headers: long names and links, content offsets',
    async (format) => {
      const path = gnuTar(format);
      const bytes = readFileSync(path);
      const entries = await walk(path);
      const file = entries.find((entry) => entry.path.endsWith('.txt'));
      expect(file).toMatchObject({ path: `./${longName}`, type: 'File', size: 1500 });
      expect(bytes.toString('latin1', file?.offset, (file?.offset ?? 0) + 1500)).toBe('x'.repeat(1500));
      const link = entries.find((entry) => entry.path === './link');
      expect(link).toMatchObject({ type: 'SymbolicLink', linkpath: longName });
      const small = entries.find((entry) => entry.path === './small');
      expect(bytes.toString('latin1', small?.offset, (small?.offset ?? 0) + 5)).toBe('hello');
    },
  );

  it("reads an empty tar (BuildKit's empty layer: end blocks only) as no entries", async () => {
    const path = join(dir, 'empty.tar');
    writeFileSync(path, Buffer.alloc(1024));
    expect(await walk(path)).toEqual([]);
  });

  it('says a tar cut inside an entry is truncated', async () => {
    const path = gnuTar('pax');
    const file = (await walk(path)).find((entry) => entry.path.endsWith('.txt'));
    const cut = join(dir, 'cut.tar');
    writeFileSync(cut, readFileSync(path).subarray(0, (file?.offset ?? 0) + 700));
    await expect(walk(cut)).rejects.toThrow(
      /^test\.tar is truncated or corrupt: .*c\.txt needs \d+ more bytes than there are$/,
    );
  });

  it('says a damaged header is corrupt', async () => {
    const whole = readFileSync(gnuTar('pax'));
    const damaged = join(dir, 'damaged.tar');
    const renamed = Buffer.from(whole);
    renamed[0] ^= 0x01; // the first header's name changes: its checksum no longer matches
    writeFileSync(damaged, renamed);
    await expect(walk(damaged)).rejects.toThrow(
      'test.tar is truncated or corrupt: checksum failure in the header at byte 0',
    );
    const garbled = Buffer.from(whole);
    garbled[100] = 0xff; // the mode field now claims a base-256 number it does not hold
    writeFileSync(damaged, garbled);
    await expect(walk(damaged)).rejects.toThrow(
      /^test\.tar is truncated or corrupt: .* in the header at byte 0$/,
    );
  });
});
