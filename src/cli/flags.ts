import { INPUT_SPEC, type InputGroup, type InputKind, type InputSpec } from '../pipeline/input-spec.js';

/**
 * One command-line flag. Most flags are the action's inputs under the same name (from the one input
 * spec); the rest are the CLI's own: the build script's flags teams already type (`--env`,
 * `--version`, `--tag`, `--platform`) and what only a terminal needs (`--json`, `--summary`, `--help`).
 */
export interface FlagSpec {
  name: string;
  /** `list` flags may be repeated (each one a line); other flags may be given once. */
  kind: InputKind;
  description: string;
  /** What the value is, in the help (`FILE`, `REF`); booleans have none. */
  valueName?: string;
  /** The default the help shows. */
  default?: string;
  /** The action input this flag sets, when it is one. */
  input?: string;
  /** The input's group (for the help's sections); CLI flags have none. */
  group?: InputGroup;
  short?: string;
}

function inputFlag(spec: InputSpec): FlagSpec {
  const cliDefault = spec.cli && 'default' in spec.cli ? spec.cli.default : undefined;
  return {
    name: spec.name,
    kind: spec.kind,
    description: spec.description,
    ...(spec.kind !== 'boolean' && { valueName: spec.kind === 'list' ? 'LINE' : 'VALUE' }),
    ...((cliDefault ?? spec.default) !== undefined && { default: cliDefault ?? spec.default }),
    input: spec.name,
    group: spec.group,
  };
}

/** The action's inputs of these groups as flags, except those the CLI takes otherwise. */
export function inputFlags(groups: readonly InputGroup[], except: readonly string[] = []): FlagSpec[] {
  return INPUT_SPEC.filter(
    (spec) =>
      groups.includes(spec.group) && !(spec.cli && 'omitted' in spec.cli) && !except.includes(spec.name),
  ).map(inputFlag);
}

/** The environment policy's flags (the build script's): they make the `environment` input. */
export const ENVIRONMENT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'env',
    kind: 'string',
    valueName: 'NAME',
    description:
      'Environment to tag for, any name (dev, staging, prod, qa): the environment policy (docs/cli.md); the same as --environment NAME',
  },
  {
    name: 'version',
    kind: 'string',
    valueName: 'SEMVER',
    description:
      'Version of this build (1.0.0, 1.0.0-rc.1): tagged v<version>, and <version> in prod; needs --env',
  },
  {
    name: 'latest',
    kind: 'string',
    valueName: 'MODE',
    default: 'auto',
    description:
      'When the policy tags latest: auto (the floating-tag guard decides), always (the build script did; the guard is off), never; needs --env',
  },
  {
    name: 'timezone',
    kind: 'string',
    valueName: 'ZONE',
    default: 'UTC',
    description: 'IANA time zone of the <env>-<YYYYMMDD-HHmmss> tag; needs --env',
  },
];

export const TAG_FLAG: FlagSpec = {
  name: 'tag',
  kind: 'list',
  valueName: 'TAG',
  description: 'One more tag, as it is; the same as --tags type=raw,value=TAG',
};

export const PLATFORM_FLAG: FlagSpec = {
  name: 'platform',
  kind: 'list',
  valueName: 'PLATFORM',
  description: 'A target platform such as linux/arm64; the same as --platforms',
};

export const JSON_FLAG: FlagSpec = {
  name: 'json',
  kind: 'boolean',
  description:
    'Print the outputs as one JSON object on stdout, and nothing else there (progress stays on stderr)',
};

export const SUMMARY_FLAG: FlagSpec = {
  name: 'summary',
  kind: 'string',
  valueName: 'FILE',
  description: 'Write the report (markdown) to FILE, replacing it whole; the same as --report-file',
};

/** Flags every command has. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  {
    name: 'debug',
    kind: 'boolean',
    description:
      "Show debug lines, the builder's own output and an error's stack (also IMAGE_BUILD_DEBUG=true)",
  },
  { name: 'help', kind: 'boolean', short: 'h', description: 'Show the flags of this command' },
];

/** What the graph flags' values are, in the help (the spec's kinds say only VALUE or LINE). */
const GRAPH_VALUE_NAMES: Readonly<Record<string, string>> = {
  'images-file': 'FILE',
  only: 'NAME',
  concurrency: 'N',
};

/**
 * The graph inputs (src/pipeline/input-spec.ts) as flags, with their value names; listed first among
 * the command's own flags (no group), since they are what `graph` and `plan` are about.
 */
function graphFlags(except: readonly string[]): FlagSpec[] {
  return inputFlags(['graph'], except).map(({ group: _group, ...flag }) => ({
    ...flag,
    ...(GRAPH_VALUE_NAMES[flag.name] && { valueName: GRAPH_VALUE_NAMES[flag.name] }),
  }));
}

/** The images file's commands (`graph`, `plan`); the action's `plan` input is the `plan` command. */
export const GRAPH_FLAGS: readonly FlagSpec[] = graphFlags(['concurrency', 'reuse']);

/** How `graph` builds: the action's `concurrency` and `reuse`. */
export const GRAPH_RUN_FLAGS: readonly FlagSpec[] = graphFlags(['images-file', 'only']);

export const REPORT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'image',
    kind: 'string',
    valueName: 'IMAGE',
    description:
      'The image to report on (or give it as the argument): image:tag or image@digest in its registry, a docker save tarball, or an OCI layout directory',
  },
  {
    name: 'baseline',
    kind: 'string',
    valueName: 'IMAGE',
    description:
      'An image to compare with (the previous release), in the same forms: size and layer deltas; one that does not exist gives a notice',
  },
  {
    name: 'platform',
    kind: 'string',
    valueName: 'PLATFORM',
    description: 'The platform to report on when the image is an index (default: the first real one)',
  },
];
