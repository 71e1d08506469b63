import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_SPEC, UNTRIMMED_INPUTS } from '../../src/pipeline/input-spec.js';
import { readGraphInputs } from '../../src/pipeline/graph-inputs.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { InputError } from '../../src/util/errors.js';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
}

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;

describe('the input spec is action.yml', () => {
  it('has the same inputs, in the same order', () => {
    expect(Object.keys(actionYml.inputs)).toEqual(INPUT_SPEC.map((spec) => spec.name));
  });

  it.each(INPUT_SPEC.map((spec) => [spec.name, spec] as const))(
    '%s: same description and default, never required',
    (name, spec) => {
      const declared = actionYml.inputs[name];
      expect(declared.description).toBe(spec.description);
      expect(declared.default).toBe(spec.default);
      expect(declared.required).toBe(false);
    },
  );

  it('names each input once, in the vocabulary of action inputs', () => {
    const names = INPUT_SPEC.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
  });
});

describe('the input spec is the code', () => {
  function reading(values: Record<string, string> = {}) {
    const read = new Set<string>();
    const readInput = (name: string) => {
      read.add(name);
      return values[name] ?? '';
    };
    // A run's inputs, and the graph's (read by their own reader, as the action does first).
    const graph = readGraphInputs(readInput);
    const inputs = readImageBuildInputs(readInput);
    return { read, inputs: { ...inputs, graph } };
  }

  it('lists exactly the inputs the pipeline reads', () => {
    expect([...reading().read].sort()).toEqual(INPUT_SPEC.map((spec) => spec.name).sort());
  });

  it('writes the defaults the parsers apply to an empty input (a default written twice stays one)', () => {
    const defaults = Object.fromEntries(
      INPUT_SPEC.filter((spec) => spec.default !== undefined && !spec.default.includes('${{')).map((spec) => [
        spec.name,
        spec.default as string,
      ]),
    );
    expect(Object.keys(defaults).length).toBeGreaterThan(10);
    expect(reading(defaults).inputs).toEqual(reading().inputs);
    expect(reading().inputs.graph).toEqual({ only: [], concurrency: 2, reuse: true, plan: false });
  });

  it.each(INPUT_SPEC.filter((spec) => spec.kind === 'boolean').map((spec) => [spec.name] as const))(
    '%s is a boolean: read by the one boolean parser',
    (name) => {
      let error: unknown;
      try {
        reading({ [name]: 'maybe' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe(name);
      expect((error as InputError).message).toMatch(/"maybe" is not a boolean/);
      expect(() => reading({ [name]: 'yes' })).not.toThrow();
    },
  );

  it('marks as list inputs those whose value is read line by line', () => {
    const { inputs } = reading({
      'build-args': 'A=1\nB=2',
      'cache-from': 'type=registry,ref=a/b:c\ntype=local,src=/tmp/x',
      'extra-images': 'ghcr.io/acme/a\nghcr.io/acme/b',
      platforms: 'linux/amd64\nlinux/arm64',
      images: 'ghcr.io/acme/a\nghcr.io/acme/b',
    });
    expect(inputs.build.buildArgs.map((item) => item.value)).toEqual(['A=1', 'B=2']);
    expect(inputs.build.cacheFrom).toHaveLength(2);
    expect(inputs.publish.extraImages).toHaveLength(2);
    expect(inputs.build.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(inputs.metadata.images).toHaveLength(2);
    for (const name of ['build-args', 'cache-from', 'extra-images', 'platforms', 'images']) {
      expect(INPUT_SPEC.find((spec) => spec.name === name)?.kind).toBe('list');
    }
  });

  it('keeps the separators untrimmed, and only them', () => {
    expect([...UNTRIMMED_INPUTS].sort()).toEqual(['sep-annotations', 'sep-labels', 'sep-tags']);
    expect(reading({ 'sep-tags': ' ' }).inputs.metadata.sepTags).toBe(' ');
  });
});
