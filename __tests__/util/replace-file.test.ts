import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/util/replace-file.js';

describe('replaceFile', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'ib-replace-'));

  it('writes a new file and replaces an old one whole', async () => {
    const root = dir();
    const path = join(root, 'report.md');
    await replaceFile(path, 'one');
    await replaceFile(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(root)).toEqual(['report.md']);
  });

  it('replaces a symlink at the path and never writes through it', async () => {
    const root = dir();
    const victim = join(root, 'victim');
    writeFileSync(victim, 'precious');
    const path = join(root, 'report.md');
    symlinkSync(victim, path);
    await replaceFile(path, '# report');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('# report');
  });

  it('fails without leaving its temporary file when the path cannot be replaced', async () => {
    const root = dir();
    mkdirSync(join(root, 'report.md'));
    writeFileSync(join(root, 'report.md', 'inside'), 'x');
    await expect(replaceFile(join(root, 'report.md'), 'text')).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['report.md']);
    await expect(replaceFile(join(root, 'missing', 'report.md'), 'text')).rejects.toThrow(/ENOENT/);
  });
});
