import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { InputError } from '../../src/util/errors.js';

const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
const declaredInputs = new Set(
  [...actionYml.split(/^outputs:$/m)[0].matchAll(/^ {2}([a-z][a-z0-9-]*):$/gm)].map((m) => m[1]),
);

function reader(values: Record<string, string> = {}) {
  const read = new Set<string>();
  return {
    read,
    get: (name: string) => {
      read.add(name);
      return values[name] ?? '';
    },
  };
}

describe('readImageBuildInputs', () => {
  it('reads only inputs that action.yml declares, and action.yml declares nothing unread', () => {
    const { read, get } = reader();
    readImageBuildInputs(get);
    expect([...read].filter((name) => !declaredInputs.has(name))).toEqual([]);
    expect([...declaredInputs].filter((name) => !read.has(name))).toEqual([]);
  });

  it('gives the build the computed tags and labels, never the raw tag rules', () => {
    const { get } = reader({ tags: 'type=raw,value=x', labels: 'a=b', context: 'app', push: 'true' });
    const inputs = readImageBuildInputs(get);
    expect(inputs.build.tags).toEqual([]);
    expect(inputs.build.labels).toEqual([]);
    expect(inputs.build.context).toBe('app');
    expect(inputs.build.push).toBe(false);
    expect(inputs.publish.push).toBe(true);
    expect(inputs.metadata.context).toBe('workflow');
  });

  it("reads metadata-action's context from metadata-context", () => {
    const { get } = reader({ 'metadata-context': 'git' });
    expect(readImageBuildInputs(get).metadata.context).toBe('git');
  });

  it.each([
    [{ summary: 'maybe' }, 'summary'],
    [{ push: 'sometimes' }, 'push'],
    [{ tags: 'type=nope' }, 'tags'],
    [{ 'ecr-tag-mutability': 'SOMETIMES' }, 'ecr-tag-mutability'],
    [{ cache: 'floppy' }, 'cache'],
    [{ 'cache-to': 'not a spec' }, 'cache-to'],
  ])('rejects %j naming the input %s', (values, input) => {
    const { get } = reader(values);
    let error: unknown;
    try {
      readImageBuildInputs(get);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
  });
});
