import { describe, expect, it } from 'vitest';
import {
  chooseBaseline,
  previousVersionTag,
  withBaselineLayerSizes,
  type BaselineFacts,
} from '../../src/pipeline/report-baseline.js';
import { exportsLayoutForReport, reportImageSource } from '../../src/pipeline/report-source.js';
import { analyzeLayers, imageModelFromMetadata } from '../../src/report/index.js';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { sha256 } from '../report/helpers/image-tar.js';
import {
  CLASSIC,
  REMOTE,
  buildOutcome,
  contextFor,
  layer,
  metadataFor,
  reportInputs,
  resultOf,
} from './report-fixtures.js';

const IMAGE = 'ghcr.io/acme/app';

function facts(overrides: Partial<BaselineFacts> & { tags?: string } = {}): BaselineFacts {
  const inputs = reportInputs({
    images: IMAGE,
    ...(overrides.tags !== undefined && { tags: overrides.tags }),
  });
  return {
    choice: { kind: 'auto' },
    image: IMAGE,
    context: contextFor('push'),
    metadataInputs: inputs.metadata,
    metadata: metadataFor(IMAGE, ['main']),
    ...overrides,
  };
}

describe('chooseBaseline', () => {
  const pullRequest = contextFor('pull_request', {
    pull_request: { number: 7, base: { ref: 'release/2.x' } },
  });

  it("a pull request: the base branch's tag, as type=ref,event=branch writes it there", () => {
    expect(chooseBaseline(facts({ context: pullRequest }))).toEqual({
      reference: `${IMAGE}:release-2.x`,
      label: 'app:release-2.x',
      why: 'the base branch release/2.x',
    });
    // GITHUB_BASE_REF wins over the payload; the rule's prefix and the flavor's suffix apply.
    expect(
      chooseBaseline(
        facts({
          context: pullRequest,
          baseRef: 'main',
          metadataInputs: reportInputs({
            images: IMAGE,
            tags: 'type=sha\ntype=ref,event=branch,prefix=br-',
            flavor: 'suffix=-slim',
          }).metadata,
        }),
      )?.reference,
    ).toBe(`${IMAGE}:br-main-slim`);
  });

  it('a pull_request_target run too; a pull request without a base branch has none', () => {
    const target = contextFor('pull_request_target', { pull_request: { base: { ref: 'main' } } });
    expect(chooseBaseline(facts({ context: target }))?.reference).toBe(`${IMAGE}:main`);
    expect(chooseBaseline(facts({ context: contextFor('pull_request', {}) }))).toBeUndefined();
  });

  it("a release: the highest version below this one among the repository's tags", () => {
    const release = facts({
      metadata: metadataFor(IMAGE, ['1.3.0', '1.3', '1', 'latest'], '1.3.0'),
      existingTags: ['1.2.9', '1.2.10', '1.3.0-rc.2', '2.0.0', 'latest', '1.2', 'sha-abc1234'],
    });
    expect(chooseBaseline(release)).toEqual({
      reference: `${IMAGE}:1.2.10`,
      label: 'app:1.2.10',
      why: 'the previous version 1.2.10',
    });
  });

  it('a push to a branch has no default baseline; report-baseline names one, or none', () => {
    expect(chooseBaseline(facts())).toBeUndefined();
    expect(chooseBaseline(facts({ choice: { kind: 'tag', tag: 'stable' } }))?.reference).toBe(
      `${IMAGE}:stable`,
    );
    expect(
      chooseBaseline(
        facts({ choice: { kind: 'reference', reference: 'ghcr.io/acme/other@sha256:' + 'a'.repeat(64) } }),
      ),
    ).toMatchObject({ label: `other@sha256:${'a'.repeat(64)}`, why: 'report-baseline' });
    expect(chooseBaseline(facts({ choice: { kind: 'none' }, context: pullRequest }))).toBeUndefined();
  });
});

describe('previousVersionTag', () => {
  it('reads versions in the release tag family, and skips pre-releases for a release', () => {
    const tags = ['1.4.2-alpine', '1.4.3-alpine', '1.4.9', '1.5.0-rc.1-alpine', 'v1.4.1-alpine'];
    expect(previousVersionTag(['1.5.0-alpine', '1-alpine'], '1.5.0', tags)).toBe('1.4.3-alpine');
    expect(previousVersionTag(['1.5.0'], '1.5.0', ['v1.4.0', '1.5.0-rc.1'])).toBe('v1.4.0');
    // A pre-release compares with whatever came before it, pre-releases included.
    expect(previousVersionTag(['1.5.0-rc.2'], '1.5.0-rc.2', ['1.4.0', '1.5.0-rc.1'])).toBe('1.5.0-rc.1');
    expect(previousVersionTag(['1.0.0'], '1.0.0', ['latest', 'main'])).toBeUndefined();
  });
});

describe('withBaselineLayerSizes', () => {
  it("takes a shared layer's size from this image and reads only the others, one at a time", async () => {
    const shared = await layer({ 'bin/tool': 4000 });
    const old = await layer({ 'app/old.bin': 1234 });
    const model = (layers: Buffer[]) =>
      imageModelFromMetadata({
        image: IMAGE,
        manifest: {
          config: { digest: 'sha256:c', size: 10 },
          layers: layers.map((data) => ({ digest: sha256(gzipSync(data)), size: gzipSync(data).length })),
        },
        config: { rootfs: { diff_ids: layers.map((data) => sha256(data)) } },
      });
    const current = model([shared]);
    const blobs = new Map([shared, old].map((data) => [sha256(gzipSync(data)), gzipSync(data)]));
    const opened: string[] = [];
    const open = async (ref: { digest?: string }) => {
      opened.push(ref.digest ?? '');
      return Readable.from([blobs.get(ref.digest ?? '') as Buffer]);
    };
    const contents = await analyzeLayers([{ digest: current.layers[0].digest }], open);
    opened.length = 0;
    const sized = await withBaselineLayerSizes(
      model([shared, old]),
      { model: current, contents },
      open,
      1024 ** 3,
    );
    expect(sized.model.layers.map((l) => l.uncompressedBytes)).toEqual([4000, 1234]);
    expect(opened).toEqual([sha256(gzipSync(old))]);
    const tooBig = await withBaselineLayerSizes(model([shared, old]), { model: current, contents }, open, 10);
    expect(tooBig.model.layers.map((l) => l.uncompressedBytes)).toEqual([undefined, undefined]);
    expect(tooBig.notice).toMatch(
      /were not read, over report-contents-limit: its deltas are compressed sizes only/,
    );
  });
});

describe('where the image is', () => {
  const build = (values: Record<string, string> = {}) => reportInputs(values).build;

  it('a container builder that neither pushes nor loads exports an OCI layout, as its one output', () => {
    expect(exportsLayoutForReport(build(), REMOTE, false)).toBe(true);
    expect(exportsLayoutForReport(build(), REMOTE, true)).toBe(false);
    expect(exportsLayoutForReport(build({ load: 'true' }), REMOTE, false)).toBe(false);
    expect(exportsLayoutForReport(build({ outputs: 'type=local,dest=out' }), REMOTE, false)).toBe(false);
    expect(exportsLayoutForReport(build(), { ...REMOTE, driver: 'docker' }, false)).toBe(false);
    expect(exportsLayoutForReport(build(), CLASSIC, false)).toBe(false);
  });

  it('the engine holds what the classic builder, the docker driver and load built', () => {
    const metadata = metadataFor(IMAGE, ['pr-7']);
    const source = (builder: typeof REMOTE | typeof CLASSIC, values: Record<string, string> = {}) =>
      reportImageSource(resultOf({ metadata, build: buildOutcome(builder) }), build(values)).kind;
    expect(source(CLASSIC)).toBe('engine');
    expect(source({ ...REMOTE, driver: 'docker' })).toBe('engine');
    expect(source(REMOTE, { load: 'true' })).toBe('engine');
    expect(source(REMOTE)).toBe('unavailable');
    expect(source(CLASSIC, { outputs: 'type=tar,dest=image.tar' })).toBe('unavailable');
  });
});
