import { createHash } from 'node:crypto';
import { ECRClient, ImageTagAlreadyExistsException } from '@aws-sdk/client-ecr';
import { describe, expect, it } from 'vitest';
import { createEcrTagWriter, EcrImmutableTagError } from '../../src/ecr/index.js';

const manifestText =
  '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}';
const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const manifest = {
  bytes: new TextEncoder().encode(manifestText),
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: digestOf(manifestText),
};

/** A client whose answers are scripted per command name; records each input. */
function scriptedClient(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push({ command: name, input: command.input });
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected ${name}`);
      return answer(command.input);
    },
  };
  return { client: client as unknown as ECRClient, sent };
}

const tagExists = () => {
  throw new ImageTagAlreadyExistsException({ message: 'immutable', $metadata: {} });
};

describe('createEcrTagWriter (scripted ECR answers)', () => {
  it('accepts ImageTagAlreadyExists when the tag already has this digest', async () => {
    const { client, sent } = scriptedClient({
      PutImageCommand: tagExists,
      BatchGetImageCommand: () => ({
        images: [{ imageId: { imageDigest: manifest.digest }, imageManifest: manifestText }],
      }),
    });
    await createEcrTagWriter({ client }).putTags('app', manifest, ['1.0.0']);
    expect(sent.map((s) => s.command)).toEqual(['PutImageCommand', 'BatchGetImageCommand']);
    expect(sent[0].input).toEqual({
      repositoryName: 'app',
      imageManifest: manifestText,
      imageManifestMediaType: manifest.mediaType,
      imageDigest: manifest.digest,
      imageTag: '1.0.0',
    });
  });

  it('names both digests when an immutable tag points elsewhere', async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    const { client } = scriptedClient({
      PutImageCommand: tagExists,
      BatchGetImageCommand: () => ({ images: [{ imageId: { imageDigest: other } }] }),
    });
    const attempt = createEcrTagWriter({ client }).putTags('app', manifest, ['1.0.0']);
    await expect(attempt).rejects.toBeInstanceOf(EcrImmutableTagError);
    await expect(attempt).rejects.toThrow(new RegExp(`${other}.*${manifest.digest}`));
  });

  it('strips an ECR host from the repository and refuses manifest bytes that do not match the digest', async () => {
    const { client, sent } = scriptedClient({
      BatchGetImageCommand: () => ({
        images: [{ imageId: { imageDigest: `sha256:${'1'.repeat(64)}` }, imageManifest: manifestText }],
      }),
    });
    const attempt = createEcrTagWriter({ client, registryId: '123456789012' }).getManifest(
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app',
      'v1',
    );
    await expect(attempt).rejects.toThrow(`hash to ${manifest.digest}`);
    expect(sent[0].input).toMatchObject({
      registryId: '123456789012',
      repositoryName: 'team/app',
      imageIds: [{ imageTag: 'v1' }],
    });
  });

  it('falls back to the manifest mediaType field when ECR returns none', async () => {
    const { client } = scriptedClient({
      BatchGetImageCommand: () => ({
        images: [{ imageId: { imageDigest: manifest.digest }, imageManifest: manifestText }],
      }),
    });
    const read = await createEcrTagWriter({ client }).getManifest('app', manifest.digest);
    expect(read).toEqual(manifest);
  });

  it('reads ImageNotFound as "no such tag", and any other per-image failure as an error', async () => {
    const failing = (failureCode: string) =>
      scriptedClient({
        BatchGetImageCommand: (input) => ({
          images: [],
          failures: [
            {
              imageId: (input.imageIds as unknown[])[0],
              failureCode,
              failureReason: `reason for ${failureCode}`,
            },
          ],
        }),
      }).client;
    expect(
      await createEcrTagWriter({ client: failing('ImageNotFound') }).resolveTag('app', 'v1'),
    ).toBeUndefined();
    // Not "absent": a guard that believed so would move floating tags over an image it cannot read.
    await expect(createEcrTagWriter({ client: failing('KmsError') }).resolveTag('app', 'v1')).rejects.toThrow(
      'ECR BatchGetImage for app:v1 failed: KmsError: reason for KmsError',
    );
    await expect(
      createEcrTagWriter({ client: failing('UpstreamUnavailable') }).getManifest('app', manifest.digest),
    ).rejects.toThrow(`app:${manifest.digest} failed: UpstreamUnavailable`);
  });
});
