import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEcrClient, ecrLogin, ecrLogout, parseEcrLoginState } from '../../src/ecr/index.js';
import { InputError } from '../../src/util/errors.js';
import { EMULATOR_CREDENTIALS, startEcrEmulator, type EcrEmulator } from '../helpers/ecr-emulator.js';
import { closeServer } from '../helpers/ecr-gate.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';

const credentials = EMULATOR_CREDENTIALS;
const ok = { exitCode: 0, stdout: 'Login Succeeded\n', stderr: '' };

describe('ecrLogin / ecrLogout', () => {
  let emulator: EcrEmulator;
  const tempRoot = mkdtempSync(join(tmpdir(), 'ib-ecr-login-test-'));
  beforeAll(async () => {
    emulator = await startEcrEmulator({
      accessKeys: {
        AKIDEMULATOR: EMULATOR_CREDENTIALS.secretAccessKey,
        AKIDCONTAINER: { secretAccessKey: 'container-secret', sessionToken: 'container-session' },
      },
    });
  });
  afterAll(() => emulator.close());
  afterEach(() => vi.unstubAllEnvs());

  it('logs in with --password-stdin into a new config dir, masking the token and password', async () => {
    const runner = recordingRunner(() => ok);
    const logger = capturingLogger();
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const state = await ecrLogin({ client, runner, logger, tempRoot, docker: '/usr/bin/docker' });

    expect(state.registries).toEqual([emulator.gateHost]);
    expect(state.dockerConfig.startsWith(tempRoot)).toBe(true);
    expect(existsSync(state.dockerConfig)).toBe(true);
    expect(Date.parse(state.expiresAt!)).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(runner.commands).toHaveLength(1);
    const [login] = runner.commands;
    expect(login.file).toBe('/usr/bin/docker');
    expect(login.args).toEqual([
      '--config',
      state.dockerConfig,
      'login',
      '--username',
      'AWS',
      '--password-stdin',
      emulator.gateHost,
    ]);
    expect(login.options.input).toBe(emulator.password);
    expect(login.options.env?.DOCKER_CONFIG).toBe(state.dockerConfig);
    expect(logger.secrets).toEqual(expect.arrayContaining([emulator.token, emulator.password]));
    const everything = [
      ...logger.lines,
      JSON.stringify(state),
      ...runner.commands.flatMap((c) => c.args),
    ].join('\n');
    expect(everything).not.toContain(emulator.password);
    expect(everything).not.toContain(emulator.token);
    expect(emulator.calls.at(-1)).toMatchObject({ operation: 'GetAuthorizationToken', region: 'us-east-1' });

    await ecrLogout(state, { runner, logger });
    expect(runner.commands[1].args).toEqual(['--config', state.dockerConfig, 'logout', emulator.gateHost]);
    expect(existsSync(state.dockerConfig)).toBe(false);
    expect(parseEcrLoginState(JSON.stringify(state))).toEqual(state);
  });

  it('logs in to the hosts the references name (e.g. FIPS), with the token of their account', async () => {
    const runner = recordingRunner(() => ok);
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const fips = '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com';
    const state = await ecrLogin({ client, runner, logger: capturingLogger(), tempRoot, registries: [fips] });
    expect(state.registries).toEqual([fips]);
    expect(runner.commands[0].args.at(-1)).toBe(fips);
    expect(runner.commands[0].options.input).toBe(emulator.password);
    await ecrLogout(state, { runner, logger: capturingLogger() });
  });

  it('copies an existing config.json so other registry logins survive', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ib-ecr-home-'));
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({
        auths: { 'ghcr.io': { auth: 'eDp5' } },
        credsStore: 'desktop',
        credHelpers: { [emulator.gateHost]: 'ecr-login', 'gcr.io': 'gcloud' },
      }),
    );
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const state = await ecrLogin({
      client,
      runner: recordingRunner(() => ok),
      logger: capturingLogger(),
      tempRoot,
      inheritConfigFrom: home,
    });
    // Other logins survive; nothing would send our password to a keychain outside the temporary dir.
    expect(JSON.parse(readFileSync(join(state.dockerConfig, 'config.json'), 'utf8'))).toEqual({
      auths: { 'ghcr.io': { auth: 'eDp5' } },
      credHelpers: { 'gcr.io': 'gcloud' },
    });
    await ecrLogout(state, { runner: recordingRunner(() => ok), logger: capturingLogger() });
  });

  it('keeps buildx builders and CLI plugins visible, and logout leaves the originals alone', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ib-ecr-home-'));
    mkdirSync(join(home, 'buildx', 'instances'), { recursive: true });
    writeFileSync(join(home, 'buildx', 'current'), '{"Name":"builder-1"}');
    mkdirSync(join(home, 'cli-plugins'));
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const state = await ecrLogin({
      client,
      runner: recordingRunner(() => ok),
      logger: capturingLogger(),
      tempRoot,
      inheritConfigFrom: home,
    });
    expect(readFileSync(join(state.dockerConfig, 'buildx', 'current'), 'utf8')).toBe('{"Name":"builder-1"}');
    expect(lstatSync(join(state.dockerConfig, 'cli-plugins')).isSymbolicLink()).toBe(true);
    await ecrLogout(state, { runner: recordingRunner(() => ok), logger: capturingLogger() });
    expect(existsSync(state.dockerConfig)).toBe(false);
    expect(readFileSync(join(home, 'buildx', 'current'), 'utf8')).toBe('{"Name":"builder-1"}');
  });

  it('fails on a docker login error without leaking the password, and removes the config dir', async () => {
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const runner = recordingRunner(() => ({
      exitCode: 1,
      stdout: '',
      stderr: `denied for ${emulator.password}`,
    }));
    const attempt = ecrLogin({ client, runner, logger: capturingLogger(), tempRoot });
    await expect(attempt).rejects.toThrow(
      /docker login to 127\.0\.0\.1:\d+ failed \(exit 1\): denied for \*\*\*/,
    );
    const dir = runner.commands[0].options.env?.DOCKER_CONFIG;
    expect(dir && existsSync(dir)).toBe(false);
  });

  it('removes the temporary config when docker cannot be spawned at all, naming the client', async () => {
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const configs: string[] = [];
    const runner = {
      run: async (_file: string, _args: readonly string[], options?: { env?: NodeJS.ProcessEnv }) => {
        configs.push(options?.env?.DOCKER_CONFIG ?? '');
        throw Object.assign(new Error('spawn /opt/missing/docker ENOENT'), { code: 'ENOENT' });
      },
    };
    const logger = capturingLogger();
    const attempt = ecrLogin({ client, runner, logger, tempRoot, docker: '/opt/missing/docker' });
    await expect(attempt).rejects.toThrow('could not run the docker client /opt/missing/docker: spawn');
    expect(configs).toHaveLength(1);
    expect(existsSync(configs[0])).toBe(false);
    expect(logger.lines.join('\n')).not.toContain(emulator.password);
  });

  it('logs out with the client that logged in, and removes the config even when it cannot be spawned', async () => {
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const loggedIn = recordingRunner(() => ok);
    const state = await ecrLogin({
      client,
      runner: loggedIn,
      logger: capturingLogger(),
      tempRoot,
      docker: '/opt/buildx-docker/bin/docker',
    });
    // The post step gets only the saved state: the client travels in it.
    const saved = parseEcrLoginState(JSON.stringify(state))!;
    expect(saved.docker).toBe('/opt/buildx-docker/bin/docker');
    const files: string[] = [];
    const logger = capturingLogger();
    await ecrLogout(saved, {
      runner: {
        run: async (file) => {
          files.push(file);
          throw new Error(`spawn ${file} EACCES`);
        },
      },
      logger,
    });
    expect(files).toEqual(['/opt/buildx-docker/bin/docker']);
    expect(existsSync(state.dockerConfig)).toBe(false);
    expect(logger.lines.some((line) => line.startsWith('warning') && line.includes('EACCES'))).toBe(true);
  });

  it('finds docker on PATH when no client is given, not at a fixed path', async () => {
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    const runner = recordingRunner(() => ok);
    const state = await ecrLogin({ client, runner, logger: capturingLogger(), tempRoot });
    await ecrLogout(state, { runner, logger: capturingLogger() });
    expect(runner.commands.map((command) => command.file)).toEqual(['docker', 'docker']);
  });

  it('uses the SDK default chain: container credentials from a loopback endpoint', async () => {
    const provider = createServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({
          AccessKeyId: 'AKIDCONTAINER',
          SecretAccessKey: 'container-secret',
          Token: 'container-session',
          Expiration: new Date(Date.now() + 3600_000).toISOString(),
        }),
      );
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    try {
      isolateFromAmbientCredentials();
      vi.stubEnv(
        'AWS_CONTAINER_CREDENTIALS_FULL_URI',
        `http://127.0.0.1:${(provider.address() as AddressInfo).port}/creds`,
      );
      const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint });
      await ecrLogin({ client, runner: recordingRunner(() => ok), logger: capturingLogger(), tempRoot });
      expect(emulator.calls.at(-1)).toMatchObject({
        operation: 'GetAuthorizationToken',
        accessKeyId: 'AKIDCONTAINER',
      });
    } finally {
      await closeServer(provider);
    }
  });

  it('is refused by the emulator when signed with the wrong secret (the signature is checked)', async () => {
    const client = createEcrClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'not-the-secret' },
      maxAttempts: 1,
    });
    const runner = recordingRunner(() => ok);
    await expect(ecrLogin({ client, runner, logger: capturingLogger(), tempRoot })).rejects.toMatchObject({
      name: 'InvalidSignatureException',
    });
    expect(runner.commands).toHaveLength(0);
  });

  it('explains every way to give credentials when none are found, before calling ECR', async () => {
    isolateFromAmbientCredentials();
    const before = emulator.calls.length;
    const runner = recordingRunner(() => ok);
    const client = createEcrClient({ region: 'us-east-1', endpoint: emulator.endpoint });
    const attempt = ecrLogin({ client, runner, logger: capturingLogger(), tempRoot });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(
      /AWS_ACCESS_KEY_ID.*AWS_ROLE_ARN.*AWS_WEB_IDENTITY_TOKEN_FILE.*AWS_CONTAINER_CREDENTIALS/,
    );
    expect(emulator.calls.length).toBe(before);
    expect(runner.commands).toHaveLength(0);
  });
});

/** No keys, profiles, web identity or instance metadata (which would reach beyond loopback). */
function isolateFromAmbientCredentials(): void {
  const empty = mkdtempSync(join(tmpdir(), 'ib-ecr-nohome-'));
  for (const name of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
    'AWS_ROLE_ARN',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  ]) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(empty, 'credentials'));
  vi.stubEnv('AWS_CONFIG_FILE', join(empty, 'config'));
  vi.stubEnv('HOME', empty);
}
