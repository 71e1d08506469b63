import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImagesFileError, loadImagesFile, parseImagesFile } from '../../src/graph/index.js';
import { InputError } from '../../src/util/errors.js';

const examples = fileURLToPath(new URL('../../examples/graph/', import.meta.url));

/** Parses `text` and returns the error it must raise. */
function errorOf(text: string): ImagesFileError {
  try {
    parseImagesFile(text, 'image-build.yml', '/repo');
  } catch (error) {
    expect(error).toBeInstanceOf(ImagesFileError);
    return error as ImagesFileError;
  }
  throw new Error('expected an error');
}

describe('parseImagesFile: a good file', () => {
  it('reads the example graph with paths resolved against the file and defaults applied', async () => {
    const path = join(examples, 'image-build.yml');
    const lines = readFileSync(path, 'utf8').split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    const file = await loadImagesFile(path);
    expect(file.images.map((image) => image.name)).toEqual([
      'base-runtime',
      'base-ml',
      'embedder',
      'ranker',
      'gateway',
    ]);
    const [runtime, ml, embedder] = file.images;
    expect(runtime.context).toBe(join(examples, 'base-runtime'));
    expect(runtime.buildArgs).toEqual(['RUNTIME_FROM']);
    expect(runtime.tags).toEqual(['type=ref,event=branch', 'type=sha']);
    expect(runtime.dependsOn).toEqual([]);
    expect(ml.dependsOn).toEqual([
      {
        name: 'base-runtime',
        arg: 'BASE_IMAGE',
        position: { line: lineOf('depends-on: base-runtime'), column: 17 },
      },
    ]);
    expect(embedder.target).toBe('runtime');
    expect(embedder.position).toEqual({ line: lineOf('embedder:'), column: 3 });
  });

  it('takes every form a key allows', () => {
    const file = parseImagesFile(
      [
        'defaults:',
        '  registry: ghcr.io/acme/',
        '  platforms: linux/amd64, linux/arm64',
        '  build-args: { PYTHON: 3.12, DEBUG: false }',
        '  base-arg: PARENT',
        'images:',
        '  base:',
        '    file: docker/base.Dockerfile',
        '  tools:',
        '    images: [ghcr.io/acme/tools, 127.0.0.1:5000/tools]',
        "    tags: [type=sha, 'type=raw,value=edge']",
        '  app:',
        '    context: app',
        '    build-args: [MODE=prod, TOKEN]',
        '    platforms: [linux/amd64]',
        '    flavor: latest=false',
        '    depends-on: { base: BASE_IMAGE, tools: TOOLS_IMAGE }',
        '  worker:',
        '    depends-on: [base]',
      ].join('\n'),
      'image-build.yml',
      '/repo',
    );
    const [base, tools, app, worker] = file.images;
    expect(base).toMatchObject({
      context: '/repo',
      file: '/repo/docker/base.Dockerfile',
      images: ['ghcr.io/acme/base'],
      platforms: ['linux/amd64', 'linux/arm64'],
      buildArgs: ['PYTHON=3.12', 'DEBUG=false'],
    });
    expect(tools.images).toEqual(['ghcr.io/acme/tools', '127.0.0.1:5000/tools']);
    expect(tools.tags).toEqual(['type=sha', 'type=raw,value=edge']);
    expect(app).toMatchObject({
      context: '/repo/app',
      buildArgs: ['PYTHON=3.12', 'DEBUG=false', 'MODE=prod', 'TOKEN'],
      platforms: ['linux/amd64'],
      flavor: ['latest=false'],
    });
    expect(app.dependsOn.map(({ name, arg }) => `${name}:${arg}`)).toEqual([
      'base:BASE_IMAGE',
      'tools:TOOLS_IMAGE',
    ]);
    expect(worker.dependsOn.map(({ name, arg }) => `${name}:${arg}`)).toEqual(['base:PARENT']);
  });
});

describe('parseImagesFile: bad input, with line and column', () => {
  it.each([
    ['', 'the file is empty', undefined],
    ['images: [a, b', 'not valid YAML', { line: 1, column: 14 }],
    ['images:\n  a: {}\n bad', 'not valid YAML', { line: 3, column: 1 }],
    [
      'imgs:\n  a: {}\n',
      'the file: unknown key "imgs" (expected one of: version, defaults, images)',
      { line: 1, column: 1 },
    ],
    ['version: 2\nimages: { a: {} }\n', '`version` must be 1', { line: 1, column: 10 }],
    ['images:\n', '`images` lists no image', { line: 1, column: 1 }],
    ['images: []\n', '`images` must be a map (key: value lines), not a list', { line: 1, column: 9 }],
    [
      'defaults:\n  target: x\nimages: { a: {} }\n',
      '`defaults`: unknown key "target"',
      { line: 2, column: 3 },
    ],
    ['images:\n  a:\n    contxt: .\n', 'image "a": unknown key "contxt"', { line: 3, column: 5 }],
    [
      'images:\n  a:\n    context: [x]\n',
      'image "a": `context` must be a string, not a list',
      { line: 3, column: 14 },
    ],
    [
      'images:\n  a:\n    target: 3\n',
      'image "a": `target` must be a string, not a number (3)',
      { line: 3, column: 13 },
    ],
    [
      'images:\n  a:\n    platforms: { x: 1 }\n',
      '`platforms` must be a string, not a map',
      { line: 3, column: 16 },
    ],
    [
      'images:\n  a:\n    build-args: { X: [1] }\n',
      '"X" must be a string, number or boolean, not a list',
      { line: 3, column: 22 },
    ],
    [
      'images:\n  a:\n    build-args: ["not an arg"]\n',
      '"not an arg" must be NAME=value',
      { line: 3, column: 17 },
    ],
    [
      'images:\n  a:\n    depends-on: 7\n',
      '`depends-on` must be a string, not a number (7)',
      { line: 3, column: 17 },
    ],
    [
      'images:\n  a: {}\n  b: {}\n  a: {}\n',
      '"a" is defined twice (first at line 2)',
      { line: 4, column: 3 },
    ],
    ['images:\n  App: {}\n', 'image name "App" must be lower-case', { line: 2, column: 3 }],
    [
      'images:\n  a:\n    base-arg: base-image\n',
      '`base-arg` "base-image" is not a build arg name',
      { line: 3, column: 15 },
    ],
    [
      'images:\n  a: {}\n  b: {}\n  c:\n    depends-on: [a, b]\n',
      'several parents need a build arg each',
      { line: 5, column: 17 },
    ],
    ['images:\n  a: {}\n  c:\n    depends-on: [a, a]\n', '"a" is listed twice', { line: 4, column: 21 }],
    [
      'images:\n  a: {}\n  b: {}\n  c:\n    depends-on: { a: X, b: X }\n',
      '"b" and "a" are both passed as X',
      { line: 5, column: 28 },
    ],
    [
      'images:\n  a: {}\n  c:\n    depends-on: { a: }\n',
      '"a" needs the build arg to pass it in',
      { line: 4, column: 19 },
    ],
  ])('%j', (text, message, position) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(message);
    if (position) {
      expect({ line: error.line, column: error.column }).toEqual(position);
      expect(error.message.startsWith(`image-build.yml:${position.line}:${position.column}: `)).toBe(true);
    }
  });

  it('names an unreadable file and says why', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'ib-images-')), 'image-build.yml');
    await expect(loadImagesFile(missing)).rejects.toThrow(
      `${missing}: cannot read the images file: no such file`,
    );
    await expect(loadImagesFile(tmpdir())).rejects.toThrow('cannot read the images file: it is not a file');
  });
});
