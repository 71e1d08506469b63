import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, startEcrGate, type EcrGate } from './ecr-gate.js';
import { imageOperations, type ScanAnswer } from './ecr-image-operations.js';
import { createEcrImageIndex, type EcrImageIndex } from './ecr-images.js';
import { lifecyclePolicyProblem } from './ecr-lifecycle.js';
import {
  EcrFault,
  JSON_1_1,
  epochSeconds,
  invalidParameter,
  paginate,
  parseRequestBody,
  replyFault,
  replyJson,
} from './ecr-protocol.js';
import { createEcrRegistryStore, type EcrRegistryStore } from './ecr-registry.js';
import { verifySigV4, type EmulatedCredential } from './ecr-sigv4.js';

export { EcrFault } from './ecr-protocol.js';

/**
 * A loopback AWS ECR API (JSON 1.1 protocol, `X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Op>`)
 * for the real @aws-sdk/client-ecr and the AWS CLI. Like a regional ECR endpoint it accepts only
 * SigV4 requests for its own region, signed with a known key (and its session token) within five
 * minutes of its clock. Images live in the real test registry (`ecr/<name>`), so PutImage makes real
 * tags; the login's proxyEndpoint is a basic-auth gate in front of that registry which accepts only
 * the token this emulator handed out.
 */
export interface EcrEmulatorOptions {
  /** host:port of the real test registry; omit for tests that never touch images. */
  registry?: string;
  accountId?: string;
  /** The region this endpoint serves; requests signed for another region are refused. */
  region?: string;
  /** Access key id -> its secret, or temporary credentials with their session token. */
  accessKeys?: Record<string, EmulatedCredential>;
  /** DescribeImageScanFindings calls answered IN_PROGRESS before the scan completes. */
  scanPollsUntilComplete?: number;
  /** Findings by severity for a finished scan of this image. */
  scanFindings?: (repository: string, digest: string) => Record<string, number>;
  /**
   * How far the emulator's clock runs from the machine's, in milliseconds: request age checks for
   * clients whose own clock cannot be set (the AWS CLI). Its Date header and timestamps follow it.
   */
  clockSkewMs?: number;
  /**
   * Page size of ListImages, DescribeImages and DescribeRepositories when the caller gives no
   * maxResults (ECR's is 100; small values exercise pagination).
   */
  defaultPageSize?: number;
}

export interface EmulatedRepository {
  name: string;
  /** Epoch seconds. */
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
  /** HTTP status and body of the answer (an exception is `{ __type, message }`). */
  status?: number;
  response?: unknown;
}

export interface EcrEmulator {
  /** For ECRClient's `endpoint`. */
  endpoint: string;
  region: string;
  accountId: string;
  /** host:port of the login gate (docker login / push target). */
  gateHost: string;
  /** The password inside the authorization token, and the base64 token itself: tests grep for both. */
  password: string;
  token: string;
  /** Every request that passed authentication, in order. */
  calls: EcrCall[];
  /** Requests refused before reaching an operation (signature, credentials, framing). */
  refusals: { type: string; message: string }[];
  repositories: Map<string, EmulatedRepository>;
  /** Scan state per `<repository>@<digest>`: DescribeImageScanFindings calls made so far. */
  scans: Map<string, number>;
  images: EcrImageIndex;
  store: EcrRegistryStore;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.';
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const MUTABILITIES = ['MUTABLE', 'IMMUTABLE', 'MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION'];

/** The static credentials the emulator accepts unless told otherwise. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' };

export async function startEcrEmulator(options: EcrEmulatorOptions = {}): Promise<EcrEmulator> {
  const accountId = options.accountId ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const credentials = new Map(
    Object.entries(
      options.accessKeys ?? { [EMULATOR_CREDENTIALS.accessKeyId]: EMULATOR_CREDENTIALS.secretAccessKey },
    ),
  );
  const defaultPageSize = options.defaultPageSize ?? 100;
  const now = () => Date.now() + (options.clockSkewMs ?? 0);
  const password = randomBytes(24).toString('base64url');
  const token = Buffer.from(`AWS:${password}`).toString('base64');
  const store = createEcrRegistryStore(options.registry ?? '127.0.0.1:9');
  const repositories = new Map<string, EmulatedRepository>();
  const scans = new Map<string, number>();
  const images = createEcrImageIndex(now);
  const calls: EcrCall[] = [];
  const refusals: EcrEmulator['refusals'] = [];

  const imagePushed = (repository: string, digest: string) => {
    images.record(repository, digest);
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

  const checkRegistryId = (body: Record<string, unknown>) => {
    const registryId = body.registryId;
    if (registryId === undefined || registryId === accountId) return;
    if (typeof registryId !== 'string' || !/^[0-9]{12}$/.test(registryId)) {
      throw invalidParameter('registryId', "Member must satisfy regular expression pattern: '[0-9]{12}'");
    }
  };
  const notFound = (name: string, registryId = accountId) =>
    new EcrFault(
      'RepositoryNotFoundException',
      `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
    );
  const checkName = (name: unknown): string => {
    if (typeof name !== 'string' || name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
      throw invalidParameter('repositoryName', `must satisfy regular expression '${REPOSITORY_NAME.source}'`);
    }
    return name;
  };
  const repositoryOf = (body: Record<string, unknown>): EmulatedRepository => {
    checkRegistryId(body);
    const name = checkName(body.repositoryName);
    const repository = repositories.get(name);
    // Another account's repositories are not this emulator's to show.
    if (!repository || (body.registryId !== undefined && body.registryId !== accountId)) {
      throw notFound(name, (body.registryId as string | undefined) ?? accountId);
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

  const scanOf = (repository: string, digest: string, poll: boolean): ScanAnswer | undefined => {
    const key = `${repository}@${digest}`;
    const polls = scans.get(key);
    if (polls === undefined) return undefined;
    if (poll) scans.set(key, polls + 1);
    if (polls < (options.scanPollsUntilComplete ?? 2)) {
      return { imageScanStatus: { status: 'IN_PROGRESS', description: 'scan in progress' } };
    }
    return {
      imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
      imageScanFindings: {
        imageScanCompletedAt: epochSeconds(now()),
        vulnerabilitySourceUpdatedAt: epochSeconds(now() - 3600_000),
        findingSeverityCounts: options.scanFindings?.(repository, digest) ?? {},
        findings: [],
      },
    };
  };

  const operations: Record<string, (body: Record<string, unknown>) => Promise<unknown> | unknown> = {
    GetAuthorizationToken: () => ({
      authorizationData: [
        {
          authorizationToken: token,
          expiresAt: epochSeconds(now() + 12 * 3600_000),
          proxyEndpoint: `https://${gateHost}`,
        },
      ],
    }),

    DescribeRepositories: (body) => {
      checkRegistryId(body);
      const names = body.repositoryNames as unknown;
      if (names !== undefined) {
        if (body.maxResults !== undefined || body.nextToken !== undefined) {
          throw invalidParameter(
            'maxResults',
            'maxResults and nextToken cannot be used with repositoryNames',
          );
        }
        if (!Array.isArray(names) || names.length < 1 || names.length > 100) {
          throw invalidParameter('repositoryNames', 'Member must have length between 1 and 100');
        }
        return {
          repositories: names.map((name) =>
            describeRepository(repositoryOf({ ...body, repositoryName: name })),
          ),
        };
      }
      const all = [...repositories.values()].sort((a, b) => a.name.localeCompare(b.name));
      const { page, nextToken } = paginate(all, body, 'DescribeRepositories', defaultPageSize);
      return { repositories: page.map(describeRepository), ...(nextToken && { nextToken }) };
    },

    CreateRepository: (body) => {
      checkRegistryId(body);
      const name = checkName(body.repositoryName);
      const mutability = String(body.imageTagMutability ?? 'MUTABLE');
      if (!MUTABILITIES.includes(mutability)) {
        throw invalidParameter(
          'imageTagMutability',
          `Member must satisfy enum value set: [${MUTABILITIES.join(', ')}]`,
        );
      }
      const filters =
        body.imageTagMutabilityExclusionFilters as EmulatedRepository['imageTagMutabilityExclusionFilters'];
      if (mutability.endsWith('_WITH_EXCLUSION') !== (Array.isArray(filters) && filters.length > 0)) {
        throw invalidParameter(
          'imageTagMutabilityExclusionFilters',
          `exclusion filters are required with, and only with, ${mutability.replace(/_WITH_EXCLUSION$/, '')}_WITH_EXCLUSION`,
        );
      }
      const encryption = (body.encryptionConfiguration as EmulatedRepository['encryptionConfiguration']) ?? {
        encryptionType: 'AES256',
      };
      if (encryption.encryptionType === 'AES256' && encryption.kmsKey !== undefined) {
        throw invalidParameter(
          'encryptionConfiguration',
          'kmsKey can only be given with encryptionType KMS or KMS_DSSE',
        );
      }
      if (repositories.has(name)) {
        throw new EcrFault(
          'RepositoryAlreadyExistsException',
          `The repository with name '${name}' already exists in the registry with id '${accountId}'`,
        );
      }
      const scanning = body.imageScanningConfiguration as { scanOnPush?: boolean } | undefined;
      const repository: EmulatedRepository = {
        name,
        createdAt: epochSeconds(now()),
        imageTagMutability: mutability,
        ...(filters !== undefined && { imageTagMutabilityExclusionFilters: filters }),
        scanOnPush: scanning?.scanOnPush ?? false,
        encryptionConfiguration: encryption,
        tags: (body.tags as EmulatedRepository['tags']) ?? [],
      };
      repositories.set(name, repository);
      images.forget(name);
      return { repository: describeRepository(repository) };
    },

    GetLifecyclePolicy: (body) => {
      const repository = repositoryOf(body);
      if (!repository.lifecyclePolicyText) {
        throw new EcrFault(
          'LifecyclePolicyNotFoundException',
          `Lifecycle policy does not exist for the repository with name '${repository.name}' in the registry with id '${accountId}'`,
        );
      }
      return {
        registryId: accountId,
        repositoryName: repository.name,
        lifecyclePolicyText: repository.lifecyclePolicyText,
        lastEvaluatedAt: 0,
      };
    },

    PutLifecyclePolicy: (body) => {
      const repository = repositoryOf(body);
      const problem = lifecyclePolicyProblem(body.lifecyclePolicyText);
      if (problem) throw problem;
      repository.lifecyclePolicyText = body.lifecyclePolicyText as string;
      return {
        registryId: accountId,
        repositoryName: repository.name,
        lifecyclePolicyText: repository.lifecyclePolicyText,
      };
    },

    ...imageOperations({
      accountId,
      store,
      images,
      repositoryOf,
      imagePushed,
      scanOf,
      hasRegistry: options.registry !== undefined,
      defaultPageSize,
    }),
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the emulator, not an answer ECR gives: a 500 the test will see.
      if (!response.headersSent) replyFault(response, new EcrFault('ServerException', String(error), 500));
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    // Clients correct their clock skew from this header, as they do against AWS.
    response.setHeader('Date', new Date(now()).toUTCString());
    const refuse = (fault: EcrFault) => {
      refusals.push({ type: fault.type, message: fault.message });
      replyFault(response, fault);
    };
    const signed = verifySigV4(
      { method: request.method ?? '', path: request.url ?? '/', headers: request.headers, body },
      { credentials, region, service: 'ecr', now: now() },
    );
    if ('refused' in signed) return refuse(new EcrFault(signed.refused.type, signed.refused.message));

    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const run = operations[operation];
    if (request.method !== 'POST' || !run) {
      return refuse(new EcrFault('UnknownOperationException', ''));
    }
    if (!String(request.headers['content-type']).startsWith(JSON_1_1)) {
      return refuse(new EcrFault('SerializationException', `Content-Type must be ${JSON_1_1}`));
    }
    const call: EcrCall = { operation, accessKeyId: signed.accessKeyId, region: signed.region, body: {} };
    calls.push(call);
    try {
      call.body = parseRequestBody(body);
      const result = await run(call.body);
      Object.assign(call, { status: 200, response: result });
      replyJson(response, 200, result);
    } catch (error) {
      if (!(error instanceof EcrFault)) throw error;
      Object.assign(call, { status: error.status, response: { __type: error.type, message: error.message } });
      replyFault(response, error);
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    accountId,
    gateHost,
    password,
    token,
    calls,
    refusals,
    repositories,
    scans,
    images,
    store,
    close: async () => {
      await closeServer(server);
      await gate?.close();
    },
  };
}
