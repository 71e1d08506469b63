import { describe, expect, it } from 'vitest';
import { ImagesFileError, orderGraph, parseImagesFile } from '../../src/graph/index.js';

const graph = (text: string) => orderGraph(parseImagesFile(text, 'image-build.yml', '/repo'));

function errorOf(text: string): ImagesFileError {
  try {
    graph(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImagesFileError);
    return error as ImagesFileError;
  }
  throw new Error('expected an error');
}

describe('orderGraph', () => {
  it('puts parents first, keeps the file order among ready images, and gives levels', () => {
    const order = graph(
      [
        'images:',
        '  svc-a: { depends-on: base-ml }',
        '  base-ml: { depends-on: base-runtime }',
        '  gateway: { depends-on: base-runtime }',
        '  base-runtime: {}',
        '  tool: {}',
        '  svc-b: { depends-on: base-ml }',
      ].join('\n'),
    );
    expect(order.order.map((image) => image.name)).toEqual([
      'base-runtime',
      'base-ml',
      'svc-a',
      'gateway',
      'tool',
      'svc-b',
    ]);
    expect(Object.fromEntries(order.levels)).toEqual({
      'base-runtime': 0,
      tool: 0,
      'base-ml': 1,
      gateway: 1,
      'svc-a': 2,
      'svc-b': 2,
    });
    expect(order.byLevel).toEqual([
      ['base-runtime', 'tool'],
      ['base-ml', 'gateway'],
      ['svc-a', 'svc-b'],
    ]);
  });

  it('takes the highest parent for the level of an image with several parents', () => {
    const order = graph('images:\n  a: {}\n  b: { depends-on: a }\n  c: { depends-on: { a: A, b: B } }\n');
    expect(order.levels.get('c')).toBe(2);
  });

  it('names an unknown parent where depends-on names it', () => {
    const error = errorOf('images:\n  base: {}\n  app:\n    depends-on: bsae\n');
    expect(error.message).toBe(
      'image-build.yml:4:17: image "app" depends on "bsae", which is not an image of this file (images: base, app)',
    );
  });

  it('names a cycle in full, in build order, at its first edge', () => {
    const error = errorOf(
      [
        'images:',
        '  a: { depends-on: b }',
        '  b: { depends-on: c }',
        '  c: { depends-on: a }',
        '  d: {}',
      ].join('\n'),
    );
    expect(error.message).toBe(
      'image-build.yml:2:20: depends-on makes a cycle: a → c → b → a (each image must be built after the one before it)',
    );
  });

  it('finds a cycle below an image that is not in it, and an image that depends on itself', () => {
    expect(
      errorOf('images:\n  x: { depends-on: a }\n  a: { depends-on: b }\n  b: { depends-on: a }\n').message,
    ).toContain('depends-on makes a cycle: a → b → a');
    expect(errorOf('images:\n  a: { depends-on: a }\n').message).toBe(
      'image-build.yml:2:20: depends-on makes a cycle: a → a (each image must be built after the one before it)',
    );
  });
});
