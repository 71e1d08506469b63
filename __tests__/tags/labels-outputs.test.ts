import { describe, expect, it } from 'vitest';
import { automaticBuildArgs } from '../../src/tags/build-args.js';
import { computeMetadata } from '../../src/tags/compute.js';
import { bakeFileContents, metadataOutputs, outputEnvName } from '../../src/tags/outputs.js';
import { NOW, SHA, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

const compute = (values: Record<string, string>, levels = ['manifest']) => {
  const parsed = inputs(values);
  const context = runContext({ ref: 'refs/tags/v1.1.1', annotationLevels: levels });
  return {
    parsed,
    context,
    result: computeMetadata(parsed, context, helloWorld, { now: NOW, logger: recordingLogger().logger }),
  };
};

describe('labels and annotations', () => {
  it('derives the OCI labels from the repository, sorted by key', () => {
    const { result } = compute({ images: 'user/app', tags: 'type=semver,pattern={{version}}' });
    expect(result.labels).toEqual([
      'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.description=This your first repo!',
      'org.opencontainers.image.licenses=MIT',
      `org.opencontainers.image.revision=${SHA}`,
      'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
      'org.opencontainers.image.title=Hello-World',
      'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
      'org.opencontainers.image.version=1.1.1',
    ]);
  });

  it('user entries override by key, render expressions, keep = in values, drop entries without =', () => {
    const { result } = compute({
      images: 'user/app',
      labels:
        'org.opencontainers.image.title=MyTitle\nmaintainer=CrazyMax\ncustom=a=b\nnovalue\nbranch.tag={{tag}}',
      annotations: 'org.opencontainers.image.description=Annotated',
    });
    expect(result.labels).toContain('org.opencontainers.image.title=MyTitle');
    expect(result.labels).toContain('maintainer=CrazyMax');
    expect(result.labels).toContain('custom=a=b');
    expect(result.labels).toContain('branch.tag=v1.1.1');
    expect(result.labels.some((label) => label.startsWith('novalue'))).toBe(false);
    expect(result.labels[0]).toBe('branch.tag=v1.1.1');
    expect(result.annotations).toContain('org.opencontainers.image.description=Annotated');
    expect(result.annotations).toContain('org.opencontainers.image.title=Hello-World');
  });

  it('latest09: quotes in label values survive the input list and the expressions', () => {
    const { result } = compute({
      images: 'org/app',
      labels: [
        'maintainer=CrazyMax',
        'org.opencontainers.image.description=this is a "good" example',
        'org.opencontainers.image.title=MyCustomTitle',
        'org.opencontainers.image.vendor=MyCompany',
      ].join('\n'),
    });
    expect(result.labels).toEqual([
      'maintainer=CrazyMax',
      'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.description=this is a "good" example',
      'org.opencontainers.image.licenses=MIT',
      `org.opencontainers.image.revision=${SHA}`,
      'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
      'org.opencontainers.image.title=MyCustomTitle',
      'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
      'org.opencontainers.image.vendor=MyCompany',
      'org.opencontainers.image.version=v1.1.1',
    ]);
  });

  it('prefixes annotations with every level', () => {
    const { parsed, result } = compute({ images: 'user/app' }, ['manifest', 'index']);
    const outputs = metadataOutputs(result, parsed, { tags: 't', labels: 'l', annotations: 'a', all: 'b' });
    const lines = outputs.annotations.split('\n');
    expect(lines).toHaveLength(16);
    expect(lines[0]).toBe('manifest:org.opencontainers.image.created=2020-01-10T00:30:00.000Z');
    expect(lines[8]).toBe('index:org.opencontainers.image.created=2020-01-10T00:30:00.000Z');
  });
});

describe('outputs', () => {
  it('joins with the sep-* inputs and writes json and bake definitions', () => {
    const { parsed, result } = compute({
      images: 'user/app\nghcr.io/user/app',
      tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}',
      'sep-tags': ',',
      'sep-labels': ';',
      'bake-target': 'meta',
    });
    const outputs = metadataOutputs(result, parsed, {
      tags: '/t',
      labels: '/l',
      annotations: '/a',
      all: '/b',
    });
    expect(outputs.version).toBe('1.1.1');
    expect(outputs.tags).toBe(
      'user/app:1.1.1,user/app:1,user/app:latest,ghcr.io/user/app:1.1.1,ghcr.io/user/app:1,ghcr.io/user/app:latest',
    );
    expect(outputs['tag-names']).toBe('1.1.1,1,latest');
    expect(outputs.labels.split(';')).toHaveLength(8);
    expect(outputs['bake-file']).toBe('/b');
    const json = JSON.parse(outputs.json);
    expect(json['tag-names']).toEqual(['1.1.1', '1', 'latest']);
    expect(json.labels['org.opencontainers.image.version']).toBe('1.1.1');
    expect(json.annotations[0]).toBe('manifest:org.opencontainers.image.created=2020-01-10T00:30:00.000Z');

    const bake = bakeFileContents(result, parsed);
    expect(JSON.parse(bake.tags)).toEqual({
      target: {
        meta: {
          tags: result.tags,
          args: { DOCKER_META_IMAGES: 'user/app,ghcr.io/user/app', DOCKER_META_VERSION: '1.1.1' },
        },
      },
    });
    expect(Object.keys(JSON.parse(bake.all).target.meta)).toEqual(['tags', 'labels', 'args']);
    expect(JSON.parse(bake.annotations).target.meta.annotations).toHaveLength(8);
  });

  it('omits DOCKER_META_VERSION when nothing was emitted', () => {
    const { parsed, result } = compute({ images: 'user/app', tags: 'type=raw,value=x,enable=false' });
    expect(result.tags).toEqual([]);
    expect(JSON.parse(bakeFileContents(result, parsed).tags).target['docker-metadata-action'].args).toEqual({
      DOCKER_META_IMAGES: 'user/app',
    });
  });

  it('names the env variables as metadata-action does', () => {
    expect(outputEnvName('bake-file-tags')).toBe('DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS');
    expect(outputEnvName('tag-names')).toBe('DOCKER_METADATA_OUTPUT_TAG_NAMES');
  });

  it('computes the build args, leaving out ENVIRONMENT when no environment is set', () => {
    const { context, result } = compute({ images: 'user/app', tags: 'type=semver,pattern={{version}}' });
    expect(automaticBuildArgs(result, context)).toEqual({
      VERSION: '1.1.1',
      GIT_COMMIT: SHA,
      BUILD_TIMESTAMP: '2020-01-10T00:30:00.000Z',
    });
  });
});

describe('the semantic version the publish guard compares', () => {
  it("is the semver entry's version, before the pattern and the flavor made 1-alpine of it", () => {
    const { context, result } = compute({
      images: 'user/app',
      tags: 'type=semver,pattern={{major}}\ntype=semver,pattern={{version}}',
      flavor: 'suffix=-alpine',
    });
    expect(result.tagNames).toEqual(['1-alpine', '1.1.1-alpine', 'latest']);
    expect(result.version).toBe('1-alpine');
    expect(result.semanticVersion).toBe('1.1.1');
    expect(automaticBuildArgs(result, context).VERSION).toBe('1.1.1');
  });
});
