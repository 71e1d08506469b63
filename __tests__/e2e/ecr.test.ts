import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEcrClient,
  createEcrTagWriter,
  describeEcrImage,
  ecrLogin,
  ecrLogout,
  EcrImmutableTagError,
  ensureEcrRepository,
  readEcrInputs,
  waitForScanFindings,
  type EcrInputName,
  type EcrLoginState,
} from '../../src/ecr/index.js';
import type { ManifestBytes } from '../../src/registry/tag-writer.js';
import { processRunner } from '../../src/util/exec.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';
import { dockerEnv, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

/** Findings the emulated scanner reports for an image, derived from its digest so each image differs. */
const findingsFor = (digest: string) => ({ HIGH: parseInt(digest.slice(7, 8), 16), LOW: 3 });

describe('ECR end to end: real SDK -> emulator -> real registry and engine', () => {
  const bed = testbed();
  const repository = `ecr/e2e-${process.pid}`;
  const runner = recordingRunner(processRunner);
  const logger = capturingLogger();
  const returned: unknown[] = [];
  const built: string[] = [];
  const scratch: string[] = [];
  const scratchDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    scratch.push(dir);
    return dir;
  };
  let emulator: EcrEmulator;
  let state: EcrLoginState;
  let first: ManifestBytes;

  beforeAll(async () => {
    emulator = await startEcrEmulator({
      registry: bed.registry,
      defaultPageSize: 2,
      scanPollsUntilComplete: 2,
      scanFindings: (_repository, digest) => findingsFor(digest),
    });
  });
  afterAll(async () => {
    for (const image of built) await processRunner.run(bed.docker, ['rmi', image], { env: dockerEnv() });
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  const client = () =>
    createEcrClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });
  const image = (tag: string) => `${emulator.gateHost}/${repository}:${tag}`;
  const build = async (tag: string, content: string) => {
    const dir = scratchDir('ib-ecr-build-');
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${bed.baseImage}\nRUN echo "${content}" > /content.txt\n`);
    const result = await runner.run(bed.docker, ['build', '--network=none', '-t', image(tag), dir], {
      env: dockerEnv(),
    });
    expect(result.exitCode, result.stderr).toBe(0);
    built.push(image(tag));
  };
  const push = (tag: string, dockerConfig: string) =>
    runner.run(bed.docker, ['push', image(tag)], { env: { ...dockerEnv(), DOCKER_CONFIG: dockerConfig } });

  it('creates the repository, refuses an anonymous push, logs in and pushes through the gate', async () => {
    const given: Partial<Record<EcrInputName, string>> = {
      'ecr-tag-mutability': 'IMMUTABLE',
      'ecr-repository-tags': 'Project=e2e',
    };
    const inputs = readEcrInputs((name) => given[name] ?? '');
    const info = await ensureEcrRepository({ client: client(), logger, repository, settings: inputs });
    returned.push(info);
    expect(info).toMatchObject({ created: true, tagMutability: 'IMMUTABLE', scanOnPush: true });

    await build('1.0.0', `first ${process.pid} ${Date.now()}`);
    const anonymous = await push('1.0.0', scratchDir('ib-ecr-anon-'));
    expect(anonymous.exitCode).not.toBe(0);
    expect(anonymous.stderr).toMatch(/no basic auth credentials|unauthorized|denied/i);
    expect(await emulator.store.headDigest(repository, '1.0.0')).toBeUndefined();

    state = await ecrLogin({ client: client(), runner, logger, docker: bed.docker, env: dockerEnv() });
    returned.push(state);
    expect(state.registries).toEqual([emulator.gateHost]);
    expect(statSync(state.dockerConfig).mode & 0o777).toBe(0o700);
    const config = JSON.parse(readFileSync(join(state.dockerConfig, 'config.json'), 'utf8')) as {
      auths: Record<string, unknown>;
    };
    expect(Object.keys(config.auths)).toEqual([emulator.gateHost]);

    const pushed = await push('1.0.0', state.dockerConfig);
    expect(pushed.exitCode, pushed.stderr).toBe(0);
    expect(await emulator.store.headDigest(repository, '1.0.0')).toMatch(/^sha256:/);
  });

  it('adds tags with BatchGetImage + PutImage: no blob traffic, every tag resolves in the registry', async () => {
    const writer = createEcrTagWriter({ client: client() });
    first = await writer.getManifest(repository, '1.0.0');
    expect(first.digest).toBe(await emulator.store.headDigest(repository, '1.0.0'));

    const offset = registryLogSize();
    await writer.putTags(repository, first, ['1.0', '1', 'latest']);
    const requests = registryRequests(offset, emulator.store.path(repository));
    expect(
      requests.filter((request) => request.method === 'PUT' && request.path.includes('/manifests/')),
    ).toHaveLength(3);
    expect(requests.some((request) => request.path.includes('/blobs/'))).toBe(false);

    for (const tag of ['1.0', '1', 'latest']) {
      expect(await emulator.store.headDigest(repository, tag)).toBe(first.digest);
      expect(await writer.resolveTag(repository, tag)).toBe(first.digest);
    }
    expect(await writer.resolveTag(repository, 'never-pushed')).toBeUndefined();
    expect(await writer.listTags(repository)).toEqual(['1', '1.0', '1.0.0', 'latest']);
    const pages = emulator.calls.filter((call) => call.operation === 'ListImages');
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('re-runs on the IMMUTABLE repository pass; a different image on an existing tag fails naming both digests', async () => {
    const writer = createEcrTagWriter({ client: client() });
    await writer.putTags(repository, first, ['1.0.0', '1.0', '1', 'latest']);

    await build('2.0.0', `second ${process.pid} ${Date.now()}`);
    const pushed = await push('2.0.0', state.dockerConfig);
    expect(pushed.exitCode, pushed.stderr).toBe(0);
    const second = await writer.getManifest(repository, '2.0.0');
    expect(second.digest).not.toBe(first.digest);

    const conflict = writer.putTags(repository, second, ['latest']);
    await expect(conflict).rejects.toBeInstanceOf(EcrImmutableTagError);
    await expect(conflict).rejects.toThrow(first.digest);
    await expect(conflict).rejects.toThrow(second.digest);
    expect(await emulator.store.headDigest(repository, 'latest')).toBe(first.digest);
  });

  it('waits for the scan-on-push findings and returns their counts', async () => {
    const result = await waitForScanFindings({
      client: client(),
      logger,
      repository,
      digest: first.digest,
      timeoutSeconds: 60,
      pollSeconds: 0.05,
    });
    returned.push(result);
    const expected = findingsFor(first.digest);
    expect(result.status).toBe('COMPLETE');
    expect(result.counts).toMatchObject(expected);
    expect(result.total).toBe(expected.HIGH + expected.LOW);
    expect(emulator.scans.get(`${repository}@${first.digest}`)).toBeGreaterThan(2);
  });

  it('describes the pushed image for the report: all its tags, layer size, push time', async () => {
    const details = await describeEcrImage({ client: client(), repository, reference: first.digest });
    returned.push(details);
    const layers = (JSON.parse(new TextDecoder().decode(first.bytes)) as { layers: { size: number }[] })
      .layers;
    expect(details).toMatchObject({
      repository,
      digest: first.digest,
      tags: ['1', '1.0', '1.0.0', 'latest'],
      sizeBytes: layers.reduce((sum, layer) => sum + layer.size, 0),
      mediaType: first.mediaType,
    });
    expect(Date.parse(details!.pushedAt!)).toBeGreaterThan(Date.now() - 600_000);
    expect(
      await describeEcrImage({ client: client(), repository, reference: 'never-pushed' }),
    ).toBeUndefined();
  });

  it('on a MUTABLE repository, PutImage moves an existing tag to the new image', async () => {
    const mutable = `${repository}-mutable`;
    await ensureEcrRepository({
      client: client(),
      logger,
      repository: mutable,
      settings: readEcrInputs(() => ''),
    });
    for (const [from, to] of [
      ['1.0.0', 'a'],
      ['2.0.0', 'b'],
    ]) {
      const target = `${emulator.gateHost}/${mutable}:${to}`;
      const tagged = await runner.run(bed.docker, ['tag', image(from), target], { env: dockerEnv() });
      expect(tagged.exitCode, tagged.stderr).toBe(0);
      built.push(target);
      const pushed = await runner.run(bed.docker, ['push', target], {
        env: { ...dockerEnv(), DOCKER_CONFIG: state.dockerConfig },
      });
      expect(pushed.exitCode, pushed.stderr).toBe(0);
    }
    const writer = createEcrTagWriter({ client: client() });
    const [a, b] = [await writer.getManifest(mutable, 'a'), await writer.getManifest(mutable, 'b')];
    await writer.putTags(mutable, a, ['stable']);
    expect(await emulator.store.headDigest(mutable, 'stable')).toBe(a.digest);
    await writer.putTags(mutable, b, ['stable']);
    expect(await emulator.store.headDigest(mutable, 'stable')).toBe(b.digest);
    expect(b.digest).not.toBe(a.digest);
  });

  it('logs out, removes the temporary config, and never exposed the password or token', async () => {
    await ecrLogout(state, { runner, logger, docker: bed.docker, env: dockerEnv() });
    expect(existsSync(state.dockerConfig)).toBe(false);
    expect(runner.commands.some((command) => command.args.includes('logout'))).toBe(true);

    expect(logger.secrets).toEqual(expect.arrayContaining([emulator.password, emulator.token]));
    const exposed = [
      ...logger.lines,
      JSON.stringify(returned),
      ...runner.commands.flatMap((command) => [
        command.file,
        ...command.args,
        command.result.stdout,
        command.result.stderr,
        JSON.stringify(command.options.env ?? {}),
      ]),
    ].join('\n');
    for (const secret of [emulator.password, emulator.token]) expect(exposed).not.toContain(secret);
    // The password reached docker, but only on stdin.
    expect(runner.commands.filter((command) => command.options.input === emulator.password)).toHaveLength(1);
  });
});
