import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRepositoryCommand, PutImageCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcrClient, untaggedExpiryPolicy } from '../../src/ecr/index.js';
import { processRunner, type ExecResult } from '../../src/util/exec.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { prepareImage, uploadBlob, type TestImage } from '../helpers/ecr-fixtures.js';
import { testbed } from '../helpers/testbed.js';

/**
 * A second client for the ECR emulator: Debian's AWS CLI v2 (`apt-get install awscli`, installed by
 * scripts/testbed.sh), which was not written against it. Where the CLI and the emulator disagree, the
 * emulator is wrong. The CLI runs isolated from ~/.aws: no config or credentials files, fake keys in
 * the environment, the emulator as endpoint.
 */
const AWS = '/usr/bin/aws';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

interface CliAnswer extends ExecResult {
  /** Parsed stdout when the command succeeded. */
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The exception the CLI surfaced (`An error occurred (<type>) when calling the <op> operation: <message>`). */
  error?: { type: string; operation: string; message: string };
}

describe('AWS CLI v2 against the ECR emulator', () => {
  const unique = `${process.pid}-${Date.now()}`;
  const home = mkdtempSync(join(tmpdir(), 'ib-awscli-home-'));
  const temporary = {
    accessKeyId: 'ASIACLITEMPORARY',
    secretAccessKey: 'cli-temporary',
    sessionToken: 'cli-session',
  };
  let emulator: EcrEmulator;

  const aws = async (
    args: string[],
    options: { region?: string; credentials?: Credentials; endpoint?: string } = {},
  ): Promise<CliAnswer> => {
    const credentials: Credentials = options.credentials ?? EMULATOR_CREDENTIALS;
    const result = await processRunner.run(
      AWS,
      [
        'ecr',
        ...args,
        '--endpoint-url',
        options.endpoint ?? emulator.endpoint,
        '--region',
        options.region ?? 'us-east-1',
        '--output',
        'json',
        '--no-cli-pager',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: home,
          LC_ALL: 'C.UTF-8',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          ...(credentials.sessionToken && { AWS_SESSION_TOKEN: credentials.sessionToken }),
        },
      },
    );
    // A retried error reads `… operation (reached max retries: N): …`; the tests expect none.
    const error =
      /An error occurred \((\w+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: (.*)/.exec(
        result.stderr,
      );
    return {
      ...result,
      json: result.exitCode === 0 && result.stdout.trim().startsWith('{') ? JSON.parse(result.stdout) : {},
      ...(error && { error: { type: error[1], operation: error[2], message: error[3].trim() } }),
    };
  };
  /** The CLI's exit code for an error the service returned. */
  const SERVICE_ERROR = 254;
  const sdk = () =>
    createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials: EMULATOR_CREDENTIALS });
  const createWithSdk = (repositoryName: string, scanOnPush = false) =>
    sdk().send(new CreateRepositoryCommand({ repositoryName, imageScanningConfiguration: { scanOnPush } }));
  const putWithSdk = (repositoryName: string, image: TestImage, imageTag: string) =>
    sdk().send(
      new PutImageCommand({
        repositoryName,
        imageManifest: image.manifest,
        imageManifestMediaType: image.mediaType,
        imageTag,
      }),
    );
  /** Calls of one operation the emulator answered since `from`. */
  const callsOf = (operation: string, from: number) =>
    emulator.calls.slice(from).filter((call) => call.operation === operation);

  beforeAll(async () => {
    if (!existsSync(AWS)) {
      throw new Error(`${AWS} is missing: install Debian's awscli (bash scripts/testbed.sh up does)`);
    }
    emulator = await startEcrEmulator({
      registry: testbed().registry,
      scanPollsUntilComplete: 1,
      scanFindings: () => ({ HIGH: 2, LOW: 1 }),
      accessKeys: {
        [EMULATOR_CREDENTIALS.accessKeyId]: EMULATOR_CREDENTIALS.secretAccessKey,
        [temporary.accessKeyId]: {
          secretAccessKey: temporary.secretAccessKey,
          sessionToken: temporary.sessionToken,
        },
      },
    });
  });
  afterAll(async () => {
    await emulator?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("is Debian's AWS CLI v2", async () => {
    const version = await processRunner.run(AWS, ['--version'], {
      env: { PATH: process.env.PATH, HOME: home },
    });
    expect(version.stdout).toMatch(/^aws-cli\/2\.\d+\.\d+ Python\/3/);
    console.info(`AWS CLI under test: ${version.stdout.trim()}`);
  });

  it('creates a repository; the CLI reads settings and epoch-second timestamps as from ECR', async () => {
    const name = `cli/created-${unique}`;
    const created = await aws([
      'create-repository',
      '--repository-name',
      name,
      '--image-tag-mutability',
      'IMMUTABLE',
      '--image-scanning-configuration',
      'scanOnPush=true',
      '--tags',
      'Key=Project,Value=cli',
    ]);
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.json.repository).toMatchObject({
      repositoryName: name,
      registryId: '123456789012',
      repositoryUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}`,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
    expect(emulator.repositories.get(name)?.tags).toEqual([{ Key: 'Project', Value: 'cli' }]);
    // On the wire a number of seconds; the CLI prints it as ISO 8601.
    const wire = callsOf('CreateRepository', 0).at(-1)?.response as { repository: { createdAt: unknown } };
    expect(typeof wire.repository.createdAt).toBe('number');
    expect(Date.parse(created.json.repository.createdAt)).toBe(
      Math.round(Number(wire.repository.createdAt) * 1000),
    );

    const again = await aws(['create-repository', '--repository-name', name]);
    expect(again.exitCode).toBe(SERVICE_ERROR);
    expect(again.error).toEqual({
      type: 'RepositoryAlreadyExistsException',
      operation: 'CreateRepository',
      message: `The repository with name '${name}' already exists in the registry with id '123456789012'`,
    });
  });

  it('describe-repositories pages by --page-size, resumes from a starting token, and names a missing one', async () => {
    for (const letter of ['a', 'b', 'c']) await createWithSdk(`cli/listed-${letter}-${unique}`);
    const all = [...emulator.repositories.keys()].sort();
    const from = emulator.calls.length;
    const paged = await aws(['describe-repositories', '--page-size', '2']);
    expect(paged.exitCode, paged.stderr).toBe(0);
    expect(paged.json.repositories.map((r: { repositoryName: string }) => r.repositoryName)).toEqual(all);
    const pages = callsOf('DescribeRepositories', from);
    expect(pages.length).toBe(Math.ceil(all.length / 2));
    expect(pages.every((call) => call.body.maxResults === 2)).toBe(true);

    const head = await aws(['describe-repositories', '--max-items', '2']);
    expect(head.json.repositories).toHaveLength(2);
    const rest = await aws(['describe-repositories', '--starting-token', head.json.NextToken]);
    expect(
      [...head.json.repositories, ...rest.json.repositories].map(
        (r: { repositoryName: string }) => r.repositoryName,
      ),
    ).toEqual(all);

    const missing = await aws(['describe-repositories', '--repository-names', `cli/missing-${unique}`]);
    expect(missing.exitCode).toBe(SERVICE_ERROR);
    expect(missing.error?.type).toBe('RepositoryNotFoundException');
  });

  it('get-login-password prints the password inside the token, and it opens the registry gate', async () => {
    const token = await aws(['get-authorization-token']);
    const [data] = token.json.authorizationData as {
      authorizationToken: string;
      expiresAt: string;
      proxyEndpoint: string;
    }[];
    expect(data.authorizationToken).toBe(emulator.token);
    expect(data.proxyEndpoint).toBe(`https://${emulator.gateHost}`);
    expect(Date.parse(data.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);

    const password = await aws(['get-login-password']);
    expect(password.stdout.trim()).toBe(emulator.password);
    const name = `cli/gated-${unique}`;
    await createWithSdk(name);
    const blob = await uploadBlob(
      { gateHost: emulator.gateHost, password: password.stdout.trim() },
      name,
      Buffer.from(`gated ${unique}`),
    );
    const stored = await fetch(
      `http://${testbed().registry}/v2/${emulator.store.path(name)}/blobs/${blob.digest}`,
      {
        method: 'HEAD',
      },
    );
    expect(stored.status).toBe(200);
  });

  describe('images', () => {
    const name = `cli/images-${unique}`;
    let first: TestImage;
    let second: TestImage;
    /** `second` without its mediaType field: another manifest, another digest. */
    let untypedDigest: string;
    beforeAll(async () => {
      await createWithSdk(name, true);
      first = await prepareImage(emulator, name, `cli first ${unique}`, 'docker');
      second = await prepareImage(emulator, name, `cli second ${unique}`, 'oci');
    });
    const putImage = (tag: string, manifest: string, ...more: string[]) =>
      aws([
        'put-image',
        '--repository-name',
        name,
        '--image-tag',
        tag,
        '--image-manifest',
        manifest,
        ...more,
      ]);

    it('put-image tags an image with its exact manifest; the same again is ImageAlreadyExistsException', async () => {
      const put = await putImage('1.0.0', first.manifest);
      expect(put.exitCode, put.stderr).toBe(0);
      expect(put.json.image).toMatchObject({
        repositoryName: name,
        imageId: { imageDigest: first.digest, imageTag: '1.0.0' },
        imageManifest: first.manifest,
        imageManifestMediaType: first.mediaType,
      });
      expect(await emulator.store.headDigest(name, '1.0.0')).toBe(first.digest);

      const again = await putImage('1.0.0', first.manifest);
      expect(again.exitCode).toBe(SERVICE_ERROR);
      expect(again.error?.type).toBe('ImageAlreadyExistsException');
    });

    it('put-image errors are client errors the CLI does not retry: bad JSON, no media type, missing layers', async () => {
      const from = emulator.calls.length;
      const untyped = second.manifest.replace(`"mediaType": "${second.mediaType}",\n `, '');
      const holes = first.manifest.replace(/"digest": "sha256:[0-9a-f]{8}/g, '"digest": "sha256:00000000');
      const answers = [
        await putImage('bad', '{"schemaVersion": 2,'),
        await putImage('untyped', untyped),
        await putImage('holes', holes),
      ];
      expect(answers.map((answer) => [answer.exitCode, answer.error?.type])).toEqual([
        [SERVICE_ERROR, 'InvalidParameterException'],
        [SERVICE_ERROR, 'InvalidParameterException'],
        [SERVICE_ERROR, 'LayersNotFoundException'],
      ]);
      expect(answers[0].error?.message).toBe(
        "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
      );
      expect(callsOf('PutImage', from).map((call) => call.status)).toEqual([400, 400, 400]);

      const typed = await putImage('2.0.0', untyped, '--image-manifest-media-type', second.mediaType);
      expect(typed.exitCode, typed.stderr).toBe(0);
      untypedDigest = typed.json.image.imageId.imageDigest;
      expect(untypedDigest).not.toBe(second.digest);
    });

    it('batch-get-image returns the stored bytes, and failures for tags and types it cannot serve', async () => {
      const got = await aws([
        'batch-get-image',
        '--repository-name',
        name,
        '--image-ids',
        'imageTag=1.0.0',
        `imageTag=missing-${unique}`,
      ]);
      expect(got.exitCode, got.stderr).toBe(0);
      expect(got.json.images).toHaveLength(1);
      expect(got.json.images[0].imageManifest).toBe(first.manifest);
      expect(got.json.images[0].imageManifestMediaType).toBe(first.mediaType);
      expect(got.json.failures).toEqual([
        {
          imageId: { imageTag: `missing-${unique}` },
          failureCode: 'ImageNotFound',
          failureReason: 'Requested image not found',
        },
      ]);

      const oci = await aws([
        'batch-get-image',
        '--repository-name',
        name,
        '--image-ids',
        'imageTag=1.0.0',
        '--accepted-media-types',
        'application/vnd.oci.image.manifest.v1+json',
      ]);
      expect(oci.exitCode, oci.stderr).toBe(0);
      expect(oci.json.images).toEqual([]);
      expect(oci.json.failures.map((failure: { failureCode: string }) => failure.failureCode)).toEqual([
        'ImageNotFound',
      ]);
    });

    it('list-images and describe-images list the whole repository, untagged images included', async () => {
      const moved = await prepareImage(emulator, name, `cli moved ${unique}`, 'docker');
      await putWithSdk(name, moved, 'latest');
      await putWithSdk(name, first, 'latest'); // `moved` is now untagged
      const untagged = await aws([
        'list-images',
        '--repository-name',
        name,
        '--filter',
        'tagStatus=UNTAGGED',
      ]);
      expect(untagged.json.imageIds).toEqual([{ imageDigest: moved.digest }]);
      const any = await aws(['list-images', '--repository-name', name, '--filter', 'tagStatus=ANY']);
      expect(any.json.imageIds).toEqual(
        expect.arrayContaining([
          { imageDigest: first.digest, imageTag: '1.0.0' },
          { imageDigest: first.digest, imageTag: 'latest' },
          { imageDigest: moved.digest },
        ]),
      );

      const from = emulator.calls.length;
      const described = await aws(['describe-images', '--repository-name', name, '--page-size', '1']);
      expect(described.exitCode, described.stderr).toBe(0);
      const details = described.json.imageDetails as {
        imageDigest: string;
        imageTags?: string[];
        imageSizeInBytes: number;
        imagePushedAt: string;
      }[];
      expect(details.map((detail) => detail.imageDigest).sort()).toEqual(
        [first.digest, untypedDigest, moved.digest].sort(),
      );
      const firstDetail = details.find((detail) => detail.imageDigest === first.digest);
      expect(firstDetail?.imageTags?.sort()).toEqual(['1.0.0', 'latest']);
      expect(firstDetail?.imageSizeInBytes).toBe(first.layerBytes);
      expect(Date.now() - Date.parse(firstDetail!.imagePushedAt)).toBeLessThan(600_000);
      expect(details.find((detail) => detail.imageDigest === moved.digest)?.imageTags).toBeUndefined();
      expect(callsOf('DescribeImages', from)).toHaveLength(3);

      const missing = await aws([
        'describe-images',
        '--repository-name',
        name,
        '--image-ids',
        `imageTag=missing-${unique}`,
      ]);
      expect(missing.exitCode).toBe(SERVICE_ERROR);
      expect(missing.error?.type).toBe('ImageNotFoundException');
    });

    it('describe-image-scan-findings finds the scan-on-push scan by tag', async () => {
      const scan = () =>
        aws(['describe-image-scan-findings', '--repository-name', name, '--image-id', 'imageTag=1.0.0']);
      const running = await scan();
      expect(running.exitCode, running.stderr).toBe(0);
      expect(running.json.imageScanStatus.status).toBe('IN_PROGRESS');
      const done = await scan();
      expect(done.json).toMatchObject({
        repositoryName: name,
        imageId: { imageDigest: first.digest, imageTag: '1.0.0' },
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: { findingSeverityCounts: { HIGH: 2, LOW: 1 } },
      });
      expect(Date.parse(done.json.imageScanFindings.imageScanCompletedAt)).toBeGreaterThan(
        Date.now() - 600_000,
      );

      const unscanned = `cli/unscanned-${unique}`;
      await createWithSdk(unscanned);
      await putWithSdk(unscanned, await prepareImage(emulator, unscanned, `unscanned ${unique}`), 'v1');
      const none = await aws([
        'describe-image-scan-findings',
        '--repository-name',
        unscanned,
        '--image-id',
        'imageTag=v1',
      ]);
      expect(none.exitCode).toBe(SERVICE_ERROR);
      expect(none.error?.type).toBe('ScanNotFoundException');
    });
  });

  it("put-lifecycle-policy accepts the action's policy and refuses a malformed one without a retry", async () => {
    const name = `cli/lifecycle-${unique}`;
    await createWithSdk(name);
    const put = await aws([
      'put-lifecycle-policy',
      '--repository-name',
      name,
      '--lifecycle-policy-text',
      untaggedExpiryPolicy(7),
    ]);
    expect(put.exitCode, put.stderr).toBe(0);
    expect(put.json).toEqual({
      registryId: '123456789012',
      repositoryName: name,
      lifecyclePolicyText: untaggedExpiryPolicy(7),
    });

    const from = emulator.calls.length;
    // At least 100 characters, or the CLI refuses it before sending.
    const broken = `${untaggedExpiryPolicy(7).slice(0, -3)},]`;
    const refused = await aws([
      'put-lifecycle-policy',
      '--repository-name',
      name,
      '--lifecycle-policy-text',
      broken,
    ]);
    expect(refused.exitCode).toBe(SERVICE_ERROR);
    expect(refused.error?.type).toBe('InvalidParameterException');
    expect(refused.error?.message).toMatch(
      /^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: /,
    );
    expect(callsOf('PutLifecyclePolicy', from)).toHaveLength(1);

    const got = await aws(['get-lifecycle-policy', '--repository-name', name]);
    expect(got.json.lifecyclePolicyText).toBe(untaggedExpiryPolicy(7));
  });

  it('checks signatures as AWS does: region scope, secret, session token', async () => {
    const refused = emulator.refusals.length;
    const wrongRegion = await aws(['describe-repositories'], { region: 'eu-west-1' });
    expect(wrongRegion.exitCode).toBe(SERVICE_ERROR);
    expect(wrongRegion.error).toEqual({
      type: 'InvalidSignatureException',
      operation: 'DescribeRepositories',
      message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
    });
    const wrongSecret = await aws(['describe-repositories'], {
      credentials: { ...EMULATOR_CREDENTIALS, secretAccessKey: 'not-the-secret' },
    });
    expect(wrongSecret.error?.type).toBe('InvalidSignatureException');
    expect(wrongSecret.error?.message).toMatch(/^The request signature we calculated does not match/);
    const strayToken = await aws(['describe-repositories'], {
      credentials: { ...EMULATOR_CREDENTIALS, sessionToken: 'not-a-session' },
    });
    expect(strayToken.error).toEqual({
      type: 'UnrecognizedClientException',
      operation: 'DescribeRepositories',
      message: 'The security token included in the request is invalid.',
    });
    expect(emulator.refusals.length - refused).toBe(3);

    const session = await aws(['describe-repositories', '--max-items', '1'], { credentials: temporary });
    expect(session.exitCode, session.stderr).toBe(0);
    expect(emulator.calls.at(-1)?.accessKeyId).toBe(temporary.accessKeyId);
  });

  it('is refused when its signature is more than 5 minutes from the endpoint clock', async () => {
    for (const [skew, message] of [
      [10, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/],
      [-10, /^Signature not yet current: \d{8}T\d{6}Z is still later than /],
    ] as const) {
      const skewed = await startEcrEmulator({ clockSkewMs: skew * 60_000 });
      try {
        const answer = await aws(['describe-repositories'], { endpoint: skewed.endpoint });
        expect(answer.exitCode).toBe(SERVICE_ERROR);
        expect(answer.error?.type).toBe('InvalidSignatureException');
        expect(answer.error?.message).toMatch(message);
        expect(skewed.calls).toEqual([]);
        expect(skewed.refusals).toHaveLength(1); // botocore does not correct its clock and retry
      } finally {
        await skewed.close();
      }
    }
  });
});
