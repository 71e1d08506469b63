import { describe, expect, it } from 'vitest';
import { buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import type { BuildInputs } from '../../src/build/inputs.js';
import type { CommandRunner } from '../../src/util/exec.js';
import { processRunner } from '../../src/util/exec.js';
import { InputError } from '../../src/util/errors.js';
import { silentLogger } from '../../src/util/log.js';
import { copyGateway } from '../helpers/build-fixture.js';
import { dockerEnv, testbed } from '../helpers/testbed.js';

describe('bad input against the real engine: an InputError before any build or push', () => {
  const gateway = copyGateway();
  const cases: [string, Partial<BuildInputs>, string][] = [
    ['unknown target', { target: 'tests' }, 'target'],
    ['missing Dockerfile', { file: `${gateway.dir}/Dockerfile.prod` }, 'file'],
    ['unknown cache preset', { cache: 'redis' }, 'cache'],
    [
      'malformed cache-to',
      { cacheTo: parseListInput('type=registry,mode=max', { ignoreComma: true }) },
      'cache-to',
    ],
    ['a platform the engine lacks', { platforms: ['linux/riscv64'] }, 'platforms'],
  ];
  it.each(cases)('%s', async (_name, overrides, input) => {
    const commands: string[] = [];
    const recording: CommandRunner = {
      run: (file, args, options) => {
        commands.push(args.slice(0, 2).join(' '));
        return processRunner.run(file, args, options);
      },
    };
    const error = await buildImage({
      inputs: defaultBuildInputs({
        context: gateway.dir,
        buildArgs: parseListInput(`BASE_IMAGE=${testbed().baseImage}`, { ignoreComma: true }),
        tags: [`${testbed().registry}/build/bad-input:1`],
        push: true,
        ...overrides,
      }),
      runner: recording,
      logger: silentLogger,
      env: dockerEnv(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    // Only builder detection ran: no build, no push.
    expect(commands.filter((command) => /^((build|push)( |$)|buildx build)/.test(command))).toEqual([]);
    expect(commands.length).toBeGreaterThan(0);
  });
});
