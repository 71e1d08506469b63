import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  ListImagesCommand,
  PutImageCommand,
  paginateDescribeImages,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcrClient } from '../../src/ecr/index.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { indexOf, prepareImage, putManifestByDigest, type TestImage } from '../helpers/ecr-fixtures.js';
import { testbed } from '../helpers/testbed.js';

/**
 * The emulator's image operations as ECR answers them, driven by the real SDK against the real
 * registry: per-image failures instead of 500s, listings of the whole repository, lookups by tag.
 */
describe('ECR emulator image operations (real SDK, real registry)', () => {
  const unique = `${process.pid}-${Date.now()}`;
  const repository = `emu/images-${unique}`;
  let emulator: EcrEmulator;
  let client: ECRClient;
  let first: TestImage;
  let second: TestImage;
  let index: TestImage;

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: Error & { $metadata?: { httpStatusCode?: number } }) => error,
    );
  const put = (image: TestImage, tag: string, repositoryName = repository) =>
    client.send(
      new PutImageCommand({
        repositoryName,
        imageManifest: image.manifest,
        imageManifestMediaType: image.mediaType,
        imageTag: tag,
      }),
    );

  beforeAll(async () => {
    emulator = await startEcrEmulator({ registry: testbed().registry, defaultPageSize: 2 });
    client = createEcrClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });
    await client.send(
      new CreateRepositoryCommand({
        repositoryName: repository,
        imageScanningConfiguration: { scanOnPush: true },
      }),
    );
    first = await prepareImage(emulator, repository, `first ${unique}`, 'docker');
    second = await prepareImage(emulator, repository, `second ${unique}`, 'oci');
    await put(first, '1.0.0');
    await put(second, '2.0.0');
    await putManifestByDigest(emulator, repository, second);
    index = indexOf([second]);
    await put(index, 'multi');
  });
  afterAll(() => emulator.close());

  it('BatchGetImage without acceptedMediaTypes returns the manifest as stored', async () => {
    const response = await client.send(
      new BatchGetImageCommand({
        repositoryName: repository,
        imageIds: [{ imageTag: '1.0.0' }, { imageTag: 'multi' }],
      }),
    );
    expect(response.failures).toEqual([]);
    expect(response.images?.map((image) => [image.imageManifest, image.imageManifestMediaType])).toEqual([
      [first.manifest, first.mediaType],
      [index.manifest, index.mediaType],
    ]);
  });

  it('BatchGetImage reports failures[] (status 200) for types the image lacks and for bad or unknown ids', async () => {
    const response = await client.send(
      new BatchGetImageCommand({
        repositoryName: repository,
        imageIds: [
          { imageTag: 'multi' },
          { imageTag: '1.0.0' },
          { imageTag: 'never-pushed' },
          { imageDigest: 'sha256:not-hex' },
          { imageTag: '1.0.0', imageDigest: second.digest },
          {},
        ],
        acceptedMediaTypes: ['application/vnd.docker.distribution.manifest.v2+json'],
      }),
    );
    expect(response.$metadata.httpStatusCode).toBe(200);
    expect(response.images?.map((image) => image.imageId)).toEqual([
      { imageTag: '1.0.0', imageDigest: first.digest },
    ]);
    expect(response.failures?.map((failure) => [failure.imageId, failure.failureCode])).toEqual([
      [{ imageTag: 'multi' }, 'ImageNotFound'],
      [{ imageTag: 'never-pushed' }, 'ImageNotFound'],
      [{ imageDigest: 'sha256:not-hex' }, 'InvalidImageDigest'],
      [{ imageTag: '1.0.0', imageDigest: second.digest }, 'ImageTagDoesNotMatchDigest'],
      [{}, 'MissingDigestAndTag'],
    ]);
    const batchCalls = emulator.calls.filter((call) => call.operation === 'BatchGetImage');
    expect(batchCalls.every((call) => call.status === 200)).toBe(true);
  });

  it('PutImage refuses malformed or untyped manifests and missing layers with client errors, not 500s', async () => {
    const before = emulator.calls.length;
    const cases: [Promise<unknown>, string, RegExp][] = [
      [
        client.send(
          new PutImageCommand({
            repositoryName: repository,
            imageManifest: '{"schemaVersion": 2,',
            imageTag: 'x',
          }),
        ),
        'InvalidParameterException',
        /^Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'$/,
      ],
      [
        client.send(
          new PutImageCommand({
            repositoryName: repository,
            imageManifest: second.manifest.replace(`"mediaType": "${second.mediaType}",\n `, ''),
            imageTag: 'untyped',
          }),
        ),
        'InvalidParameterException',
        /Invalid JSON syntax/,
      ],
      [
        put(
          {
            ...first,
            manifest: first.manifest.replace(/"digest": "sha256:[0-9a-f]{8}/g, '"digest": "sha256:00000000'),
          },
          'holes',
        ),
        'LayersNotFoundException',
        /^Layers with digests '\[sha256:00000000/,
      ],
    ];
    for (const [attempt, type, message] of cases) {
      const error = await failure(attempt);
      expect(error.name).toBe(type);
      expect(error.message).toMatch(message);
      expect(error.$metadata?.httpStatusCode).toBe(400);
    }
    // Client errors are not retried: one call each.
    expect(emulator.calls.length - before).toBe(cases.length);
    // The untyped manifest (OCI makes mediaType optional) goes in once its media type is given.
    const untyped = second.manifest.replace(`"mediaType": "${second.mediaType}",\n `, '');
    const typed = await client.send(
      new PutImageCommand({
        repositoryName: repository,
        imageManifest: untyped,
        imageManifestMediaType: second.mediaType,
        imageTag: 'typed',
      }),
    );
    expect(typed.image?.imageManifestMediaType).toBe(second.mediaType);
  });

  it('DescribeImages without imageIds lists the whole repository, page by page', async () => {
    const details = [];
    for await (const page of paginateDescribeImages({ client }, { repositoryName: repository })) {
      details.push(...(page.imageDetails ?? []));
    }
    const byDigest = new Map(details.map((detail) => [detail.imageDigest, detail]));
    expect(byDigest.get(first.digest)?.imageTags).toEqual(['1.0.0']);
    expect(byDigest.get(first.digest)?.imageSizeInBytes).toBe(first.layerBytes);
    expect(byDigest.get(second.digest)?.imageTags).toEqual(['2.0.0']);
    expect(byDigest.get(index.digest)).toMatchObject({
      imageTags: ['multi'],
      imageManifestMediaType: index.mediaType,
      imageSizeInBytes: second.layerBytes,
    });
    expect(byDigest.get(first.digest)?.imagePushedAt?.getTime()).toBeGreaterThan(Date.now() - 600_000);
    const pages = emulator.calls.filter((call) => call.operation === 'DescribeImages');
    expect(pages.length).toBeGreaterThanOrEqual(2);

    const one = await client.send(new DescribeImagesCommand({ repositoryName: repository, maxResults: 1 }));
    expect(one.imageDetails).toHaveLength(1);
    expect(one.nextToken).toEqual(expect.any(String));
    const misuse = await failure(
      client.send(
        new DescribeImagesCommand({
          repositoryName: repository,
          imageIds: [{ imageTag: '1.0.0' }],
          maxResults: 1,
        }),
      ),
    );
    expect(misuse.name).toBe('InvalidParameterException');
    const missing = await failure(
      client.send(
        new DescribeImagesCommand({ repositoryName: repository, imageIds: [{ imageTag: 'never-pushed' }] }),
      ),
    );
    expect(missing.name).toBe('ImageNotFoundException');
  });

  it('ListImages lists untagged images (UNTAGGED, ANY) once a tag moves away', async () => {
    const mutable = `${repository}-moves`;
    await client.send(new CreateRepositoryCommand({ repositoryName: mutable }));
    const a = await prepareImage(emulator, mutable, `a ${unique}`);
    const b = await prepareImage(emulator, mutable, `b ${unique}`);
    await put(a, 'stable', mutable);
    await put(b, 'stable', mutable);
    const list = async (tagStatus?: 'TAGGED' | 'UNTAGGED' | 'ANY') =>
      (
        await client.send(
          new ListImagesCommand({ repositoryName: mutable, ...(tagStatus && { filter: { tagStatus } }) }),
        )
      ).imageIds;
    expect(await list('TAGGED')).toEqual([{ imageDigest: b.digest, imageTag: 'stable' }]);
    expect(await list('UNTAGGED')).toEqual([{ imageDigest: a.digest }]);
    expect(await list('ANY')).toEqual([
      { imageDigest: a.digest },
      { imageDigest: b.digest, imageTag: 'stable' },
    ]);
    expect(await list()).toEqual(await list('ANY'));
    const untagged = await client.send(
      new DescribeImagesCommand({ repositoryName: mutable, filter: { tagStatus: 'UNTAGGED' } }),
    );
    expect(untagged.imageDetails?.map((detail) => [detail.imageDigest, detail.imageTags])).toEqual([
      [a.digest, undefined],
    ]);
  });

  it('DescribeImageScanFindings finds the image by tag', async () => {
    const scan = (imageId: { imageTag?: string; imageDigest?: string }) =>
      client.send(new DescribeImageScanFindingsCommand({ repositoryName: repository, imageId }));
    let answer = await scan({ imageTag: '1.0.0' });
    while (answer.imageScanStatus?.status === 'IN_PROGRESS') answer = await scan({ imageTag: '1.0.0' });
    expect(answer.imageScanStatus?.status).toBe('COMPLETE');
    expect(answer.imageId).toEqual({ imageDigest: first.digest, imageTag: '1.0.0' });
    expect(answer.imageScanFindings?.imageScanCompletedAt).toBeInstanceOf(Date);

    expect((await failure(scan({ imageTag: 'never-pushed' }))).name).toBe('ImageNotFoundException');
    const unscanned = `${repository}-unscanned`;
    await client.send(new CreateRepositoryCommand({ repositoryName: unscanned }));
    const image = await prepareImage(emulator, unscanned, `unscanned ${unique}`);
    await put(image, 'v1', unscanned);
    const error = await failure(
      client.send(
        new DescribeImageScanFindingsCommand({ repositoryName: unscanned, imageId: { imageTag: 'v1' } }),
      ),
    );
    expect(error.name).toBe('ScanNotFoundException');
  });

  it('honours tag mutability exclusion filters, in PutImage as in the registry gate', async () => {
    const excluded = `${repository}-excluded`;
    await client.send(
      new CreateRepositoryCommand({
        repositoryName: excluded,
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
      }),
    );
    const a = await prepareImage(emulator, excluded, `excluded a ${unique}`);
    const b = await prepareImage(emulator, excluded, `excluded b ${unique}`);
    await put(a, '1.0.0', excluded);
    await put(a, 'latest', excluded);
    await put(b, 'latest', excluded);
    expect(await emulator.store.headDigest(excluded, 'latest')).toBe(b.digest);
    expect((await failure(put(b, '1.0.0', excluded))).name).toBe('ImageTagAlreadyExistsException');
    expect(await emulator.store.headDigest(excluded, '1.0.0')).toBe(a.digest);
  });
});
