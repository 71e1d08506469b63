import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { orderGraph, parseImagesFile } from '../../src/graph/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../docs/graphs.md', import.meta.url)), 'utf8');

describe('docs/graphs.md', () => {
  it('shows an images file the parser reads as the page describes it', () => {
    const block = /```yaml\n(# image-build\.yml\n[\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const file = parseImagesFile(block as string, 'image-build.yml', '/repo');
    const images = Object.fromEntries(file.images.map((image) => [image.name, image]));
    expect(Object.keys(images)).toEqual([
      'base-runtime',
      'base-ml',
      'rag-worker',
      'reranker',
      'tools',
      'gateway',
    ]);
    expect(images['base-runtime']).toMatchObject({
      context: '/repo/docker/base-runtime',
      images: ['ghcr.io/acme/platform/base-runtime'],
      platforms: ['linux/amd64'],
      buildArgs: ['PYTHON_VERSION=3.12', 'UPSTREAM=python:3.12-slim'],
      tags: ['type=ref,event=branch', 'type=sha', 'type=semver,pattern={{version}}'],
    });
    expect(images['base-ml'].file).toBe('/repo/docker/base-ml/ml.Dockerfile');
    expect(images['rag-worker']).toMatchObject({
      target: 'runtime',
      platforms: ['linux/amd64', 'linux/arm64'],
      images: ['ghcr.io/acme/rag-worker', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/rag-worker'],
    });
    expect(images.reranker.dependsOn.map(({ name, arg }) => [name, arg])).toEqual([
      ['base-ml', 'BASE_IMAGE'],
      ['tools', 'TOOLS_IMAGE'],
    ]);
    expect(images.reranker).toMatchObject({
      tags: ['type=sha', 'type=raw,value=edge'],
      flavor: ['latest=false'],
    });
    expect(images.gateway.buildArgs).toEqual(['PYTHON_VERSION=3.12', 'API_TOKEN']);
    expect(orderGraph(file).byLevel).toEqual([
      ['base-runtime', 'tools'],
      ['base-ml', 'gateway'],
      ['rag-worker', 'reranker'],
    ]);
  });

  it('shows the plan levels of its example file', () => {
    const block = /```yaml\n(# image-build\.yml\n[\s\S]*?)```/.exec(doc)?.[1] as string;
    const plan = /```json\n([\s\S]*?)```/.exec(doc)?.[1] as string;
    expect(JSON.parse(plan.replace(/…/g, '')).levels).toEqual(
      orderGraph(parseImagesFile(block, 'image-build.yml', '/repo')).byLevel,
    );
  });
});
