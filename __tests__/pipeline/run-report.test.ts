import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImageBuild } from '../../src/pipeline/image-build.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';
import { REMOTE, reportInputs } from './report-fixtures.js';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'ib-run-report-'));
  writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  writeFileSync(join(root, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
  const env = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(root, 'event.json'),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REPOSITORY: 'acme/app',
    RUNNER_TEMP: root,
    HOME: root,
  };
  return { root, env };
}

const values = (root: string, extra: Record<string, string> = {}) => ({
  images: 'registry.test/acme/app',
  context: root,
  cache: 'none',
  'github-token': '',
  ...extra,
});

describe('runImageBuild: the image for the report on a container builder', () => {
  it('a build that neither pushes nor loads exports an OCI layout under RUNNER_TEMP, its one output', async () => {
    const { root, env } = setup();
    const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
    const result = await runImageBuild(reportInputs(values(root)), {
      env,
      runner,
      logger: capturingLogger(),
      builder: REMOTE,
    });
    const args = runner.commands.find((command) => command.args[1] === 'build')?.args ?? [];
    const outputs = args.flatMap((arg, index) => (args[index - 1] === '--output' ? [arg] : []));
    expect(outputs).toEqual([`type=oci,dest=${result.layout},tar=false`]);
    expect(args).not.toContain('--load');
    expect(args).not.toContain('--push');
    expect(result.layout?.startsWith(join(root, 'image-build-oci-'))).toBe(true);
    expect(result.buildSeconds).toBeGreaterThanOrEqual(0);
  });

  it('a build that loads, or has outputs of its own, gets no second output', async () => {
    const cases: Record<string, string>[] = [{ load: 'true' }, { outputs: 'type=local,dest=out' }];
    for (const extra of cases) {
      const { root, env } = setup();
      const runner = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
      const result = await runImageBuild(reportInputs(values(root, extra)), {
        env,
        runner,
        logger: capturingLogger(),
        builder: REMOTE,
      });
      const args = runner.commands.find((command) => command.args[1] === 'build')?.args ?? [];
      expect(args.join(' ')).not.toContain('type=oci');
      expect(result.layout).toBeUndefined();
    }
  });

  it('a failed build leaves no layout directory behind', async () => {
    const { root, env } = setup();
    const runner = recordingRunner((_file, args) =>
      args[1] === 'build'
        ? { exitCode: 1, stdout: '', stderr: 'ERROR: boom' }
        : { exitCode: 0, stdout: '', stderr: '' },
    );
    await expect(
      runImageBuild(reportInputs(values(root)), { env, runner, logger: capturingLogger(), builder: REMOTE }),
    ).rejects.toThrow(/the build failed/);
    expect(readdirSync(root).filter((name) => name.startsWith('image-build-oci-'))).toEqual([]);
    expect(existsSync(root)).toBe(true);
  });
});
