import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import type { CommandRunner } from '../../src/util/exec.js';
import { processRunner } from '../../src/util/exec.js';
import type { Logger } from '../../src/util/log.js';
import { silentLogger } from '../../src/util/log.js';
import { describeEachBuilder, dockerEnv, testbed } from '../helpers/testbed.js';

const context = fileURLToPath(new URL('../fixtures/build-secrets', import.meta.url));

describeEachBuilder('secrets on the real builder', (builder) => {
  it('reach the build through the environment: never argv, never the log', async () => {
    const token = `tok-${process.pid}-${Date.now()}`;
    const fromEnv = `env-${Date.now()}`;
    const argvs: string[] = [];
    const recording: CommandRunner = {
      run: (file, args, options) => {
        argvs.push([file, ...args].join(' '));
        return processRunner.run(file, args, options);
      },
    };
    const logged: string[] = [];
    const logger: Logger = { ...silentLogger, info: (line) => logged.push(line) };
    const tag = `${testbed().registry}/build/secrets-${builder.name}-${process.pid}:1`;
    const outcome = await buildImage({
      inputs: defaultBuildInputs({
        context,
        buildArgs: parseListInput(`BASE_IMAGE=${testbed().baseImage}`, { ignoreComma: true }),
        secrets: parseListInput(`token=${token}`, { ignoreComma: true }),
        secretEnvs: parseListInput('fromenv=IB_E2E_SECRET', { ignoreComma: true }),
        tags: [tag],
        network: 'none',
        noCache: true,
        cache: 'none',
        push: true,
      }),
      runner: recording,
      logger,
      env: { ...builder.env, IB_E2E_SECRET: fromEnv },
    });
    expect(outcome.builder.kind).toBe(builder.name === 'classic' ? 'classic' : 'buildx');
    expect(outcome.result.steps.some((step) => step.instruction.startsWith('RUN --mount=type=secret'))).toBe(
      true,
    );
    const checksum = execFileSync(
      testbed().docker,
      // The published image: the remote builder's never reaches the engine otherwise.
      ['run', '--rm', '--pull=always', '--network=none', tag, 'cat', '/checksum'],
      {
        env: dockerEnv(),
        encoding: 'utf8',
      },
    );
    expect(checksum.split(' ')[0]).toBe(
      createHash('sha256')
        .update(token + fromEnv)
        .digest('hex'),
    );
    expect(argvs.join('\n')).not.toContain(token);
    expect(argvs.join('\n')).not.toContain(fromEnv);
    expect(logged.join('\n')).not.toContain(token);
    expect(logged.join('\n')).not.toContain(fromEnv);
    expect(logged.length).toBeGreaterThan(5);
  });
});
