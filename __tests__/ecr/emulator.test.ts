import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  PutLifecyclePolicyCommand,
  paginateDescribeRepositories,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcrClient, untaggedExpiryPolicy } from '../../src/ecr/index.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';

/**
 * The emulator's protocol side against the real SDK, without a registry: SigV4 scope, session tokens,
 * request age, JSON 1.1 framing and errors, pagination. Image operations are in e2e/ecr-emulator.test.ts.
 */
describe('ECR emulator: SigV4, JSON 1.1 and exceptions as ECR answers them', () => {
  let emulator: EcrEmulator;
  beforeAll(async () => {
    emulator = await startEcrEmulator({
      region: 'eu-central-1',
      accessKeys: {
        [EMULATOR_CREDENTIALS.accessKeyId]: EMULATOR_CREDENTIALS.secretAccessKey,
        ASIATEMPORARY: { secretAccessKey: 'temporary-secret', sessionToken: 'the-session-token' },
      },
      defaultPageSize: 2,
    });
  });
  afterAll(() => emulator.close());

  const client = (overrides: Partial<Parameters<typeof createEcrClient>[0]> = {}, clock = 0): ECRClient => {
    const created = createEcrClient({
      region: 'eu-central-1',
      endpoint: emulator.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
      ...overrides,
    });
    created.config.systemClockOffset = clock;
    return created;
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: Error & { $metadata?: { httpStatusCode?: number }; $fault?: string }) => error,
    );
  const token = () => new GetAuthorizationTokenCommand({});

  it('refuses a signature scoped to another region, as a regional endpoint does', async () => {
    const error = await failure(client({ region: 'us-west-2' }).send(token()));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toBe("Credential should be scoped to a valid region, not 'us-west-2'. ");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(await client().send(token())).toHaveProperty('authorizationData');
  });

  it('accepts a session token only with the temporary credentials it belongs to', async () => {
    const temporary = { accessKeyId: 'ASIATEMPORARY', secretAccessKey: 'temporary-secret' };
    const cases = [
      { ...EMULATOR_CREDENTIALS, sessionToken: 'any-token' },
      { ...temporary, sessionToken: 'another-token' },
      temporary,
    ];
    for (const credentials of cases) {
      const error = await failure(client({ credentials }).send(token()));
      expect(error.name).toBe('UnrecognizedClientException');
      expect(error.message).toBe('The security token included in the request is invalid.');
    }
    const accepted = await client({ credentials: { ...temporary, sessionToken: 'the-session-token' } }).send(
      token(),
    );
    expect(accepted.authorizationData).toHaveLength(1);
    expect(emulator.calls.at(-1)?.accessKeyId).toBe('ASIATEMPORARY');
  });

  it('refuses requests signed more than 5 minutes from its clock, and the SDK recovers from the Date header', async () => {
    const slow = await failure(client({}, -10 * 60_000).send(token()));
    expect(slow.name).toBe('InvalidSignatureException');
    expect(slow.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
    const fast = await failure(client({}, 10 * 60_000).send(token()));
    expect(fast.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than /);
    expect(await client({}, 4 * 60_000).send(token())).toHaveProperty('authorizationData');

    // With retries the SDK corrects its clock from the emulator's Date header, as it does against AWS.
    const skewed = client({ maxAttempts: 3 }, -30 * 60_000);
    const refusedBefore = emulator.refusals.length;
    expect(await skewed.send(token())).toHaveProperty('authorizationData');
    expect(emulator.refusals.slice(refusedBefore).map((refusal) => refusal.type)).toEqual([
      'InvalidSignatureException',
    ]);
  });

  it('answers a body that is not JSON with a 400 SerializationException, which the SDK does not retry', async () => {
    const retrying = client({ maxAttempts: 3 });
    retrying.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body: string; headers: Record<string, string> };
        request.body = '{"repositoryName": "app"';
        request.headers['content-length'] = String(request.body.length);
        return next(args);
      },
      { step: 'build', name: 'breakTheBody' },
    );
    const before = emulator.calls.length;
    const error = await failure(retrying.send(new DescribeRepositoriesCommand({ repositoryNames: ['app'] })));
    expect(error.name).toBe('SerializationException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(emulator.calls.length - before).toBe(1);
  });

  it('answers a malformed lifecycle policy with InvalidParameterException, not a retried 500', async () => {
    const retrying = client({ maxAttempts: 3 });
    await retrying.send(new CreateRepositoryCommand({ repositoryName: 'policies' }));
    const before = emulator.calls.length;
    const broken = `${untaggedExpiryPolicy(7).slice(0, -2)},`;
    const error = await failure(
      retrying.send(
        new PutLifecyclePolicyCommand({ repositoryName: 'policies', lifecyclePolicyText: broken }),
      ),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.$fault).toBe('client');
    expect(error.message).toMatch(
      /^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: /,
    );
    expect(emulator.calls.length - before).toBe(1);
    // The policy the action writes is valid.
    await retrying.send(
      new PutLifecyclePolicyCommand({
        repositoryName: 'policies',
        lifecyclePolicyText: untaggedExpiryPolicy(7),
      }),
    );
    expect(emulator.repositories.get('policies')?.lifecyclePolicyText).toBe(untaggedExpiryPolicy(7));
  });

  it('names the exception in __type and x-amzn-ErrorType, with epoch-second timestamps in the JSON', async () => {
    const error = await failure(
      client().send(new DescribeRepositoriesCommand({ repositoryNames: ['never-created'] })),
    );
    expect(error.name).toBe('RepositoryNotFoundException');
    expect(error.message).toBe(
      "The repository with name 'never-created' does not exist in the registry with id '123456789012'",
    );
    const answer = emulator.calls.at(-1);
    expect(answer).toMatchObject({ status: 400, response: { __type: 'RepositoryNotFoundException' } });
    const headers = (error as { $response?: { headers: Record<string, string> } }).$response?.headers;
    expect(headers?.['x-amzn-errortype']).toBe('RepositoryNotFoundException');
    expect(headers?.['content-type']).toBe('application/x-amz-json-1.1');

    const created = await client().send(new CreateRepositoryCommand({ repositoryName: 'stamped' }));
    const raw = emulator.calls.at(-1)?.response as { repository: { createdAt: unknown } };
    expect(typeof raw.repository.createdAt).toBe('number');
    expect(created.repository?.createdAt?.getTime()).toBe(Number(raw.repository.createdAt) * 1000);
  });

  it('pages DescribeRepositories by maxResults with an opaque nextToken bound to the listing', async () => {
    for (const name of ['page-a', 'page-b', 'page-c', 'page-d', 'page-e']) {
      await client().send(new CreateRepositoryCommand({ repositoryName: name }));
    }
    const first = await client().send(new DescribeRepositoriesCommand({ maxResults: 3 }));
    expect(first.repositories).toHaveLength(3);
    expect(first.nextToken).toEqual(expect.any(String));
    expect(Number.isNaN(Number(first.nextToken))).toBe(true);

    const names: string[] = [];
    for await (const page of paginateDescribeRepositories({ client: client() }, {})) {
      names.push(...(page.repositories ?? []).map((repository) => repository.repositoryName!));
    }
    expect(names).toEqual([...emulator.repositories.keys()].sort());
    // No maxResults: the default page size (2 here, ECR's is 100) still pages.
    const pages = emulator.calls.filter((call) => call.operation === 'DescribeRepositories').slice(-4);
    expect(pages.map((call) => call.body.nextToken === undefined)).toEqual([true, false, false, false]);

    const misuse = await failure(
      client().send(new DescribeRepositoriesCommand({ repositoryNames: ['page-a'], maxResults: 1 })),
    );
    expect(misuse.name).toBe('InvalidParameterException');
    const forged = await failure(client().send(new DescribeRepositoriesCommand({ nextToken: '2' })));
    expect(forged.name).toBe('InvalidParameterException');
    const tooMany = await failure(client().send(new DescribeRepositoriesCommand({ maxResults: 1001 })));
    expect(tooMany.name).toBe('InvalidParameterException');
  });
});
