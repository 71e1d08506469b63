import { describe, expect, it } from 'vitest';
import { completePublish, preparePublish, publish, type PushPrimary } from '../../src/publish/index.js';
import type { PublishResult } from '../../src/publish/result.js';
import { InputError } from '../../src/util/errors.js';
import { silentLogger, type Logger } from '../../src/util/log.js';
import { memoryWriter } from './memory-writer.js';

const CONFIG = `sha256:${'c'.repeat(64)}`;
const OTHER_CONFIG = `sha256:${'d'.repeat(64)}`;

/** Two registries, each a memory writer; `pushPrimary` records calls and pushes a manifest with `config`. */
function twoRegistries() {
  const a = memoryWriter();
  const b = memoryWriter();
  const byHost = (reference: string) =>
    reference.startsWith('a.test/') ? { mem: a, repo: 'app' } : { mem: b, repo: 'team/app' };
  const pushed: string[] = [];
  const pushPrimaryOf =
    (label: string, config = CONFIG): PushPrimary =>
    async (reference) => {
      pushed.push(reference);
      const { mem, repo } = byHost(reference);
      const m = mem.image(label, config);
      mem.push(repo, reference.slice(reference.lastIndexOf(':') + 1), m);
      return { digest: m.digest };
    };
  const writers = (registry: string) => (registry === 'a.test' ? a.writer : b.writer);
  return { a, b, pushed, pushPrimaryOf, writers, images: ['a.test/app', 'b.test/team/app'] };
}

const statuses = (result: PublishResult, index = 0) =>
  Object.fromEntries(result.registries[index].tags.map((t) => [t.tag, t.status]));

describe('preparePublish and completePublish', () => {
  it('checks every registry before anything is pushed, then pushes the announced references in order', async () => {
    const { a, b, pushed, pushPrimaryOf, writers, images } = twoRegistries();
    const prepared = await preparePublish({ images, tags: ['latest', '1.2', '1.2.0'], writers });
    expect(prepared.primaryTag).toBe('1.2.0');
    expect(prepared.references).toEqual(['a.test/app:1.2.0', 'b.test/team/app:1.2.0']);
    // Prepare only lists tags: no push, no write.
    expect([...a.calls, ...b.calls]).toEqual(['list', 'list']);
    expect(pushed).toEqual([]);

    const result = await completePublish(prepared, pushPrimaryOf('one'));
    expect(pushed).toEqual(prepared.references);
    expect(statuses(result, 1)).toEqual({ '1.2.0': 'pushed', '1.2': 'written', latest: 'written' });
    expect(b.tags('team/app').get('latest')).toBe(result.registries[1].digest);
  });

  it('fails in prepare, with no push, when the second registry refuses the tag listing', async () => {
    const { b, pushed, writers, images } = twoRegistries();
    b.writer.listTags = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(preparePublish({ images, tags: ['1.0.0'], writers })).rejects.toThrow(
      /b\.test is not usable/,
    );
    expect(pushed).toEqual([]);
  });

  it('fails in prepare when the only possible primary is a floating tag the guard holds back', async () => {
    const { a, pushed, writers, images } = twoRegistries();
    a.push('app', '1.5.0', a.image('newer'));
    const failure = preparePublish({ images, tags: ['1', 'latest'], version: '1.4.3', writers });
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(/input "tags": .*"1".*1\.5\.0.*add a version or sha tag/);
    expect(pushed).toEqual([]);
  });
});

describe('re-runs with localConfigDigest', () => {
  const tags = ['1.0.0', 'sha-a1b2c3d', 'latest'];

  it('does not push a primary tag that already holds an image with the same config', async () => {
    const { a, b, pushed, pushPrimaryOf, writers, images } = twoRegistries();
    const first = await publish({ images, tags, writers, pushPrimary: pushPrimaryOf('one') });
    expect(pushed).toHaveLength(2);
    pushed.length = 0;
    a.calls.length = 0;
    b.calls.length = 0;

    // The same image rebuilt: a different manifest would be pushed, but its config is the same.
    const again = await publish({
      images,
      tags,
      writers,
      pushPrimary: pushPrimaryOf('rebuilt'),
      localConfigDigest: CONFIG,
    });
    expect(pushed).toEqual([]);
    expect(again.digest).toBe(first.digest);
    expect(statuses(again)).toEqual({
      '1.0.0': 'unchanged',
      'sha-a1b2c3d': 'unchanged',
      latest: 'unchanged',
    });
    expect(statuses(again, 1)['1.0.0']).toBe('unchanged');
    expect(again.registries[0].tags.every((t) => t.digest === first.digest)).toBe(true);
    expect([...a.calls, ...b.calls].filter((c) => c.startsWith('put'))).toEqual([]);
    // The existing manifest is read once by the primary tag: that is the whole check.
    expect(a.calls.filter((c) => c.startsWith('get'))).toEqual(['get 1.0.0']);
    expect(again.registries[0].requests).toBe(a.calls.length);
  });

  it('takes the config digest in completePublish, known only after the build', async () => {
    const { pushed, pushPrimaryOf, writers, images } = twoRegistries();
    await publish({ images, tags, writers, pushPrimary: pushPrimaryOf('one') });
    pushed.length = 0;
    const prepared = await preparePublish({ images, tags, writers });
    const result = await completePublish(prepared, pushPrimaryOf('one'), { localConfigDigest: CONFIG });
    expect(pushed).toEqual([]);
    expect(statuses(result)['1.0.0']).toBe('unchanged');
  });

  it('pushes when the config differs, when the tag is new, or when no config digest is given', async () => {
    const { a, pushed, pushPrimaryOf, writers, images } = twoRegistries();
    await publish({ images, tags, writers, pushPrimary: pushPrimaryOf('one') });
    pushed.length = 0;

    const changed = await publish({
      images,
      tags: ['1.0.0'],
      writers,
      pushPrimary: pushPrimaryOf('two', OTHER_CONFIG),
      localConfigDigest: OTHER_CONFIG,
    });
    expect(pushed).toEqual(['a.test/app:1.0.0', 'b.test/team/app:1.0.0']);
    expect(statuses(changed)['1.0.0']).toBe('pushed');
    pushed.length = 0;

    await publish({
      images,
      tags: ['1.0.1'],
      writers,
      pushPrimary: pushPrimaryOf('three'),
      localConfigDigest: CONFIG,
    });
    expect(pushed).toEqual(['a.test/app:1.0.1', 'b.test/team/app:1.0.1']);
    pushed.length = 0;

    await publish({ images, tags: ['1.0.1'], writers, pushPrimary: pushPrimaryOf('three') });
    expect(pushed).toEqual(['a.test/app:1.0.1', 'b.test/team/app:1.0.1']);
    expect(a.tags('app').get('1.0.1')).toBeDefined();
  });

  it('pushes an index (no config of its own) even when the tag exists', async () => {
    const { a, pushed, writers } = twoRegistries();
    const index = a.image('index-without-config');
    a.push('app', '1.0.0', index);
    const result = await publish({
      images: ['a.test/app'],
      tags: ['1.0.0'],
      writers,
      localConfigDigest: CONFIG,
      pushPrimary: async (reference) => {
        pushed.push(reference);
        return { digest: index.digest };
      },
    });
    expect(pushed).toEqual(['a.test/app:1.0.0']);
    expect(statuses(result)['1.0.0']).toBe('pushed');
  });
});

describe('notices', () => {
  it('logs each held-back tag once while publishing and returns the same set in notices', async () => {
    const { a, pushPrimaryOf, writers } = twoRegistries();
    a.push('app', '2.0.0', a.image('two'));
    a.push('app', '1.5.0', a.image('one-five'));
    const logged: string[] = [];
    const logger: Logger = { ...silentLogger, notice: (m) => void logged.push(m) };
    const result = await publish({
      images: ['a.test/app'],
      tags: ['1.4.3', '1', 'latest'],
      writers,
      logger,
      pushPrimary: pushPrimaryOf('hotfix'),
    });
    expect(result.notices).toHaveLength(2);
    expect(logged).toHaveLength(result.notices.length);
    for (const tag of ['1', 'latest'])
      expect(logged.filter((m) => m.startsWith(`a.test/app:${tag} held back`))).toHaveLength(1);
  });
});
