import { expect, it } from 'vitest';
import { buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import type { BuildInputs } from '../../src/build/inputs.js';
import type { CommandRunner } from '../../src/util/exec.js';
import { processRunner } from '../../src/util/exec.js';
import { InputError } from '../../src/util/errors.js';
import { silentLogger } from '../../src/util/log.js';
import { copyGateway } from '../helpers/build-fixture.js';
import { type BuilderName, describeEachBuilder, testbed } from '../helpers/testbed.js';

type Case = [string, Partial<BuildInputs>, string];

const gateway = copyGateway();
const EVERY_BUILDER: Case[] = [
  ['unknown target', { target: 'tests' }, 'target'],
  ['missing Dockerfile', { file: `${gateway.dir}/Dockerfile.prod` }, 'file'],
  ['unknown cache preset', { cache: 'redis' }, 'cache'],
  [
    'malformed cache-to',
    { cacheTo: parseListInput('type=registry,mode=max', { ignoreComma: true }) },
    'cache-to',
  ],
  ['a platform the builder lacks', { platforms: ['linux/riscv64'] }, 'platforms'],
];
const NO_BUILDER: Case = [
  'a builder instance that does not exist',
  { builder: 'no-such-builder' },
  'builder',
];
/** What each builder refuses beyond the common cases. */
const BY_BUILDER: Record<BuilderName, Case[]> = {
  'buildx-remote': [NO_BUILDER],
  'buildx-docker': [
    NO_BUILDER,
    // The docker driver exports inline cache only: asking for more by name is an error, not a fallback.
    ['a registry cache on the docker driver', { cache: 'registry' }, 'cache'],
    [
      'a cache-to the docker driver cannot export',
      {
        cacheTo: parseListInput(`type=registry,ref=${testbed().registry}/build/bad-input:cache`, {
          ignoreComma: true,
        }),
      },
      'cache-to',
    ],
  ],
  classic: [
    ['two platforms at once', { platforms: ['linux/amd64', 'linux/386'] }, 'platforms'],
    [
      'an image exporter',
      { outputs: parseListInput('type=image,push=true', { ignoreComma: true }) },
      'outputs',
    ],
  ],
};

describeEachBuilder(
  'bad input against the real builder: an InputError before any build or push',
  (builder) => {
    it.each([...EVERY_BUILDER, ...BY_BUILDER[builder.name]])('%s', async (_name, overrides, input) => {
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
        env: builder.env,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe(input);
      // Only builder detection ran: no build, no push.
      expect(commands.filter((command) => /^((build|push)( |$)|buildx build)/.test(command))).toEqual([]);
      expect(commands.length).toBeGreaterThan(0);
    });
  },
);
