import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashContext, ignorePatterns } from '../../src/graph/index.js';

function context(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ib-ctx-'));
  for (const [path, text] of Object.entries(files)) write(dir, path, text);
  return dir;
}

function write(dir: string, path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const files = {
  Dockerfile: 'FROM scratch\nCOPY . /\n',
  'app/main.sh': 'echo hi\n',
  'notes/todo.md': 'later\n',
  'build.log': 'noise\n',
  '.dockerignore': '# not for the image\nnotes/\n*.log\n',
};

describe('hashContext', () => {
  it('changes when a file the build can copy changes, and counts what it read', async () => {
    const dir = context(files);
    const before = await hashContext(dir);
    expect(before).toMatchObject({ ignoreFile: join(dir, '.dockerignore'), files: 3 });
    write(dir, 'app/main.sh', 'echo bye\n');
    expect((await hashContext(dir)).digest).not.toBe(before.digest);
  });

  it('does not change when an ignored file changes, appears or goes', async () => {
    const dir = context(files);
    const before = (await hashContext(dir)).digest;
    write(dir, 'notes/todo.md', 'sooner\n');
    write(dir, 'notes/new.md', 'new\n');
    write(dir, 'build.log', 'more noise\n');
    write(dir, 'other.log', 'x\n');
    expect((await hashContext(dir)).digest).toBe(before);
  });

  it('changes with a new file, a renamed file, a mode bit and a symlink target', async () => {
    const dir = context(files);
    const digests = [(await hashContext(dir)).digest];
    write(dir, 'app/extra.sh', 'x\n');
    digests.push((await hashContext(dir)).digest);
    chmodSync(join(dir, 'app/extra.sh'), 0o755);
    digests.push((await hashContext(dir)).digest);
    symlinkSync('main.sh', join(dir, 'app/link'));
    digests.push((await hashContext(dir)).digest);
    const moved = context({ ...files, 'app/main2.sh': files['app/main.sh'] });
    digests.push((await hashContext(moved)).digest);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('is the same for the same content in another directory', async () => {
    expect((await hashContext(context(files))).digest).toBe((await hashContext(context(files))).digest);
  });

  it('prefers <Dockerfile>.dockerignore beside the Dockerfile, as BuildKit does', async () => {
    const dir = context({
      ...files,
      'docker/app.Dockerfile': 'FROM scratch\n',
      'docker/app.Dockerfile.dockerignore': 'app/\n',
    });
    const dockerfile = join(dir, 'docker/app.Dockerfile');
    const before = await hashContext(dir, dockerfile);
    expect(before.ignoreFile).toBe(join(dir, 'docker/app.Dockerfile.dockerignore'));
    write(dir, 'app/main.sh', 'changed\n');
    expect((await hashContext(dir, dockerfile)).digest).toBe(before.digest);
    // The context's own .dockerignore no longer applies: the notes count now.
    write(dir, 'notes/todo.md', 'changed\n');
    expect((await hashContext(dir, dockerfile)).digest).not.toBe(before.digest);
  });

  it('sends what an exception re-includes under an ignored directory', async () => {
    const dir = context({ ...files, '.dockerignore': 'notes/\n!notes/keep.md\n' });
    const before = (await hashContext(dir)).digest;
    write(dir, 'notes/todo.md', 'ignored still\n');
    expect((await hashContext(dir)).digest).toBe(before);
    write(dir, 'notes/keep.md', 'kept\n');
    expect((await hashContext(dir)).digest).not.toBe(before);
  });
});

describe('ignorePatterns', () => {
  it('reads patterns as Docker does', () => {
    expect(ignorePatterns('# comment\n\n  /abs  \n./rel\n! keep\n!/abs/keep\n*.md\n')).toEqual([
      'abs',
      'rel',
      '!keep',
      '!abs/keep',
      '*.md',
    ]);
  });
});
