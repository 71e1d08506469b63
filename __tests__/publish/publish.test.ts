import { describe, expect, it } from 'vitest';
import { promote, publish } from '../../src/publish/publish.js';
import { RegistryError } from '../../src/registry/transport/errors.js';
import type { PublishResult } from '../../src/publish/result.js';
import { InputError } from '../../src/util/errors.js';
import { silentLogger, type Logger } from '../../src/util/log.js';
import { memoryWriter } from './memory-writer.js';

const REPO = 'publish/app';
const IMAGE = `reg.test/${REPO}`;

function setup() {
  const mem = memoryWriter();
  const pushed: string[] = [];
  const pushPrimaryOf = (label: string) => async (reference: string) => {
    pushed.push(reference);
    const m = mem.image(label);
    mem.push(REPO, reference.slice(reference.lastIndexOf(':') + 1), m);
    return { digest: m.digest };
  };
  return { mem, pushed, pushPrimaryOf, writers: () => mem.writer };
}

const statuses = (result: PublishResult) =>
  Object.fromEntries(result.registries[0].tags.map((t) => [t.tag, t.status]));

describe('publish', () => {
  it('pushes the primary once, then writes the immutable tags, then the moving ones, and checks them', async () => {
    const { mem, pushed, pushPrimaryOf, writers } = setup();
    const result = await publish({
      images: [IMAGE],
      tags: ['latest', '1', '1.4', '1.4.3', 'sha-a1b2c3d'],
      pushPrimary: pushPrimaryOf('one'),
      writers,
    });
    expect(pushed).toEqual([`${IMAGE}:1.4.3`]);
    expect(mem.calls.filter((c) => c.startsWith('put'))).toEqual(['put sha-a1b2c3d', 'put 1.4,1,latest']);
    // New tags are not looked up: the manifest is read once by the primary tag, and each write's answer confirms it.
    expect(mem.calls.filter((c) => c.startsWith('resolve'))).toEqual([]);
    expect(mem.calls.filter((c) => c.startsWith('get'))).toEqual(['get 1.4.3']);
    expect(statuses(result)).toEqual({
      '1.4.3': 'pushed',
      'sha-a1b2c3d': 'written',
      '1.4': 'written',
      '1': 'written',
      latest: 'written',
    });
    const digest = result.digest;
    for (const tag of ['latest', '1', '1.4', '1.4.3', 'sha-a1b2c3d'])
      expect(mem.tags(REPO).get(tag)).toBe(digest);
    expect(result.registries[0].requests).toBe(mem.calls.length);
  });

  it('points a cache ref at the published image with one PUT after the tags; it is not a published tag', async () => {
    const { mem, pushPrimaryOf, writers } = setup();
    const result = await publish({
      images: [IMAGE],
      tags: ['1.0.0', 'latest'],
      pushPrimary: pushPrimaryOf('cached'),
      writers,
      // A ref of an image this publish does not write to is not its business.
      cacheRefs: [
        { image: IMAGE, tag: 'buildcache' },
        { image: 'other.test/app', tag: 'buildcache' },
      ],
    });
    expect(mem.calls.filter((c) => c.startsWith('put'))).toEqual(['put latest', 'put buildcache']);
    expect(mem.tags(REPO).get('buildcache')).toBe(result.digest);
    expect(result.registries[0].cacheTags).toEqual(['buildcache']);
    expect(result.registries[0].tags.map((t) => t.tag)).toEqual(['1.0.0', 'latest']);
    expect(result.registries[0].manifest.digest).toBe(result.digest);
  });

  it('a cache ref that cannot be written is a warning: the image is published', async () => {
    const { mem, pushPrimaryOf } = setup();
    const warnings: string[] = [];
    const failing = {
      ...mem.writer,
      putTags: async (
        repository: string,
        manifest: Parameters<typeof mem.writer.putTags>[1],
        tags: readonly string[],
      ) => {
        if (tags.includes('buildcache')) throw new Error('403 denied');
        return mem.writer.putTags(repository, manifest, tags);
      },
    };
    const result = await publish({
      images: [IMAGE],
      tags: ['1.0.0', 'latest'],
      pushPrimary: pushPrimaryOf('cached'),
      writers: () => failing,
      logger: { ...silentLogger, warning: (m) => void warnings.push(m) },
      cacheRefs: [{ image: IMAGE, tag: 'buildcache' }],
    });
    expect(statuses(result)).toEqual({ '1.0.0': 'pushed', latest: 'written' });
    expect(warnings).toEqual([`cache ref ${IMAGE}:buildcache not written: 403 denied`]);
  });

  it('re-reads every tag with verify: full, and fails when an immutable tag ends elsewhere', async () => {
    const { mem, pushPrimaryOf, writers } = setup();
    const tags = ['1.0.0', 'sha-a1b2c3d', 'latest'];
    const result = await publish({
      images: [IMAGE],
      tags,
      pushPrimary: pushPrimaryOf('full'),
      writers,
      verify: 'full',
    });
    expect(mem.calls.filter((c) => c.startsWith('resolve')).sort()).toEqual([
      'resolve 1.0.0',
      'resolve latest',
      'resolve sha-a1b2c3d',
    ]);
    expect(result.registries[0].tags.every((t) => t.digest === result.digest)).toBe(true);

    const other = mem.image('someone else');
    const hijack = mem.writer.putTags;
    mem.writer.putTags = async (repository, manifest, names) => {
      await hijack(repository, manifest, names);
      if (names.includes('sha-0000000')) mem.push(REPO, 'sha-0000000', other);
    };
    await expect(
      publish({
        images: [IMAGE],
        tags: ['1.0.1', 'sha-0000000'],
        pushPrimary: pushPrimaryOf('full-2'),
        writers,
        verify: 'full',
      }),
    ).rejects.toThrow(/tag sha-0000000 resolves to sha256:[0-9a-f]+, not sha256:/);
  });

  it('a re-push of the same image writes each moving tag (most specific first) with one PUT, never looking first', async () => {
    const { mem, pushPrimaryOf, writers } = setup();
    const options = {
      images: [IMAGE],
      tags: ['1.0.0', 'latest', 'prod'],
      pushPrimary: pushPrimaryOf('same'),
      writers,
    };
    await publish(options);
    mem.calls.length = 0;
    const again = await publish(options);
    expect(statuses(again)).toEqual({ '1.0.0': 'pushed', latest: 'written', prod: 'written' });
    expect(mem.calls.filter((c) => c.startsWith('put') || c.startsWith('resolve'))).toEqual([
      'put prod,latest',
    ]);
  });

  it('holds back latest and the major for a hotfix on an old line, as a notice and a result row', async () => {
    const { mem, pushPrimaryOf, writers } = setup();
    const two = mem.image('two');
    mem.push(REPO, '2.0.0', two);
    mem.push(REPO, 'latest', two);
    mem.push(REPO, '1.5.0', mem.image('one-five'));
    const notices: string[] = [];
    const logger: Logger = { ...silentLogger, notice: (m) => void notices.push(m) };
    const result = await publish({
      images: [IMAGE],
      tags: ['1.4.3', '1.4', '1', 'latest'],
      pushPrimary: pushPrimaryOf('hotfix'),
      writers,
      logger,
    });
    expect(statuses(result)).toEqual({
      '1.4.3': 'pushed',
      '1.4': 'written',
      '1': 'held-back',
      latest: 'held-back',
    });
    expect(mem.tags(REPO).get('latest')).toBe(two.digest);
    expect(mem.tags(REPO).has('1')).toBe(false);
    expect(notices.join('\n')).toMatch(/latest held back: 1\.4\.3 is lower than 2\.0\.0/);
    expect(result.notices).toHaveLength(2);
  });

  it('hands latest to a higher version published concurrently, whichever PUT lands last', async () => {
    const { mem, pushPrimaryOf, writers } = setup();
    let raced = false;
    // While the 1.2.0 publish is about to write latest, a 1.3.0 publish runs to completion.
    mem.hooks.beforePut = async (_repo, names) => {
      if (raced || !names.includes('latest')) return;
      raced = true;
      await publish({
        images: [IMAGE],
        tags: ['1.3.0', 'latest'],
        pushPrimary: pushPrimaryOf('newer'),
        writers,
      });
    };
    const older = await publish({
      images: [IMAGE],
      tags: ['1.2.0', 'latest'],
      pushPrimary: pushPrimaryOf('older'),
      writers,
    });
    expect(raced).toBe(true);
    expect(mem.tags(REPO).get('latest')).toBe(mem.tags(REPO).get('1.3.0'));
    expect(older.registries[0].tags.find((t) => t.tag === 'latest')).toMatchObject({ status: 'superseded' });
  });

  it('flavored tags follow their own family when a higher version lands meanwhile, never a plain one', async () => {
    const { mem, pushPrimaryOf, writers } = setup();
    let raced = false;
    // While 1.2.0-alpine is about to write its floating tags, a plain 1.9.0 and a 1.3.0-alpine land.
    mem.hooks.beforePut = async (_repo, names) => {
      if (raced || !names.includes('1-alpine')) return;
      raced = true;
      await publish({ images: [IMAGE], tags: ['1.9.0', '1'], pushPrimary: pushPrimaryOf('plain'), writers });
      await publish({
        images: [IMAGE],
        tags: ['1.3.0-alpine', '1-alpine'],
        version: '1.3.0',
        pushPrimary: pushPrimaryOf('newer-alpine'),
        writers,
      });
    };
    const older = await publish({
      images: [IMAGE],
      tags: ['1.2.0-alpine', '1-alpine'],
      version: '1.2.0',
      pushPrimary: pushPrimaryOf('older-alpine'),
      writers,
    });
    expect(raced).toBe(true);
    expect(mem.tags(REPO).get('1-alpine')).toBe(mem.tags(REPO).get('1.3.0-alpine'));
    expect(mem.tags(REPO).get('1')).toBe(mem.tags(REPO).get('1.9.0'));
    expect(older.registries[0].tags.find((t) => t.tag === '1-alpine')).toMatchObject({
      status: 'superseded',
    });
  });

  it('publishes to several registries, pushing once per registry', async () => {
    const a = memoryWriter();
    const b = memoryWriter();
    const pushed: string[] = [];
    const result = await publish({
      images: ['a.test/app', 'b.test/team/app'],
      tags: ['2.0.0', 'latest'],
      writers: (registry) => (registry === 'a.test' ? a.writer : b.writer),
      pushPrimary: async (reference) => {
        pushed.push(reference);
        const mem = reference.startsWith('a.test') ? a : b;
        const m = mem.image('x');
        mem.push(reference.startsWith('a.test') ? 'app' : 'team/app', '2.0.0', m);
        return { digest: m.digest };
      },
    });
    expect(pushed).toEqual(['a.test/app:2.0.0', 'b.test/team/app:2.0.0']);
    expect(result.registries.map((r) => r.image)).toEqual(['a.test/app', 'b.test/team/app']);
    expect(a.tags('app').get('latest')).toBe(result.digest);
    expect(b.tags('team/app').get('latest')).toBe(result.digest);
  });

  it('finds bad input and unusable registries before pushing anything', async () => {
    const { pushed, pushPrimaryOf, writers, mem } = setup();
    const base = { tags: ['1.0.0'], pushPrimary: pushPrimaryOf('x'), writers };
    await expect(publish({ ...base, images: ['reg.test/Bad'] })).rejects.toThrow(/input "images", line 1/);
    await expect(publish({ ...base, images: [IMAGE, `${IMAGE}:1`] })).rejects.toThrow(InputError);
    await expect(publish({ ...base, images: [IMAGE], tags: ['ok', 'no good'] })).rejects.toThrow(
      /input "tags"/,
    );
    mem.writer.listTags = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(publish({ ...base, images: [IMAGE] })).rejects.toThrow(
      /reg\.test is not usable: fetch failed \(ECONNREFUSED\)/,
    );
    expect(pushed).toEqual([]);
  });
});

describe('promote', () => {
  it('publishes an existing tag under new tags through the same plan, without a push', async () => {
    const { mem, writers } = setup();
    const built = mem.image('built');
    mem.push(REPO, 'sha-a1b2c3d', built);
    mem.push(REPO, '0.9.0', mem.image('old'));
    const result = await promote({
      source: `${IMAGE}:sha-a1b2c3d`,
      images: [IMAGE],
      tags: ['1.0.0', '1', 'latest'],
      writers,
    });
    expect(statuses(result)).toEqual({ '1.0.0': 'written', '1': 'written', latest: 'written' });
    for (const tag of ['1.0.0', '1', 'latest']) expect(mem.tags(REPO).get(tag)).toBe(built.digest);
    expect(mem.calls.filter((c) => c.startsWith('put'))).toEqual(['put 1.0.0', 'put 1,latest']);
  });

  it('with lookFirst (a graph re-run), looks at every existing tag at once and writes only what moved', async () => {
    const { mem, writers } = setup();
    const built = mem.image('built');
    mem.push(REPO, 'sha-a1b2c3d', built);
    mem.push(REPO, 'main', built);
    mem.push(REPO, 'staging', mem.image('older'));
    mem.calls.length = 0;
    const result = await promote({
      source: `${IMAGE}@${built.digest}`,
      images: [IMAGE],
      tags: ['sha-a1b2c3d', 'main', 'staging', 'new'],
      writers,
      lookFirst: true,
    });
    expect(statuses(result)).toEqual({
      'sha-a1b2c3d': 'unchanged',
      main: 'unchanged',
      staging: 'written',
      new: 'written',
    });
    expect(mem.calls.filter((c) => c.startsWith('resolve')).sort()).toEqual([
      'resolve main',
      'resolve sha-a1b2c3d',
      'resolve staging',
    ]);
    expect(mem.calls.filter((c) => c.startsWith('put'))).toEqual(['put staging,new']);
    expect(mem.tags(REPO).get('staging')).toBe(built.digest);

    // Without it, a moving tag is written blind (one request either way for a new image).
    mem.calls.length = 0;
    await promote({ source: `${IMAGE}@${built.digest}`, images: [IMAGE], tags: ['main'], writers });
    expect(mem.calls.filter((c) => c.startsWith('resolve') || c.startsWith('put'))).toEqual(['put main']);
  });

  it('promotes into another registry only when the image is already there', async () => {
    const source = memoryWriter();
    const other = memoryWriter();
    const built = source.image('built');
    source.push('app', 'sha-a1b2c3d', built);
    const writers = (registry: string) => (registry === 'src.test' ? source.writer : other.writer);
    const options = {
      source: 'src.test/app:sha-a1b2c3d',
      images: ['dst.test/app'],
      tags: ['1.0.0'],
      writers,
    };
    await expect(promote(options)).rejects.toThrow(
      /input "promote-from": sha256:\w+ is not in dst\.test\/app/,
    );
    expect(other.calls.filter((c) => c.startsWith('put'))).toEqual([]);
    other.image('built'); // the same bytes, pushed there earlier
    const result = await promote(options);
    expect(other.tags('app').get('1.0.0')).toBe(built.digest);
    expect(result.registries[0].tags).toEqual([{ tag: '1.0.0', status: 'written', digest: built.digest }]);
  });

  it('says which source does not exist, before writing anything', async () => {
    const { mem, writers } = setup();
    mem.writer.getManifest = async () => {
      throw new RegistryError('GET', 'http://reg.test/v2/publish/app/manifests/nope', 404, []);
    };
    await expect(
      promote({ source: `${IMAGE}:nope`, images: [IMAGE], tags: ['1.0.0'], writers }),
    ).rejects.toThrow(/input "promote-from": reg\.test\/publish\/app:nope does not exist/);
    await expect(promote({ source: IMAGE, images: [IMAGE], tags: ['1.0.0'], writers })).rejects.toThrow(
      /tag or a digest/,
    );
    expect(mem.calls.filter((c) => c.startsWith('put'))).toEqual([]);
  });
});
