import { describe, expect, it } from 'vitest';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { planPublish } from '../../src/publish/index.js';
import { InputError } from '../../src/util/errors.js';

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

function inputError(values: Record<string, string>): InputError {
  try {
    readImageBuildInputs((name) => values[name] ?? '');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('image names per environment, and a default registry', () => {
  const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
  const read = (values: Record<string, string>) => readImageBuildInputs((name) => values[name] ?? '');

  it("the RAG team's rag-worker-{env} under their ECR registry", () => {
    const inputs = read({ images: 'rag-worker-{env}', environment: 'staging', registry: ECR });
    expect(inputs.metadata.images).toEqual([{ name: `${ECR}/rag-worker-staging`, enable: true }]);
  });

  it('names with a registry of their own keep it; extra images and the promote source get the default', () => {
    const inputs = read({
      images: 'name=ghcr.io/acme/app-{env},enable=true\nacme/api\nlocalhost:5000/x',
      'extra-images': 'mirror/app-{env}',
      'promote-from': 'rag-worker-{env}:git-a1b2c3d',
      environment: 'qa',
      registry: `${ECR}/`,
    });
    expect(inputs.metadata.images.map((image) => image.name)).toEqual([
      'ghcr.io/acme/app-qa',
      `${ECR}/acme/api`,
      'localhost:5000/x',
    ]);
    expect(inputs.publish.extraImages).toEqual([`${ECR}/mirror/app-qa`]);
    expect(inputs.publish.promoteFrom).toBe(`${ECR}/rag-worker-qa:git-a1b2c3d`);
  });

  it('a registry with a path is a prefix; without a registry nothing changes', () => {
    expect(read({ images: 'app', registry: 'ghcr.io/acme' }).metadata.images[0].name).toBe(
      'ghcr.io/acme/app',
    );
    expect(read({ images: 'acme/app' }).metadata.images[0].name).toBe('acme/app');
  });

  it.each([
    [{ images: 'app-{env}' }, 'images', /"\{env\}" needs an environment/],
    [
      { images: 'app\napp-{environment}', environment: 'dev' },
      'images',
      /line 2: unknown placeholder "\{environment\}"/,
    ],
    [{ 'extra-images': 'x-{ENV}', environment: 'dev' }, 'extra-images', /unknown placeholder/],
    [{ registry: 'https://ghcr.io' }, 'registry', /has a scheme/],
    [{ registry: 'acme' }, 'registry', /is not a registry host/],
    [{ registry: 'ghcr.io/acme:1.0' }, 'registry', /is not a valid repository path component/],
    [{ registry: 'ghcr.io/ACME' }, 'registry', /must be lowercase/],
    [{ registry: 'bad host.io' }, 'registry', /is not a registry/],
  ])('%j is an error naming %s', (values, input, message) => {
    const error = inputError(values as Record<string, string>);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });
});

describe('the floating-tag guard against the build script (latest=always)', () => {
  // 2.0.0 is already released; the script would still move latest to 1.5.0.
  const plan = (environment: string) => {
    const inputs = readImageBuildInputs((name) => ({ environment, images: 'ghcr.io/acme/app' })[name] ?? '');
    return planPublish({
      tags: ['prod', 'v1.5.0', '1.5.0', 'latest'],
      version: '1.5.0',
      existingTags: ['2.0.0', 'latest', 'prod'],
      guardFloatingTags: inputs.publish.guardFloatingTags,
    });
  };

  it('by default the guard wins: latest is held back', () => {
    expect(plan('prod,version=1.5.0').heldBack.map((held) => held.tag)).toEqual(['latest']);
  });

  it('latest=always gives the script behaviour: latest moves', () => {
    const always = plan('prod,version=1.5.0,latest=always');
    expect(always.heldBack).toEqual([]);
    expect(always.tags.map((tag) => tag.tag)).toContain('latest');
  });
});
