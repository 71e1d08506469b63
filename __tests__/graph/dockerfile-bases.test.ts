import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/build/index.js';
import {
  expandArgs,
  externalBases,
  globalArgs,
  hashImageInputs,
  inputsTag,
  type ImageInputs,
} from '../../src/graph/index.js';

describe('globalArgs and expandArgs', () => {
  it('reads the ARGs before the first FROM with their defaults', () => {
    const args = globalArgs(
      '# syntax=docker/dockerfile:1\nARG A=1 B\nARG C="x y" \\\n  D=\'q\'\nFROM x\nARG LATE=2\n',
    );
    expect(Object.fromEntries(args)).toEqual({ A: '1', B: undefined, C: 'x y', D: 'q' });
  });

  it('expands the forms BuildKit accepts in FROM and lists what has no value', () => {
    const values = new Map<string, string | undefined>([
      ['SET', 'v'],
      ['EMPTY', ''],
    ]);
    expect(
      expandArgs('$SET ${SET} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} ${SET:+p} ${EMPTY:+p} ${EMPTY+p}', values),
    ).toEqual({
      text: 'v v d  d p  p',
      unresolved: [],
    });
    expect(expandArgs('${MISSING}:1', values)).toEqual({ text: ':1', unresolved: ['MISSING'] });
  });
});

describe('externalBases', () => {
  const text = [
    'ARG BASE_IMAGE',
    'ARG TOOLS=registry.example/tools:2',
    'FROM ${TOOLS} AS tools',
    'FROM ${BASE_IMAGE} AS build',
    'COPY --from=tools /bin/t /t',
    'FROM build AS test',
    'FROM scratch AS unused',
    'FROM busybox:1 AS other',
    'FROM ${BASE_IMAGE} AS runtime',
    'COPY --from=build /t /t',
  ].join('\n');
  const info = parseDockerfile(text);

  it("lists the images the target's stages start from, args applied, stages and scratch left out", () => {
    const bases = externalBases(
      text,
      info,
      'runtime',
      new Map([['BASE_IMAGE', 'reg/base@sha256:' + 'a'.repeat(64)]]),
    );
    expect(bases).toEqual([
      { written: '${TOOLS}', reference: 'registry.example/tools:2', unresolved: [] },
      { written: '${BASE_IMAGE}', reference: `reg/base@sha256:${'a'.repeat(64)}`, unresolved: [] },
    ]);
    expect(externalBases(text, info, 'other', new Map()).map((base) => base.reference)).toEqual([
      'busybox:1',
    ]);
    // `test` starts from `build`, which copies from `tools`: both bases count.
    expect(
      externalBases(text, info, 'test', new Map([['BASE_IMAGE', 'b']])).map((base) => base.reference),
    ).toEqual(['registry.example/tools:2', 'b']);
  });

  it('says which arg has no value', () => {
    expect(externalBases(text, info, 'runtime', new Map())[1]).toEqual({
      written: '${BASE_IMAGE}',
      reference: undefined,
      unresolved: ['BASE_IMAGE'],
    });
  });
});

describe('hashImageInputs', () => {
  const inputs: ImageInputs = {
    dockerfile: 'FROM ${BASE_IMAGE}\n',
    context: 'c'.repeat(64),
    platforms: ['linux/amd64', 'linux/arm64'],
    buildArgs: { BASE_IMAGE: `reg/base@sha256:${'1'.repeat(64)}`, MODE: 'prod' },
    bases: {},
    options: { provenance: '' },
  };

  it('changes with each input, the parent digest included', () => {
    const variants: ImageInputs[] = [
      inputs,
      { ...inputs, buildArgs: { ...inputs.buildArgs, BASE_IMAGE: `reg/base@sha256:${'2'.repeat(64)}` } },
      { ...inputs, buildArgs: { ...inputs.buildArgs, MODE: 'dev' } },
      { ...inputs, dockerfile: 'FROM ${BASE_IMAGE}\nRUN true\n' },
      { ...inputs, context: 'd'.repeat(64) },
      { ...inputs, target: 'runtime' },
      { ...inputs, platforms: ['linux/amd64'] },
      { ...inputs, bases: { 'busybox:1': `sha256:${'3'.repeat(64)}` } },
      { ...inputs, options: { provenance: 'false' } },
    ];
    expect(new Set(variants.map(hashImageInputs)).size).toBe(variants.length);
  });

  it('ignores the order of keys and platforms', () => {
    const reordered: ImageInputs = {
      options: { provenance: '' },
      bases: {},
      buildArgs: { MODE: 'prod', BASE_IMAGE: inputs.buildArgs.BASE_IMAGE },
      platforms: ['linux/arm64', 'linux/amd64'],
      context: inputs.context,
      dockerfile: inputs.dockerfile,
    };
    expect(hashImageInputs(reordered)).toBe(hashImageInputs(inputs));
    expect(inputsTag(hashImageInputs(inputs))).toMatch(/^inputs-[0-9a-f]{16}$/);
  });
});
