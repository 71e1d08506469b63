import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetadata } from '../../src/tags/compute.js';
import { loadPep440, type EngineLibs } from '../../src/tags/lazy-libs.js';
import { runRelease } from '../../src/tags/release-event.js';
import type { RunContext } from '../../src/tags/types.js';
import { NOW, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

const RELEASE_TAGS = [
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
  'type=sha',
].join('\n');

/** A `release` event as GitHub sends it; `ref` is where the workflow runs (GitHub: refs/tags/<tag_name>). */
function releaseEvent(
  release: Record<string, unknown>,
  ref = `refs/tags/${String(release.tag_name)}`,
): Partial<RunContext> {
  return {
    eventName: 'release',
    ref,
    payload: {
      action: 'published',
      release: { draft: false, prerelease: false, published_at: '2024-05-01T10:00:00Z', ...release },
      repository: { default_branch: 'master' },
    },
  };
}

function dispatch(inputsGiven: Record<string, unknown>, ref = 'refs/heads/master'): Partial<RunContext> {
  return {
    eventName: 'workflow_dispatch',
    ref,
    payload: { inputs: inputsGiven, repository: { default_branch: 'master' } },
  };
}

let libs: EngineLibs;
beforeAll(async () => {
  libs = { pep440: await loadPep440() };
});

function tagsFor(context: Partial<RunContext>, tags = RELEASE_TAGS) {
  const log = recordingLogger();
  const result = computeMetadata(
    inputs({ images: 'ghcr.io/acme/app', tags }),
    runContext(context),
    helloWorld,
    {
      now: NOW,
      logger: log.logger,
      libs,
    },
  );
  return { ...result, warnings: log.warnings };
}

describe('the release a run is for', () => {
  it('a pushed tag is the release, as metadata-action reads it', () => {
    expect(runRelease(runContext({ ref: 'refs/tags/v1.2.3' }))).toEqual({
      tag: 'v1.2.3',
      source: 'ref',
      prerelease: false,
      draft: false,
    });
  });

  it('a release event: the ref first, the payload for its flags and date', () => {
    const release = runRelease(runContext(releaseEvent({ tag_name: 'v2.0.0', prerelease: true })));
    expect(release).toEqual({
      tag: 'v2.0.0',
      source: 'ref',
      prerelease: true,
      draft: false,
      publishedAt: new Date('2024-05-01T10:00:00Z'),
    });
  });

  it('a release event on a branch ref (context: git, a called workflow) takes tag_name', () => {
    const release = runRelease(runContext(releaseEvent({ tag_name: ' v2.0.0 ' }, 'refs/heads/master')));
    expect(release?.tag).toBe('v2.0.0');
    expect(release?.source).toBe('release');
  });

  it('workflow_dispatch takes the version input; other inputs and other events do not count', () => {
    expect(runRelease(runContext(dispatch({ version: ' 1.4.0 ' })))).toEqual({
      tag: '1.4.0',
      source: 'dispatch',
      prerelease: false,
      draft: false,
    });
    expect(runRelease(runContext(dispatch({ tag: 'v1.4.0' })))).toBeUndefined();
    expect(runRelease(runContext(dispatch({ version: '' })))).toBeUndefined();
    expect(
      runRelease(runContext({ eventName: 'push', payload: { inputs: { version: '1.0.0' } } })),
    ).toBeUndefined();
    expect(
      runRelease(runContext({ eventName: 'push', payload: { release: { tag_name: 'v1.0.0' } } })),
    ).toBeUndefined();
  });

  it('a dispatch run on a tag is that tag', () => {
    expect(runRelease(runContext(dispatch({ version: '9.9.9' }, 'refs/tags/v1.0.0')))?.tag).toBe('v1.0.0');
  });
});

describe('type=semver on every release event, without value=', () => {
  it('a tag push: version, minor, major, latest and the commit tag (unchanged from metadata-action)', () => {
    const result = tagsFor({ ref: 'refs/tags/v1.2.3' });
    expect(result.tagNames).toEqual(['1.2.3', '1.2', '1', 'sha-860c190', 'latest']);
    expect(result.semanticVersion).toBe('1.2.3');
  });

  it('a published release, with and without a v', () => {
    expect(tagsFor(releaseEvent({ tag_name: 'v1.2.3' })).tagNames).toEqual([
      '1.2.3',
      '1.2',
      '1',
      'sha-860c190',
      'latest',
    ]);
    expect(tagsFor(releaseEvent({ tag_name: '1.2.3' })).tagNames).toEqual([
      '1.2.3',
      '1.2',
      '1',
      'sha-860c190',
      'latest',
    ]);
  });

  it('a published release whose ref is not its tag still gets its version tags (metadata-action: none)', () => {
    const result = tagsFor(releaseEvent({ tag_name: 'v3.1.0' }, 'refs/heads/master'));
    expect(result.tagNames).toEqual(['3.1.0', '3.1', '3', 'sha-860c190', 'latest']);
    expect(result.version).toBe('3.1.0');
  });

  it('a pre-release version: only the full version, no latest (as metadata-action)', () => {
    const result = tagsFor(releaseEvent({ tag_name: 'v2.0.0-rc.1', prerelease: true }));
    expect(result.tagNames).toEqual(['2.0.0-rc.1', 'sha-860c190']);
    expect(result.latest).toBe(false);
  });

  it('a stable version marked pre-release computes the same tags (the publish guard holds the floating ones)', () => {
    const marked = tagsFor(releaseEvent({ tag_name: 'v2.0.0', prerelease: true }));
    const plain = tagsFor(releaseEvent({ tag_name: 'v2.0.0' }));
    expect(marked.tagNames).toEqual(plain.tagNames);
    expect(marked.semanticVersion).toBe('2.0.0');
  });

  it('workflow_dispatch with a version input (metadata-action: none without value=)', () => {
    expect(tagsFor(dispatch({ version: 'v1.4.0' })).tagNames).toEqual([
      '1.4.0',
      '1.4',
      '1',
      'sha-860c190',
      'latest',
    ]);
    // A version that is not semver warns and emits nothing, as a bad git tag does.
    const bad = tagsFor(dispatch({ version: 'next' }));
    expect(bad.tagNames).toEqual(['sha-860c190']);
    expect(bad.warnings).toContain('next is not a valid semver. More info: https://semver.org/');
  });

  it('value= still wins over the release', () => {
    const result = tagsFor(
      releaseEvent({ tag_name: 'v1.2.3' }),
      'type=semver,pattern={{version}},value=5.0.0',
    );
    expect(result.tagNames).toEqual(['5.0.0', 'latest']);
  });

  it('a branch push and a dispatch without a version: no semver tag, as metadata-action', () => {
    expect(tagsFor({}).tagNames).toEqual(['sha-860c190']);
    expect(tagsFor(dispatch({})).tagNames).toEqual(['sha-860c190']);
  });

  it('type=match and type=pep440 read the same release', () => {
    expect(tagsFor(dispatch({ version: 'v1.4.0' }), 'type=match,pattern=\\d+.\\d+').tagNames).toEqual([
      '1.4',
      'latest',
    ]);
    expect(
      tagsFor(
        releaseEvent({ tag_name: '1.4.0' }, 'refs/heads/master'),
        'type=pep440,pattern={{major}}.{{minor}}',
      ).tagNames,
    ).toEqual(['1.4', 'latest']);
  });
});

describe('the environment policy reads the same release', () => {
  it('prod on a release event whose ref is a branch, and on a dispatch with a version', () => {
    const prod = (context: Partial<RunContext>) =>
      computeMetadata(
        inputs({ images: 'ghcr.io/acme/app', environment: 'prod' }),
        runContext(context),
        helloWorld,
        {
          now: NOW,
          logger: recordingLogger().logger,
        },
      );
    for (const context of [
      releaseEvent({ tag_name: 'v1.0.0' }, 'refs/heads/master'),
      dispatch({ version: '1.0.0' }),
    ]) {
      const result = prod(context);
      expect(result.tagNames).toEqual(expect.arrayContaining(['prod', 'v1.0.0', '1.0.0', 'latest']));
      expect(result.semanticVersion).toBe('1.0.0');
    }
  });
});
