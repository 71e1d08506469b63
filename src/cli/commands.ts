import {
  COMMON_FLAGS,
  ENVIRONMENT_FLAGS,
  GRAPH_FLAGS,
  GRAPH_RUN_FLAGS,
  inputFlags,
  JSON_FLAG,
  PLATFORM_FLAG,
  REPORT_FLAGS,
  SUMMARY_FLAG,
  TAG_FLAG,
  type FlagSpec,
} from './flags.js';
import { GRAPH_PER_IMAGE_INPUTS } from '../pipeline/graph-inputs.js';

export type CommandName = 'tags' | 'build' | 'promote' | 'plan' | 'graph' | 'report';

/** One command: its flags (in help order), and example command lines the docs show and a test parses. */
export interface CommandSpec {
  name: CommandName;
  aliases: readonly string[];
  summary: string;
  flags: readonly FlagSpec[];
  /** The flag a lone argument stands for (`report IMAGE` is `report --image IMAGE`). */
  positional?: string;
  examples: readonly { description: string; argv: readonly string[] }[];
}

// Single-image inputs that an images file sets per image, or that a graph decides for itself.
const PER_IMAGE: readonly string[] = GRAPH_PER_IMAGE_INPUTS;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'build',
    aliases: [],
    summary: 'Compute the tags, build the image and, with --push, publish it; then the report',
    flags: [
      ...ENVIRONMENT_FLAGS,
      TAG_FLAG,
      PLATFORM_FLAG,
      ...inputFlags(['tags', 'build', 'cache', 'publish', 'ecr', 'report'], ['promote-from']),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS,
    ],
    examples: [
      {
        description: "The RAG team's build script: a release candidate for staging, pushed to ECR",
        argv: [
          'build',
          '--images',
          'rag-worker-{env}',
          '--env',
          'staging',
          '--version',
          '1.0.0-rc.1',
          '--registry',
          '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
          '--push',
        ],
      },
      {
        description: 'The same, moving latest to the release candidate as the script did',
        argv: [
          'build',
          '--images',
          'rag-worker-{env}',
          '--env',
          'staging',
          '--version',
          '1.0.0-rc.1',
          '--latest',
          'always',
          '--push',
        ],
      },
      {
        description: 'A production release without the build cache, with one more tag',
        argv: [
          'build',
          '--images',
          'ghcr.io/acme/api',
          '--env',
          'prod',
          '--version',
          '1.0.0',
          '--no-cache',
          '--tag',
          'stable',
          '--push',
        ],
      },
      {
        description: "metadata-action's tag rules, a registry cache and a report file",
        argv: [
          'build',
          '--images',
          'ghcr.io/acme/api',
          '--tags',
          'type=semver,pattern={{version}},value=1.2.3',
          '--tags',
          'type=sha',
          '--context',
          '.',
          '--file',
          'docker/Dockerfile',
          '--target',
          'runtime',
          '--cache',
          'registry',
          '--push',
          '--summary',
          'report.md',
        ],
      },
      {
        description: 'Two platforms, outputs as JSON for a script',
        argv: [
          'build',
          '--images',
          'ghcr.io/acme/api',
          '--env',
          'dev',
          '--platform',
          'linux/amd64',
          '--platform',
          'linux/arm64',
          '--push=true',
          '--json',
        ],
      },
    ],
  },
  {
    name: 'tags',
    aliases: [],
    summary: 'Compute the tags, labels and build args for the checkout and print them; builds nothing',
    flags: [...ENVIRONMENT_FLAGS, TAG_FLAG, ...inputFlags(['tags']), JSON_FLAG, ...COMMON_FLAGS],
    examples: [
      {
        description: 'What the staging policy would tag',
        argv: ['tags', '--images', 'rag-worker-{env}', '--env', 'staging', '--version', '1.0.0-rc.1'],
      },
      {
        description: 'The tags of a metadata-action rule, as JSON',
        argv: ['tags', '--images', 'ghcr.io/acme/api', '--tags', 'type=sha', '--json'],
      },
    ],
  },
  {
    name: 'promote',
    aliases: ['publish'],
    summary:
      'Publish an existing image under the computed tags, without building (nothing is uploaded twice)',
    flags: [
      ...ENVIRONMENT_FLAGS,
      TAG_FLAG,
      // Promote names its image: a release's reuse of its commit's image does not apply.
      ...inputFlags(['tags', 'publish', 'ecr', 'report'], ['push', 'reuse-commit', 'release-annotations']),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS,
    ],
    examples: [
      {
        description: 'Promote the image built for a commit to prod',
        argv: [
          'promote',
          '--images',
          'ghcr.io/acme/api',
          '--promote-from',
          'ghcr.io/acme/api:git-a1b2c3d',
          '--env',
          'prod',
          '--version',
          '1.0.0',
        ],
      },
      {
        description: 'The same command under its other name, with raw tags',
        argv: [
          'publish',
          '--images',
          'ghcr.io/acme/api',
          '--promote-from',
          'ghcr.io/acme/api:git-a1b2c3d',
          '--tag',
          'prod',
        ],
      },
    ],
  },
  {
    name: 'plan',
    aliases: [],
    summary: 'Print the images file as a plan (JSON): order, inputs hashes, what is already published',
    flags: [
      ...GRAPH_FLAGS,
      ...ENVIRONMENT_FLAGS,
      ...inputFlags(['tags', 'build', 'cache', 'publish', 'ecr'], PER_IMAGE),
      JSON_FLAG,
      ...COMMON_FLAGS,
    ],
    examples: [
      {
        description: 'The plan a workflow fans out over a matrix',
        argv: ['plan', '--images-file', 'image-build.yml', '--registry', 'ghcr.io/acme', '--json'],
      },
    ],
  },
  {
    name: 'graph',
    aliases: [],
    summary: 'Build the images file: parents first, unchanged images reused, one report for all',
    flags: [
      ...GRAPH_FLAGS,
      ...GRAPH_RUN_FLAGS,
      ...ENVIRONMENT_FLAGS,
      PLATFORM_FLAG,
      ...inputFlags(['tags', 'build', 'cache', 'publish', 'ecr', 'report'], PER_IMAGE),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS,
    ],
    examples: [
      {
        description: 'Build and publish the whole graph',
        argv: ['graph', '--images-file', 'image-build.yml', '--registry', 'ghcr.io/acme', '--push'],
      },
      {
        description: 'One image of it, in one job of a matrix',
        argv: ['graph', '--only', 'embedder', '--registry', 'ghcr.io/acme', '--push', '--concurrency', '1'],
      },
    ],
  },
  {
    name: 'report',
    aliases: [],
    summary:
      'Report on an image: size, layers, files, base, checks; from its registry, a docker save tarball or an OCI layout (no daemon needed)',
    positional: 'image',
    flags: [
      ...REPORT_FLAGS,
      ...inputFlags(['tags'], []).filter((flag) => flag.name === 'registry'),
      ...inputFlags(
        ['report'],
        ['report-file', 'report-baseline', 'smoke-test', 'smoke-test-timeout', 'smoke-test-network'],
      ),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS,
    ],
    examples: [
      {
        description: 'A release against the one before it',
        argv: ['report', 'ghcr.io/acme/api:1.1.0', '--baseline', 'ghcr.io/acme/api:1.0.0'],
      },
      {
        description: 'A tarball from docker save, as a dive replacement without a daemon',
        argv: ['report', 'api.tar'],
      },
      {
        description: 'One platform of a multi-platform image, as JSON',
        argv: ['report', 'ghcr.io/acme/api:1.1.0', '--platform', 'linux/arm64', '--json'],
      },
    ],
  },
];

/** The command a word names (its name or an alias). */
export function findCommand(word: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === word || command.aliases.includes(word));
}
