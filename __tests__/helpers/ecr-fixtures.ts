import { sha256Digest } from './ecr-registry.js';

/**
 * Images for ECR tests without an engine: blobs and manifests go through the emulator's login gate
 * with the password ECR issued (as `docker push` would send them), and the tests then tag them with
 * PutImage from the client under test.
 */
export interface GateLogin {
  gateHost: string;
  password: string;
}

export interface TestImage {
  /** The exact manifest text (its sha256 is the digest). */
  manifest: string;
  mediaType: string;
  digest: string;
  /** Sum of the layer sizes, what DescribeImages reports as imageSizeInBytes. */
  layerBytes: number;
}

const basic = (login: GateLogin) => ({
  authorization: `Basic ${Buffer.from(`AWS:${login.password}`).toString('base64')}`,
});

/** Monolithic blob upload (POST, then PUT with the digest). */
export async function uploadBlob(
  login: GateLogin,
  repository: string,
  content: Buffer,
): Promise<{ digest: string; size: number }> {
  const digest = sha256Digest(content);
  const start = await fetch(`http://${login.gateHost}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
    headers: basic(login),
  });
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location') ?? '', `http://${login.gateHost}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    body: new Uint8Array(content),
    headers: { ...basic(login), 'content-type': 'application/octet-stream' },
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return { digest, size: content.length };
}

/** Uploads a config and one layer, and returns a manifest over them (not yet stored). */
export async function prepareImage(
  login: GateLogin,
  repository: string,
  marker: string,
  format: 'docker' | 'oci' = 'docker',
): Promise<TestImage> {
  const config = await uploadBlob(
    login,
    repository,
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [] },
        marker,
      }),
    ),
  );
  const layer = await uploadBlob(login, repository, Buffer.from(`layer of ${marker}\n`.repeat(50)));
  const types =
    format === 'docker'
      ? {
          manifest: 'application/vnd.docker.distribution.manifest.v2+json',
          config: 'application/vnd.docker.container.image.v1+json',
          layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        }
      : {
          manifest: 'application/vnd.oci.image.manifest.v1+json',
          config: 'application/vnd.oci.image.config.v1+json',
          layer: 'application/vnd.oci.image.layer.v1.tar',
        };
  // Spacing JSON.stringify would not produce: the exact bytes must survive every round trip.
  const manifest = `{"schemaVersion": 2, "mediaType": "${types.manifest}",\n "config": {"mediaType": "${types.config}", "digest": "${config.digest}", "size": ${config.size}},\n "layers": [{"mediaType": "${types.layer}", "digest": "${layer.digest}", "size": ${layer.size}}]}`;
  return {
    manifest,
    mediaType: types.manifest,
    digest: sha256Digest(Buffer.from(manifest)),
    layerBytes: layer.size,
  };
}

/** Stores a manifest by digest through the gate (as buildx pushes the images of an index). */
export async function putManifestByDigest(
  login: GateLogin,
  repository: string,
  image: TestImage,
): Promise<void> {
  const response = await fetch(`http://${login.gateHost}/v2/${repository}/manifests/${image.digest}`, {
    method: 'PUT',
    body: image.manifest,
    headers: { ...basic(login), 'content-type': image.mediaType },
  });
  if (response.status !== 201) throw new Error(`manifest PUT: ${response.status} ${await response.text()}`);
}

/** An OCI index over images already stored in the repository. */
export function indexOf(images: readonly TestImage[]): TestImage {
  const manifests = images.map(
    (image) =>
      `{"mediaType": "${image.mediaType}", "digest": "${image.digest}", "size": ${Buffer.byteLength(image.manifest)}, "platform": {"architecture": "amd64", "os": "linux"}}`,
  );
  const manifest = `{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [${manifests.join(', ')}]}`;
  return {
    manifest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    digest: sha256Digest(Buffer.from(manifest)),
    layerBytes: Math.max(...images.map((image) => image.layerBytes)),
  };
}
