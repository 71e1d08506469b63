import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, startEcrGate, type EcrGate } from './ecr-gate.js';
import { verifySigV4 } from './ecr-sigv4.js';
import {
  ALL_MANIFEST_TYPES,
  createEcrRegistryStore,
  sha256Digest,
  type EcrRegistryStore,
} from './ecr-registry.js';

/**
 * A loopback AWS ECR API (JSON 1.1 protocol, `X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Op>`)
 * for the real @aws-sdk/client-ecr. Images live in the real test registry (`ecr/<name>`), so PutImage
 * makes real tags; the login's proxyEndpoint is a basic-auth gate in front of that registry which
 * accepts only the token this emulator handed out.
 */
export interface EcrEmulatorOptions {
  /** host:port of the real test registry; omit for tests that never touch images. */
  registry?: string;
  accountId?: string;
  region?: string;
  /** Access key id -> secret the emulator accepts; requests not signed with one of them are refused. */
  accessKeys?: Record<string, string>;
  /** DescribeImageScanFindings calls answered IN_PROGRESS before the scan completes. */
  scanPollsUntilComplete?: number;
  /** Findings by severity for a finished scan of this image. */
  scanFindings?: (repository: string, digest: string) => Record<string, number>;
  /** Page size of ListImages when the caller gives no maxResults (small values exercise pagination). */
  listPageSize?: number;
}

export interface EmulatedRepository {
  name: string;
  createdAt: number;
  imageTagMutability: string;
  imageTagMutabilityExclusionFilters?: { filterType: string; filter: string }[];
  scanOnPush: boolean;
  encryptionConfiguration: { encryptionType: string; kmsKey?: string };
  tags: { Key: string; Value: string }[];
  lifecyclePolicyText?: string;
}

export interface EcrCall {
  operation: string;
  accessKeyId: string;
  region: string;
  body: Record<string, unknown>;
}

export interface EcrEmulator {
  /** For ECRClient's `endpoint`. */
  endpoint: string;
  /** host:port of the login gate (docker login / push target). */
  gateHost: string;
  /** The password inside the authorization token, and the base64 token itself: tests grep for both. */
  password: string;
  token: string;
  calls: EcrCall[];
  repositories: Map<string, EmulatedRepository>;
  /** Scan state per `<repository>@<digest>`: DescribeImageScanFindings calls made so far. */
  scans: Map<string, number>;
  store: EcrRegistryStore;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.';

/** The static credentials the emulator accepts unless told otherwise. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' };

export class EcrFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startEcrEmulator(options: EcrEmulatorOptions = {}): Promise<EcrEmulator> {
  const accountId = options.accountId ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const secrets = new Map(
    Object.entries(
      options.accessKeys ?? { [EMULATOR_CREDENTIALS.accessKeyId]: EMULATOR_CREDENTIALS.secretAccessKey },
    ),
  );
  const password = randomBytes(24).toString('base64url');
  const token = Buffer.from(`AWS:${password}`).toString('base64');
  const store = createEcrRegistryStore(options.registry ?? '127.0.0.1:9');
  const repositories = new Map<string, EmulatedRepository>();
  const scans = new Map<string, number>();
  const calls: EcrCall[] = [];

  const pushedAt = new Map<string, number>();
  const imagePushed = (repository: string, digest: string) => {
    if (!pushedAt.has(`${repository}@${digest}`)) pushedAt.set(`${repository}@${digest}`, Date.now() / 1000);
    startScan(repository, digest);
  };
  const startScan = (repository: string, digest: string) => {
    if (repositories.get(repository)?.scanOnPush && !scans.has(`${repository}@${digest}`)) {
      scans.set(`${repository}@${digest}`, 0);
    }
  };
  const gate: EcrGate | undefined = options.registry
    ? await startEcrGate({
        registry: options.registry,
        password,
        repositories,
        store,
        onManifestPushed: imagePushed,
      })
    : undefined;
  const gateHost = gate?.host ?? '127.0.0.1:9';

  const repositoryOf = (body: Record<string, unknown>): EmulatedRepository => {
    const name = String(body.repositoryName ?? '');
    const repository = repositories.get(name);
    if (!repository) {
      throw new EcrFault(
        'RepositoryNotFoundException',
        `The repository with name '${name}' does not exist in the registry with id '${accountId}'`,
      );
    }
    return repository;
  };
  const describeRepository = (repository: EmulatedRepository) => ({
    repositoryArn: `arn:aws:ecr:${region}:${accountId}:repository/${repository.name}`,
    registryId: accountId,
    repositoryName: repository.name,
    repositoryUri: `${accountId}.dkr.ecr.${region}.amazonaws.com/${repository.name}`,
    createdAt: repository.createdAt,
    imageTagMutability: repository.imageTagMutability,
    ...(repository.imageTagMutabilityExclusionFilters && {
      imageTagMutabilityExclusionFilters: repository.imageTagMutabilityExclusionFilters,
    }),
    imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
    encryptionConfiguration: repository.encryptionConfiguration,
  });

  const operations: Record<string, (body: Record<string, unknown>) => Promise<unknown> | unknown> = {
    GetAuthorizationToken: () => ({
      authorizationData: [
        {
          authorizationToken: token,
          expiresAt: Date.now() / 1000 + 12 * 3600,
          proxyEndpoint: `https://${gateHost}`,
        },
      ],
    }),

    DescribeRepositories: (body) => {
      const names = (body.repositoryNames as string[] | undefined) ?? [...repositories.keys()];
      return {
        repositories: names.map((name) => describeRepository(repositoryOf({ repositoryName: name }))),
      };
    },

    CreateRepository: (body) => {
      const name = String(body.repositoryName ?? '');
      if (!/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name)) {
        throw new EcrFault(
          'InvalidParameterException',
          `Invalid parameter at 'repositoryName' failed to satisfy constraint`,
        );
      }
      if (repositories.has(name)) {
        throw new EcrFault(
          'RepositoryAlreadyExistsException',
          `The repository with name '${name}' already exists`,
        );
      }
      const mutability = String(body.imageTagMutability ?? 'MUTABLE');
      if (
        !['MUTABLE', 'IMMUTABLE', 'MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION'].includes(mutability)
      ) {
        throw new EcrFault('InvalidParameterException', `Invalid parameter at 'imageTagMutability'`);
      }
      const scanning = body.imageScanningConfiguration as { scanOnPush?: boolean } | undefined;
      const repository: EmulatedRepository = {
        name,
        createdAt: Date.now() / 1000,
        imageTagMutability: mutability,
        ...(body.imageTagMutabilityExclusionFilters !== undefined && {
          imageTagMutabilityExclusionFilters: body.imageTagMutabilityExclusionFilters as {
            filterType: string;
            filter: string;
          }[],
        }),
        scanOnPush: scanning?.scanOnPush ?? false,
        encryptionConfiguration:
          (body.encryptionConfiguration as EmulatedRepository['encryptionConfiguration']) ?? {
            encryptionType: 'AES256',
          },
        tags: (body.tags as EmulatedRepository['tags']) ?? [],
      };
      repositories.set(name, repository);
      return { repository: describeRepository(repository) };
    },

    GetLifecyclePolicy: (body) => {
      const repository = repositoryOf(body);
      if (!repository.lifecyclePolicyText) {
        throw new EcrFault(
          'LifecyclePolicyNotFoundException',
          'Lifecycle policy does not exist for the repository',
        );
      }
      return {
        registryId: accountId,
        repositoryName: repository.name,
        lifecyclePolicyText: repository.lifecyclePolicyText,
      };
    },

    PutLifecyclePolicy: (body) => {
      const repository = repositoryOf(body);
      const text = String(body.lifecyclePolicyText ?? '');
      JSON.parse(text);
      repository.lifecyclePolicyText = text;
      return { registryId: accountId, repositoryName: repository.name, lifecyclePolicyText: text };
    },

    BatchGetImage: async (body) => {
      const repository = repositoryOf(body);
      const accepted = (body.acceptedMediaTypes as string[] | undefined) ?? [
        'application/vnd.docker.distribution.manifest.v1+json',
      ];
      const images = [];
      const failures = [];
      for (const imageId of (body.imageIds as { imageTag?: string; imageDigest?: string }[]) ?? []) {
        const manifest = await store.getManifest(
          repository.name,
          imageId.imageDigest ?? imageId.imageTag ?? '',
          accepted,
        );
        if (!manifest) {
          failures.push({
            imageId,
            failureCode: 'ImageNotFound',
            failureReason: 'Requested image not found',
          });
        } else if (!accepted.includes(manifest.mediaType)) {
          failures.push({
            imageId,
            failureCode: 'UnsupportedImageType',
            failureReason: 'Media type not accepted',
          });
        } else {
          images.push({
            registryId: accountId,
            repositoryName: repository.name,
            imageId: {
              imageDigest: manifest.digest,
              ...(imageId.imageTag && { imageTag: imageId.imageTag }),
            },
            imageManifest: manifest.bytes.toString('utf8'),
            imageManifestMediaType: manifest.mediaType,
          });
        }
      }
      return { images, failures };
    },

    PutImage: async (body) => {
      const repository = repositoryOf(body);
      const bytes = Buffer.from(String(body.imageManifest ?? ''), 'utf8');
      const digest = sha256Digest(bytes);
      if (body.imageDigest !== undefined && body.imageDigest !== digest) {
        throw new EcrFault(
          'ImageDigestDoesNotMatchException',
          `The specified digest ${String(body.imageDigest)} does not match the manifest's digest ${digest}`,
        );
      }
      const declared = (JSON.parse(bytes.toString('utf8')) as { mediaType?: string }).mediaType;
      const mediaType = (body.imageManifestMediaType as string | undefined) ?? declared;
      if (!mediaType || !ALL_MANIFEST_TYPES.includes(mediaType)) {
        throw new EcrFault(
          'InvalidParameterException',
          "Invalid parameter at 'imageManifestMediaType': manifest media type is missing or unsupported",
        );
      }
      const tag = body.imageTag as string | undefined;
      const existing = await store.headDigest(repository.name, tag ?? digest);
      if (existing === digest) {
        throw new EcrFault(
          'ImageAlreadyExistsException',
          `Image with digest '${digest}' and tag '${tag ?? ''}' already exists in the repository with name '${repository.name}'`,
        );
      }
      if (tag && existing && repository.imageTagMutability.startsWith('IMMUTABLE')) {
        throw new EcrFault(
          'ImageTagAlreadyExistsException',
          `The image tag '${tag}' already exists in the '${repository.name}' repository and cannot be overwritten because the repository is immutable.`,
        );
      }
      const isNewImage = !(await store.headDigest(repository.name, digest));
      await store.putManifest(repository.name, tag ?? digest, bytes, mediaType);
      if (isNewImage) imagePushed(repository.name, digest);
      return {
        image: {
          registryId: accountId,
          repositoryName: repository.name,
          imageId: { imageDigest: digest, ...(tag && { imageTag: tag }) },
          imageManifest: bytes.toString('utf8'),
          imageManifestMediaType: mediaType,
        },
      };
    },

    ListImages: async (body) => {
      const repository = repositoryOf(body);
      const filter = body.filter as { tagStatus?: string } | undefined;
      if (filter?.tagStatus && filter.tagStatus !== 'TAGGED') {
        throw new EcrFault('InvalidParameterException', 'the emulator lists TAGGED images only');
      }
      const tags = (await store.listTags(repository.name)).sort();
      const start = Number(body.nextToken ?? 0);
      const size = Number(body.maxResults ?? options.listPageSize ?? 100);
      const page = tags.slice(start, start + size);
      const imageIds = [];
      for (const tag of page)
        imageIds.push({ imageTag: tag, imageDigest: await store.headDigest(repository.name, tag) });
      return { imageIds, ...(start + size < tags.length && { nextToken: String(start + size) }) };
    },

    DescribeImages: async (body) => {
      const repository = repositoryOf(body);
      const imageIds = (body.imageIds as { imageTag?: string; imageDigest?: string }[] | undefined) ?? [];
      const tags = await store.listTags(repository.name);
      const imageDetails = [];
      for (const imageId of imageIds) {
        const manifest = await store.getManifest(
          repository.name,
          imageId.imageDigest ?? imageId.imageTag ?? '',
          ALL_MANIFEST_TYPES,
        );
        if (!manifest) {
          throw new EcrFault(
            'ImageNotFoundException',
            `The image with imageId ${JSON.stringify(imageId)} does not exist`,
          );
        }
        const layers =
          (JSON.parse(manifest.bytes.toString('utf8')) as { layers?: { size: number }[] }).layers ?? [];
        const imageTags = [];
        for (const tag of tags) {
          if ((await store.headDigest(repository.name, tag)) === manifest.digest) imageTags.push(tag);
        }
        imageDetails.push({
          registryId: accountId,
          repositoryName: repository.name,
          imageDigest: manifest.digest,
          imageTags,
          imageSizeInBytes: layers.reduce((sum, layer) => sum + layer.size, 0),
          imagePushedAt: pushedAt.get(`${repository.name}@${manifest.digest}`),
          imageManifestMediaType: manifest.mediaType,
        });
      }
      return { imageDetails };
    },

    DescribeImageScanFindings: (body) => {
      const repository = repositoryOf(body);
      const digest = (body.imageId as { imageDigest?: string } | undefined)?.imageDigest ?? '';
      const key = `${repository.name}@${digest}`;
      const polls = scans.get(key);
      if (polls === undefined) {
        throw new EcrFault(
          'ScanNotFoundException',
          `Image scan does not exist for the image with '${digest}'`,
        );
      }
      scans.set(key, polls + 1);
      const base = {
        registryId: accountId,
        repositoryName: repository.name,
        imageId: { imageDigest: digest },
      };
      if (polls < (options.scanPollsUntilComplete ?? 2)) {
        return { ...base, imageScanStatus: { status: 'IN_PROGRESS', description: 'scan in progress' } };
      }
      return {
        ...base,
        imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
        imageScanFindings: {
          imageScanCompletedAt: Date.now() / 1000,
          findingSeverityCounts: options.scanFindings?.(repository.name, digest) ?? {},
          findings: [],
        },
      };
    },
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 500, { __type: 'ServerException', message: String(error) });
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
      return reply(response, 400, {
        __type: 'UnknownOperationException',
        message: `unexpected ${request.method} ${target}`,
      });
    }
    if (!String(request.headers['content-type']).startsWith('application/x-amz-json-1.1')) {
      return reply(response, 400, {
        __type: 'SerializationException',
        message: 'expected application/x-amz-json-1.1',
      });
    }
    const body = Buffer.concat(chunks);
    const signed = verifySigV4(
      { method: request.method, path: request.url ?? '/', headers: request.headers, body },
      secrets,
    );
    if ('problem' in signed) {
      const type = signed.problem.startsWith('unknown')
        ? 'UnrecognizedClientException'
        : 'InvalidSignatureException';
      return reply(response, 400, { __type: type, message: signed.problem });
    }
    const operation = target.slice(TARGET_PREFIX.length);
    const input = (body.length ? JSON.parse(body.toString('utf8')) : {}) as Record<string, unknown>;
    calls.push({ operation, accessKeyId: signed.accessKeyId, region: signed.region, body: input });
    const run = operations[operation];
    if (!run) return reply(response, 400, { __type: 'UnknownOperationException', message: operation });
    try {
      reply(response, 200, await run(input));
    } catch (error) {
      if (!(error instanceof EcrFault)) throw error;
      reply(response, 400, { __type: error.type, message: error.message });
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    gateHost,
    password,
    token,
    calls,
    repositories,
    scans,
    store,
    close: async () => {
      await closeServer(server);
      await gate?.close();
    },
  };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomBytes(8).toString('hex'),
  });
  response.end(text);
}
