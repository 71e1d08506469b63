import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chainCredentials,
  dockerConfigCredentials,
  givenCredentials,
  normaliseConfigKey,
} from '../../src/registry/credentials.js';
import type { CommandRunner, ExecOptions } from '../../src/util/exec.js';

function configDir(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'ib-publish-cfg-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** Records helper calls; answers from a table keyed by program and stdin. */
function fakeRunner(answers: Record<string, { exitCode: number; stdout: string; stderr?: string }>) {
  const calls: { file: string; args: readonly string[]; input?: string }[] = [];
  const runner: CommandRunner = {
    async run(file, args, options: ExecOptions = {}) {
      const input = options.input?.toString();
      calls.push({ file, args, input });
      const answer = answers[`${file} ${input}`] ?? {
        exitCode: 1,
        stdout: '',
        stderr: 'credentials not found in native keychain',
      };
      return { exitCode: answer.exitCode, stdout: answer.stdout, stderr: answer.stderr ?? '' };
    },
  };
  return { runner, calls };
}

describe('dockerConfigCredentials', () => {
  it('decodes inline auths, matching keys written as URLs', async () => {
    const dir = configDir({
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hub:pass').toString('base64') },
        'https://ghcr.io': { username: 'u', password: 'p' },
        'registry.example.com': { identitytoken: 'refresh-me' },
      },
    });
    const source = dockerConfigCredentials({ runner: fakeRunner({}).runner, configDir: dir });
    expect(await source.get('docker.io')).toEqual({ username: 'hubuser', password: 'hub:pass' });
    expect(await source.get('ghcr.io')).toEqual({ username: 'u', password: 'p' });
    expect(await source.get('registry.example.com')).toEqual({ identityToken: 'refresh-me' });
    expect(await source.get('quay.io')).toBeUndefined();
  });

  it('asks credHelpers first, then credsStore, passing the server on stdin and never in argv', async () => {
    const dir = configDir({
      credsStore: 'desktop',
      credHelpers: { '1234.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
      auths: { 'ghcr.io': {} },
    });
    const { runner, calls } = fakeRunner({
      'docker-credential-ecr-login 1234.dkr.ecr.eu-west-1.amazonaws.com': {
        exitCode: 0,
        stdout: JSON.stringify({ Username: 'AWS', Secret: 'ecr-secret' }),
      },
      'docker-credential-desktop ghcr.io': {
        exitCode: 0,
        stdout: JSON.stringify({ Username: '<token>', Secret: 'idtok' }),
      },
    });
    const source = dockerConfigCredentials({ runner, configDir: dir });
    expect(await source.get('1234.dkr.ecr.eu-west-1.amazonaws.com')).toEqual({
      username: 'AWS',
      password: 'ecr-secret',
    });
    expect(await source.get('ghcr.io')).toEqual({ identityToken: 'idtok' });
    expect(await source.get('quay.io')).toBeUndefined();
    expect(calls.map((c) => c.args)).toEqual([['get'], ['get'], ['get']]);
    expect(calls.map((c) => c.file)).toEqual([
      'docker-credential-ecr-login',
      'docker-credential-desktop',
      'docker-credential-desktop',
    ]);
  });

  it('reports a helper that fails for another reason', async () => {
    const dir = configDir({ credsStore: 'broken' });
    const { runner } = fakeRunner({
      'docker-credential-broken ghcr.io': { exitCode: 2, stdout: '', stderr: 'keychain locked' },
    });
    await expect(dockerConfigCredentials({ runner, configDir: dir }).get('ghcr.io')).rejects.toThrow(
      /keychain locked/,
    );
  });

  it('treats a missing config as no credentials and a broken one as an error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ib-publish-cfg-'));
    expect(
      await dockerConfigCredentials({ runner: fakeRunner({}).runner, configDir: empty }).get('ghcr.io'),
    ).toBeUndefined();
    writeFileSync(join(empty, 'config.json'), '{not json');
    await expect(
      dockerConfigCredentials({ runner: fakeRunner({}).runner, configDir: empty }).get('ghcr.io'),
    ).rejects.toThrow(/not valid JSON/);
  });
});

describe('given and chained credentials', () => {
  it('prefers the first source that knows the registry', async () => {
    const given = givenCredentials({ 'https://ghcr.io/': { username: 'a', password: 'b' } });
    const fallback = givenCredentials({
      'ghcr.io': { username: 'x', password: 'y' },
      'quay.io': { username: 'q', password: 'r' },
    });
    const chain = chainCredentials(given, fallback);
    expect(await chain.get('ghcr.io')).toEqual({ username: 'a', password: 'b' });
    expect(await chain.get('quay.io')).toEqual({ username: 'q', password: 'r' });
    expect(normaliseConfigKey('https://registry-1.docker.io/v2/')).toBe('docker.io');
  });
});
