import { describe, expect, it } from 'vitest';
import type { ListItem } from '../../src/util/input-list.js';
import { type CacheContext, resolveCache } from '../../src/cache/presets.js';
import { InputError } from '../../src/util/errors.js';
import { buildx, classic } from '../build/helpers.js';

const lines = (...values: string[]): ListItem[] => values.map((value, index) => ({ value, line: index + 1 }));
const context = (overrides: Partial<CacheContext> = {}): CacheContext => ({
  image: 'ghcr.io/acme/gateway',
  builder: buildx,
  stages: ['base', 'builder'],
  push: true,
  github: { branch: 'feature/login', defaultBranch: 'main' },
  localRoot: '/runner/temp/cache',
  ...overrides,
});
const resolve = (
  cache: string,
  overrides: Partial<CacheContext> = {},
  cacheFrom: ListItem[] = [],
  cacheTo: ListItem[] = [],
) => resolveCache({ cache, cacheFrom, cacheTo }, context(overrides));

describe('resolveCache presets', () => {
  it('gha: one scope per image, this branch then the default branch, mode=max, ignore-error', () => {
    const plan = resolve('gha');
    expect(plan.preset).toBe('gha');
    expect(plan.cacheFrom).toEqual([
      'type=gha,scope=acme-gateway-feature-login',
      'type=gha,scope=acme-gateway-main',
    ]);
    expect(plan.cacheTo).toEqual(['type=gha,scope=acme-gateway-feature-login,mode=max,ignore-error=true']);
    expect(plan.cacheTo.join()).not.toMatch(/token|url=/);
  });

  it('gha=<scope> and the default branch itself give one import', () => {
    const plan = resolve('gha=api', { github: { branch: 'main', defaultBranch: 'main' } });
    expect(plan.cacheFrom).toEqual(['type=gha,scope=api-main']);
  });

  it('gha falls back to inline with a notice when buildx is too old for the v2 cache service', () => {
    const plan = resolve('gha', { builder: { ...buildx, version: '0.20.2' } });
    expect(plan.preset).toBe('inline');
    expect(plan.notices[0]).toMatch(/0\.20\.2 predates the v2 cache service/);
    expect(plan.cacheTo).toEqual(['type=inline']);
  });

  it('registry: <image>:buildcache with mode=max; ECR gets the image-manifest form', () => {
    expect(resolve('registry').cacheTo).toEqual([
      'type=registry,ref=ghcr.io/acme/gateway:buildcache,mode=max',
    ]);
    const ecr = resolve('registry', { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway' });
    expect(ecr.cacheTo).toEqual([
      'type=registry,ref=123456789012.dkr.ecr.eu-west-1.amazonaws.com/gateway:buildcache,mode=max,image-manifest=true,oci-mediatypes=true',
    ]);
    expect(resolve('registry=r/other:cache').cacheFrom).toEqual(['type=registry,ref=r/other:cache']);
  });

  it('registry on the classic builder: the image carries its inline cache, one more image per stage', () => {
    const plan = resolve('registry', { builder: classic });
    expect(plan.preset).toBe('inline');
    expect(plan.inline).toBe(true);
    // The published image is the cache: its ref is one more tag on it, no second image.
    expect(plan.finalImage).toBeUndefined();
    expect(plan.tagPublished).toBe('ghcr.io/acme/gateway:buildcache');
    expect(plan.finalCacheRef).toBe('ghcr.io/acme/gateway:buildcache');
    expect(plan.stageImages).toEqual([
      { stage: 'base', ref: 'ghcr.io/acme/gateway:buildcache-base' },
      { stage: 'builder', ref: 'ghcr.io/acme/gateway:buildcache-builder' },
    ]);
    expect(plan.pushCacheImages).toBe(true);
    expect(plan.notices[0]).toMatch(/classic builder cannot export a mode=max registry cache/);
    expect(resolve('registry', { builder: classic, push: false }).pushCacheImages).toBe(false);
    expect(resolve('registry', { builder: classic, push: false }).tagPublished).toBeUndefined();
  });

  it('reproducible builds (SOURCE_DATE_EPOCH) keep cache records out of the image: a separate cache image', () => {
    const plan = resolve('inline', { builder: classic, reproducible: true });
    expect(plan.finalImage).toBe('ghcr.io/acme/gateway:buildcache');
    expect(plan.tagPublished).toBeUndefined();
    expect(plan.summary).toMatch(
      /^inline cache in ghcr.io\/acme\/gateway:buildcache plus one image per stage/,
    );
  });

  it('auto with one stage chain: inline cache on buildx, which covers every step at no extra request', () => {
    const plan = resolve('auto', { github: undefined, stages: [] });
    expect(plan.preset).toBe('inline');
    expect(plan.cacheTo).toEqual(['type=inline']);
    expect(plan.tagPublished).toBe('ghcr.io/acme/gateway:buildcache');
    expect(plan.summary).toMatch(/one stage chain: every cached step is a layer of the image/);
    expect(resolve('auto', { github: undefined }).preset).toBe('registry');
  });

  it('a publishing run does not send the builder to import a cache ref its repository does not have', () => {
    const first = resolve('auto', { github: undefined, existingTags: ['1.0.0'] });
    expect(first.cacheFrom).toEqual([]);
    expect(first.cacheTo).toEqual(['type=registry,ref=ghcr.io/acme/gateway:buildcache,mode=max']);
    expect(first.summary).toMatch(/; nothing to import yet$/);
    const later = resolve('auto', { github: undefined, existingTags: ['1.0.0', 'buildcache'] });
    expect(later.cacheFrom).toEqual(['type=registry,ref=ghcr.io/acme/gateway:buildcache']);
    // Classic stage images are looked up one by one; a ref in another repository is always imported.
    const classicPlan = resolve('inline', { builder: classic, existingTags: ['buildcache-builder'] }, [
      { value: 'type=registry,ref=other/cache:x', line: 1 },
    ]);
    expect(classicPlan.cacheFrom).toEqual(['other/cache:x']);
    expect(classicPlan.stageImages.map((image) => image.ref)).toContain(
      'ghcr.io/acme/gateway:buildcache-builder',
    );
  });

  it('auto: gha on GitHub with a capable buildx, registry elsewhere, inline cache images on the classic builder', () => {
    expect(resolve('auto').preset).toBe('gha');
    expect(resolve('auto', { github: undefined }).preset).toBe('registry');
    const onClassic = resolve('auto', { builder: classic });
    expect(onClassic.preset).toBe('inline');
    expect(onClassic.notices).toEqual([]);
    expect(
      resolve('auto', { builder: { ...buildx, driver: 'docker', canExportCache: false } }).cacheTo,
    ).toEqual(['type=inline']);
  });

  it('local: a directory with buildx (export to a new dir the post step swaps in), engine images otherwise', () => {
    const withBuildx = resolve('local');
    expect(withBuildx.cacheFrom).toEqual(['type=local,src=/runner/temp/cache/ghcr.io-acme-gateway']);
    expect(withBuildx.cacheTo).toEqual([
      'type=local,dest=/runner/temp/cache/ghcr.io-acme-gateway-new,mode=max',
    ]);
    expect(withBuildx.local?.mode).toBe('buildx-directory');
    const withClassic = resolve('local=/tmp/c', { builder: classic });
    expect(withClassic.local).toEqual({ dir: '/tmp/c', newDir: '/tmp/c-new', mode: 'engine-images' });
    expect(withClassic.inline).toBe(true);
    expect(withClassic.pushCacheImages).toBe(false);
    expect(withClassic.notices[0]).toMatch(/cannot export a cache directory/);
  });

  it('none, and raw cache-from/cache-to for experts (cache-to replaces the preset exporter)', () => {
    expect(resolve('none').cacheFrom).toEqual([]);
    const plan = resolve('registry', {}, lines('r/a:old'), lines('type=local,dest=/tmp/x'));
    expect(plan.cacheFrom).toEqual([
      'type=registry,ref=ghcr.io/acme/gateway:buildcache',
      'type=registry,ref=r/a:old',
    ]);
    expect(plan.cacheTo).toEqual(['type=local,dest=/tmp/x']);
    const onClassic = resolve(
      'none',
      { builder: classic },
      lines('type=gha,scope=x', 'type=registry,ref=r/a:c'),
    );
    expect(onClassic.cacheFrom).toEqual(['r/a:c']);
    expect(onClassic.notices[0]).toMatch(/type=gha/);
  });
});

describe('resolveCache bad input', () => {
  const error = (run: () => unknown): InputError => {
    try {
      run();
    } catch (caught) {
      if (caught instanceof InputError) return caught;
      throw caught;
    }
    throw new Error('expected an InputError');
  };
  it('an unknown preset names the input and the choices', () => {
    const caught = error(() => resolve('s3'));
    expect(caught.input).toBe('cache');
    expect(caught.message).toMatch(/unknown preset "s3".*auto, gha, registry, local, inline, none/);
    expect(error(() => resolve('inline=x')).input).toBe('cache');
  });
  it('malformed specs name the input, line and field', () => {
    const missingRef = error(() =>
      resolve('none', {}, lines('type=registry,ref=a', 'type=registry,mode=max')),
    );
    expect([missingRef.input, missingRef.line, missingRef.field]).toEqual(['cache-from', 2, 'ref']);
    const badMode = error(() => resolve('none', {}, [], lines('type=registry,ref=a,mode=all')));
    expect([badMode.input, badMode.field]).toEqual(['cache-to', 'mode']);
    expect(error(() => resolve('none', {}, lines('type=ftp,ref=a'))).field).toBe('type');
    expect(error(() => resolve('none', {}, [], lines('r/a:cache'))).input).toBe('cache-to');
    expect(error(() => resolve('none', {}, lines('type=gha,scope'))).field).toBe('scope');
  });
});

describe('registry cache on ECR', () => {
  const MANIFEST_FORM = ',mode=max,image-manifest=true,oci-mediatypes=true';
  it.each([
    ['classic host', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app', MANIFEST_FORM],
    ['FIPS host', '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app', MANIFEST_FORM],
    ['China host', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app', MANIFEST_FORM],
    ['dual-stack host', '123456789012.dkr-ecr.eu-west-1.on.aws/app', MANIFEST_FORM],
    ['ECR Public (unchanged: private hosts only)', 'public.ecr.aws/acme/app', ',mode=max'],
    ['another registry', 'ghcr.io/acme/app', ',mode=max'],
  ])('%s', (_name, image, suffix) => {
    expect(resolve('registry', { image }).cacheTo).toEqual([
      `type=registry,ref=${image}:buildcache${suffix}`,
    ]);
  });

  it('an ECR cache ref ECR would refuse is an InputError on the cache input', () => {
    expect(() => resolve('registry=123456789012.dkr.ecr.us-east-1.amazonaws.com/App:c')).toThrow(InputError);
  });
});

describe('buildx inline cache writes the ref it imports', () => {
  const dockerDriver = { ...buildx, driver: 'docker', canExportCache: false };
  it('pushing: <image>:buildcache is one more tag on the published image, imported next time', () => {
    const plan = resolve('inline', { builder: dockerDriver });
    expect(plan.finalImage).toBeUndefined();
    expect(plan.tagPublished).toBe('ghcr.io/acme/gateway:buildcache');
    expect(plan.cacheFrom).toEqual(['type=registry,ref=ghcr.io/acme/gateway:buildcache']);
    expect(plan.cacheTo).toEqual(['type=inline']);
    // The engine's BuildKit caches the other stages the classic builder's way: one image each.
    expect(plan.stageImages).toEqual([
      { stage: 'base', ref: 'ghcr.io/acme/gateway:buildcache-base' },
      { stage: 'builder', ref: 'ghcr.io/acme/gateway:buildcache-builder' },
    ]);
    expect(plan.pushCacheImages).toBe(true);
    expect(plan.summary).toMatch(/plus one image per stage \(base, builder\)/);
    expect(resolve('inline', { builder: buildx }).stageImages).toEqual([]);
  });
  it('reproducible on the docker driver: a separate cache image (the engine orders its records anew each build)', () => {
    const plan = resolve('inline', { builder: dockerDriver, reproducible: true });
    expect(plan.finalImage).toBe('ghcr.io/acme/gateway:buildcache');
    expect(plan.tagPublished).toBeUndefined();
    expect(plan.cacheTo).toEqual(['type=inline']);
    expect(plan.summary).toMatch(/^inline cache in ghcr.io\/acme\/gateway:buildcache, an image of its own/);
    // A BuildKit daemon's records are stable: its image keeps carrying them.
    expect(resolve('inline', { builder: buildx, reproducible: true }).tagPublished).toBe(
      'ghcr.io/acme/gateway:buildcache',
    );
  });
  it('not pushing: nothing to write', () => {
    const plan = resolve('inline', { builder: dockerDriver, push: false });
    expect(plan.finalImage).toBeUndefined();
    expect(plan.tagPublished).toBeUndefined();
    expect(plan.summary).toMatch(/not written without push: true/);
  });
  it('registry or gha asked by name on the docker driver: an error naming the input and the fix', () => {
    for (const preset of ['registry', 'gha', 'registry=r/app:cache']) {
      expect(() => resolve(preset, { builder: { ...dockerDriver, name: 'default' } })).toThrow(
        new InputError(
          'cache',
          `"${preset.split('=')[0]}" needs a builder that can export a cache; buildx's docker driver ` +
            '(builder "default") exports inline cache only: add docker/setup-buildx-action before this ' +
            'step (a docker-container builder), or use cache: auto or inline',
        ),
      );
    }
    expect(resolve('auto', { builder: dockerDriver }).preset).toBe('inline');
  });
  it('a raw cache-to the docker driver cannot export is an error on cache-to; inline passes', () => {
    const error = (() => {
      try {
        resolve('none', { builder: dockerDriver }, [], lines('type=local,dest=/tmp/c'));
      } catch (caught) {
        return caught as InputError;
      }
    })();
    expect(error?.input).toBe('cache-to');
    expect(error?.message).toMatch(/type=local needs a builder that can export a cache/);
    expect(resolve('none', { builder: dockerDriver }, [], lines('type=inline')).cacheTo).toEqual([
      'type=inline',
    ]);
  });
  it('local on the docker driver keeps <image>:buildcache for docker save', () => {
    const plan = resolve('local', { builder: dockerDriver, push: false });
    expect(plan.local?.mode).toBe('engine-images');
    expect(plan.finalImage).toBe('ghcr.io/acme/gateway:buildcache');
  });
});
