import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkGraphModeInputs,
  checkSingleImageInputs,
  readGraphInputs,
  readGraphRunInputs,
  resolveImagesFile,
} from '../../src/pipeline/graph-inputs.js';
import { InputError } from '../../src/util/errors.js';

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

/** The InputError a call throws (the test fails when it throws nothing or something else). */
function inputError(call: () => unknown): InputError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('no error');
}

describe('readGraphInputs', () => {
  it('defaults to one image: no images file, 2 at a time, reuse on, no plan', () => {
    expect(readGraphInputs(reader({}))).toEqual({ only: [], concurrency: 2, reuse: true, plan: false });
  });

  it('reads every graph input through the shared parsers', () => {
    expect(
      readGraphInputs(
        reader({
          'images-file': ' platform/image-build.yml ',
          only: 'embedder, ranker\n# a comment\ngateway',
          concurrency: '4',
          reuse: 'no',
          plan: 'YES',
        }),
      ),
    ).toEqual({
      imagesFile: 'platform/image-build.yml',
      only: ['embedder', 'ranker', 'gateway'],
      concurrency: 4,
      reuse: false,
      plan: true,
    });
  });

  it.each(['0', '-1', '1.5', 'two', '1e3', ' 08x'])('refuses concurrency %j, naming the input', (value) => {
    const error = inputError(() => readGraphInputs(reader({ concurrency: value })));
    expect(error.input).toBe('concurrency');
    expect(error.message).toMatch(/is not a whole number of at least 1/);
  });

  it.each(['reuse', 'plan'])('refuses a %s that is not a boolean', (name) => {
    const error = inputError(() => readGraphInputs(reader({ [name]: 'sometimes' })));
    expect(error.input).toBe(name);
  });
});

describe('the inputs an images file sets per image', () => {
  it("accepts the action's defaults and empty values", () => {
    expect(() =>
      checkGraphModeInputs(
        reader({ context: '.', 'reuse-commit': 'auto', 'release-annotations': 'true', images: '' }),
      ),
    ).not.toThrow();
  });

  it('refuses each one given, naming the first and listing them all', () => {
    const error = inputError(() =>
      checkGraphModeInputs(reader({ context: 'docker/api', target: 'runtime', 'promote-from': 'a:b' })),
    );
    expect(error.input).toBe('context');
    expect(error.message).toMatch(
      /`context`, `target`, `promote-from` are set per image in the images file .*remove them when `images-file` is given/,
    );
  });

  it('refuses only and plan without an images file', () => {
    const base = readGraphInputs(reader({}));
    expect(inputError(() => checkSingleImageInputs({ ...base, only: ['api'] })).input).toBe('only');
    expect(inputError(() => checkSingleImageInputs({ ...base, plan: true })).input).toBe('plan');
    expect(() => checkSingleImageInputs(base)).not.toThrow();
  });
});

describe('the images file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ib-graph-inputs-'));
  writeFileSync(join(dir, 'image-build.yml'), 'images:\n  app: {}\n');

  it('resolves against the working directory', () => {
    expect(resolveImagesFile(dir, 'image-build.yml')).toBe(join(dir, 'image-build.yml'));
  });

  it('is an error naming images-file when missing or a directory', () => {
    for (const given of ['missing.yml', '.']) {
      const error = inputError(() => resolveImagesFile(dir, given));
      expect(error.input).toBe('images-file');
      expect(error.message).toContain(`"${given}" is not a file`);
    }
  });

  it('gives a graph run its file, its registry and the shared inputs, checked', () => {
    const run = readGraphRunInputs(
      reader({ registry: 'ghcr.io/acme/', push: 'true', context: '.' }),
      'image-build.yml',
      dir,
    );
    expect(run.file).toBe(join(dir, 'image-build.yml'));
    expect(run.registry).toBe('ghcr.io/acme');
    expect(run.shared.publish.push).toBe(true);
    expect(
      inputError(() => readGraphRunInputs(reader({ push: 'maybe' }), 'image-build.yml', dir)).input,
    ).toBe('push');
  });
});
