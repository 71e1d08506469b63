/**
 * Every input of the main action, written once: `action.yml` must match this list exactly (a unit
 * test compares names, descriptions and defaults), the action reads its inputs through it, and the CLI
 * turns each entry into a `--<name>` flag with the same description in its help and in docs/cli.md.
 */

/** How a value is read: a single string, a boolean (src/util/boolean.ts), or a list of lines. */
export type InputKind = 'string' | 'boolean' | 'list';

export type InputGroup = 'tags' | 'build' | 'cache' | 'publish' | 'ecr' | 'report' | 'graph';

export interface InputSpec {
  name: string;
  kind: InputKind;
  group: InputGroup;
  /** One sentence, true to the code: action.yml's description and the CLI's help text. */
  description: string;
  /** action.yml's `default`, exactly as written there. */
  default?: string;
  /** Surrounding whitespace is part of the value (a separator may be a newline or a space). */
  untrimmed?: boolean;
  /** The value may be a secret: on a command line it is visible to every process (`ps`). */
  sensitive?: boolean;
  /**
   * How the CLI takes this input: as `--<name>` (the default), or not at all, with the reason (the
   * CLI has no job summary; its `--summary FILE` writes the report file).
   */
  cli?: { omitted: string } | { default: string };
}

export const INPUT_GROUP_TITLES: Record<InputGroup, string> = {
  tags: 'Tags (docker/metadata-action syntax)',
  build: 'Build (docker/build-push-action names and meaning)',
  cache: 'Cache',
  publish: 'Publish',
  ecr: 'AWS ECR',
  report: 'Report',
  graph: 'Graph (an images file)',
};

export const INPUT_SPEC: readonly InputSpec[] = [
  {
    name: 'images',
    kind: 'list',
    group: 'tags',
    description:
      'Image names, one per line (or `name=…,enable=…`); every computed tag is applied to each. `{env}` is replaced by the environment name; a name without a registry gets `registry`',
  },
  {
    name: 'tags',
    kind: 'list',
    group: 'tags',
    description:
      "Tag rules, one CSV entry per line, as docker/metadata-action's `tags`; or, with `images` empty, whole image references as build-push-action takes them",
  },
  {
    name: 'flavor',
    kind: 'list',
    group: 'tags',
    description:
      "`latest=auto|true|false`, `prefix=…`, `suffix=…` (each with `,onlatest=true`), as metadata-action's `flavor`",
  },
  {
    name: 'labels',
    kind: 'list',
    group: 'tags',
    description: 'Extra labels (`key=value` lines); override the generated OCI labels by key',
  },
  {
    name: 'annotations',
    kind: 'list',
    group: 'tags',
    description: 'Extra annotations (`key=value` lines); override the generated ones by key',
  },
  {
    name: 'environment',
    kind: 'string',
    group: 'tags',
    description:
      'Tagging policy for an environment of any name: `staging`, `prod,version=1.0.0`; more keys `latest=auto|always|never`, `timezone=<IANA zone>` (docs/cli.md)',
  },
  {
    name: 'registry',
    kind: 'string',
    group: 'tags',
    description:
      'Registry (host, optionally with a path) for image names in `images`, `extra-images` and `promote-from` that name none',
    cli: { default: 'the IMAGE_BUILD_REGISTRY environment variable' },
  },
  {
    name: 'sep-tags',
    kind: 'string',
    group: 'tags',
    description: 'Separator of the tags and tag-names outputs (default a newline)',
    untrimmed: true,
  },
  {
    name: 'sep-labels',
    kind: 'string',
    group: 'tags',
    description: 'Separator of the labels output (default a newline)',
    untrimmed: true,
  },
  {
    name: 'sep-annotations',
    kind: 'string',
    group: 'tags',
    description: 'Separator of the annotations output (default a newline)',
    untrimmed: true,
  },
  {
    name: 'metadata-context',
    kind: 'string',
    group: 'tags',
    description: 'Where the git ref and sha come from: `workflow` (event) or `git` (the checkout)',
    default: 'workflow',
    cli: { default: '`git` outside GitHub Actions' },
  },
  {
    name: 'github-token',
    kind: 'string',
    group: 'tags',
    description:
      'Token to read the repository (description, license, default branch) and the commit date for the OCI labels',
    default: '${{ github.token }}',
    sensitive: true,
    cli: { default: 'the GITHUB_TOKEN environment variable' },
  },
  { name: 'context', kind: 'string', group: 'build', description: 'Build context (path)', default: '.' },
  {
    name: 'file',
    kind: 'string',
    group: 'build',
    description: 'Path to the Dockerfile (default `<context>/Dockerfile`)',
  },
  {
    name: 'target',
    kind: 'string',
    group: 'build',
    description: "Stage to build; checked against the Dockerfile's stages before building",
  },
  {
    name: 'build-args',
    kind: 'list',
    group: 'build',
    description:
      'Build arguments, one `NAME=value` per line (a bare `NAME` takes its value from the environment); commas stay in the value',
  },
  {
    name: 'build-contexts',
    kind: 'list',
    group: 'build',
    description: 'Additional named contexts (`name=path|docker-image://…`), one per line',
  },
  {
    name: 'platforms',
    kind: 'list',
    group: 'build',
    description: 'Target platforms (comma or newline separated)',
  },
  {
    name: 'load',
    kind: 'boolean',
    group: 'build',
    description: "Load the result into the engine's image store",
    default: 'false',
  },
  {
    name: 'outputs',
    kind: 'list',
    group: 'build',
    description: 'Raw builder outputs (`type=…`), one per line',
  },
  { name: 'network', kind: 'string', group: 'build', description: 'Network mode for RUN instructions' },
  {
    name: 'no-cache',
    kind: 'boolean',
    group: 'build',
    description: 'Build without any cache',
    default: 'false',
  },
  {
    name: 'no-cache-filters',
    kind: 'list',
    group: 'build',
    description: 'Stages to build without cache (comma or newline separated)',
  },
  {
    name: 'pull',
    kind: 'boolean',
    group: 'build',
    description: 'Always pull newer versions of base images',
    default: 'false',
  },
  {
    name: 'secrets',
    kind: 'list',
    group: 'build',
    description:
      'Secrets `id=value`, one per line; each value reaches the builder through its process environment, never argv or logs',
    sensitive: true,
  },
  {
    name: 'secret-envs',
    kind: 'list',
    group: 'build',
    description: 'Secrets from environment variables `id=ENV_NAME`',
  },
  { name: 'secret-files', kind: 'list', group: 'build', description: 'Secrets from files `id=path`' },
  {
    name: 'ssh',
    kind: 'list',
    group: 'build',
    description: 'SSH agent sockets or keys to expose (`default` or `id=path`)',
  },
  {
    name: 'add-hosts',
    kind: 'list',
    group: 'build',
    description: 'Custom host-to-IP mappings (`host:ip`)',
  },
  { name: 'shm-size', kind: 'string', group: 'build', description: 'Size of /dev/shm for RUN (e.g. `2g`)' },
  {
    name: 'ulimit',
    kind: 'list',
    group: 'build',
    description: 'Ulimit options (`nofile=1024:1024`), one per line',
  },
  {
    name: 'provenance',
    kind: 'string',
    group: 'build',
    description: 'Provenance attestation (buildx); default keeps a single-platform image a plain manifest',
  },
  { name: 'sbom', kind: 'string', group: 'build', description: 'SBOM attestation (buildx)' },
  { name: 'builder', kind: 'string', group: 'build', description: 'buildx builder instance to use' },
  {
    name: 'buildkit-endpoint',
    kind: 'string',
    group: 'build',
    description:
      'A BuildKit daemon to build on (`tcp://host:1234`, `unix:///path/buildkitd.sock`): a buildx `remote` builder over it is created once and used instead of `builder`',
  },
  {
    name: 'buildkit-driver-opts',
    kind: 'list',
    group: 'build',
    description:
      'Options of that remote builder, one `--driver-opt` per line: `cacert=…`, `cert=…`, `key=…`, `servername=…` for mTLS',
  },
  {
    name: 'cache',
    kind: 'string',
    group: 'cache',
    description: 'Cache preset: `auto`, `gha[=scope]`, `registry[=ref]`, `local[=dir]`, `inline` or `none`',
    default: 'auto',
  },
  {
    name: 'cache-from',
    kind: 'list',
    group: 'cache',
    description:
      "More cache sources (`type=…`), one per line, imported after the preset's (the classic builder takes `type=registry` only)",
  },
  {
    name: 'cache-to',
    kind: 'list',
    group: 'cache',
    description:
      "Cache export (`type=…`); on buildx it replaces the preset's, the classic builder exports inline cache only",
  },
  {
    name: 'push',
    kind: 'boolean',
    group: 'publish',
    description: 'Publish: the builder pushes one tag, every other tag is a manifest PUT',
    default: 'false',
  },
  {
    name: 'guard-floating-tags',
    kind: 'boolean',
    group: 'publish',
    description:
      'Move `latest`, `<major>` and `<major>.<minor>` only forward in semver (an environment with `latest=always` turns it off)',
    default: 'true',
  },
  {
    name: 'primary-tag',
    kind: 'string',
    group: 'publish',
    description: 'The tag the builder pushes (default: the most specific, a version or sha tag)',
  },
  {
    name: 'promote-from',
    kind: 'string',
    group: 'publish',
    description:
      'Publish an existing `image:tag` or `image@digest` under the computed tags, without building',
  },
  {
    name: 'extra-images',
    kind: 'list',
    group: 'publish',
    description: 'More image names (other registries) that get the same image and tags',
  },
  {
    name: 'reuse-commit',
    kind: 'string',
    group: 'publish',
    description:
      '`true`: publish the image already published for this commit (found by the tag among the tags that names it, e.g. `sha-abc1234`, one request per repository) instead of building, and build when there is none; `false`: always build; `auto`: `true` on release runs (a version tag, a `release` event, a `workflow_dispatch` with a `version` input) unless the Dockerfile declares `ARG VERSION` or `ARG ENVIRONMENT`, else `false`',
    default: 'auto',
  },
  {
    name: 'release-annotations',
    kind: 'boolean',
    group: 'publish',
    description:
      "A reused image is published as a new OCI manifest over the same config and layers that carries the release's annotations (`org.opencontainers.image.version`, `created`, `revision`, `source`, …); `false` publishes the commit's own manifest (same digest)",
    default: 'true',
  },
  {
    name: 'aws-region',
    kind: 'string',
    group: 'ecr',
    description:
      'Region of the ECR API calls; the region in the image reference by default, and it must match it',
  },
  {
    name: 'ecr-create-repository',
    kind: 'boolean',
    group: 'ecr',
    description: 'Create the ECR repository when it does not exist',
    default: 'true',
  },
  {
    name: 'ecr-scan-on-push',
    kind: 'boolean',
    group: 'ecr',
    description: 'Scan on push for repositories this action creates (an existing one is left as it is)',
    default: 'true',
  },
  {
    name: 'ecr-tag-mutability',
    kind: 'string',
    group: 'ecr',
    description:
      'Tag mutability of a created repository: `MUTABLE`, `IMMUTABLE`, `MUTABLE_WITH_EXCLUSION` or `IMMUTABLE_WITH_EXCLUSION`',
    default: 'MUTABLE',
  },
  {
    name: 'ecr-tag-mutability-exclusions',
    kind: 'list',
    group: 'ecr',
    description: 'Wildcard filters for the *_WITH_EXCLUSION mutabilities, one per line',
  },
  {
    name: 'ecr-encryption',
    kind: 'string',
    group: 'ecr',
    description: 'Encryption of a created repository: `AES256`, `KMS` or `KMS_DSSE`',
    default: 'AES256',
  },
  { name: 'ecr-kms-key', kind: 'string', group: 'ecr', description: 'KMS key for `KMS` encryption' },
  {
    name: 'ecr-repository-tags',
    kind: 'list',
    group: 'ecr',
    description: 'Resource tags for a created repository, `Key=Value` lines',
  },
  {
    name: 'ecr-lifecycle-expire-untagged-days',
    kind: 'string',
    group: 'ecr',
    description:
      'Lifecycle rule: expire untagged images after N days (set on a repository that has no lifecycle policy)',
  },
  {
    name: 'ecr-wait-for-scan',
    kind: 'string',
    group: 'ecr',
    description: 'Seconds to wait for scan-on-push findings (0: do not wait)',
    default: '120',
  },
  {
    name: 'summary',
    kind: 'boolean',
    group: 'report',
    description: 'Write the size and cache report to the job summary',
    default: 'true',
    cli: { omitted: 'the CLI has no job summary; `--summary FILE` writes the report file' },
  },
  {
    name: 'report-file',
    kind: 'string',
    group: 'report',
    description:
      'Also write the report (markdown) to this path; the file is replaced whole, and a symlink there is replaced, never followed',
  },
  {
    name: 'comment',
    kind: 'boolean',
    group: 'report',
    description:
      'On pull_request and pull_request_target runs, keep one comment per image on the pull request with the condensed report, updated in place (skipped with a notice where the token may not write, as on forks; never fails the run)',
    default: 'true',
    cli: { omitted: 'the CLI does not comment on pull requests; the action does' },
  },
  {
    name: 'report-contents',
    kind: 'boolean',
    group: 'report',
    description:
      "Read every layer's files (streamed, memory does not grow with the image) for efficiency, waste, largest files, duplicates and the file checks; `false` reports sizes and layers only",
    default: 'true',
  },
  {
    name: 'report-contents-limit',
    kind: 'string',
    group: 'report',
    description:
      'Skip the file-level analysis, with a notice, when the layers to read are larger than this (compressed from a registry or OCI layout, on disk from the engine): `2GiB`, `500MB`',
    default: '2GiB',
  },
  {
    name: 'report-baseline',
    kind: 'string',
    group: 'report',
    description:
      "Image to compare with: `image:tag`, `image@digest` or a tag of the first image; default on a pull request the base branch's tag, on a release the previous version; `none` for no comparison. A baseline that does not exist gives a notice, not a failure",
  },
  {
    name: 'report-checks',
    kind: 'list',
    group: 'report',
    description:
      'Check levels, `check=level` (`fail`, `warn` or `off`), comma or newline separated: non-root, healthcheck, build-tools, package-caches, secrets, base-pinned, size-budget, layer-count, efficiency, vulnerabilities, smoke-test (defaults in docs/reports.md)',
  },
  {
    name: 'size-budget',
    kind: 'list',
    group: 'report',
    description:
      'Size limits of the size-budget check: `compressed=250MiB`, `uncompressed=1GiB`, growth over the baseline `growth=10%` (default) and `growth-bytes=50MiB`; growth under `growth-floor=10MiB` (default) never counts',
  },
  {
    name: 'max-layers',
    kind: 'string',
    group: 'report',
    description: 'Most layers the layer-count check allows',
    default: '50',
  },
  {
    name: 'min-efficiency',
    kind: 'string',
    group: 'report',
    description: "Lowest layer efficiency the efficiency check allows (dive's measure): `90%` or `0.9`",
    default: '90%',
  },
  {
    name: 'storage-price',
    kind: 'string',
    group: 'report',
    description: "Registry storage price in USD per GB-month, for the report's cost line (ECR's is 0.10)",
    default: '0.10',
  },
  {
    name: 'smoke-test',
    kind: 'string',
    group: 'report',
    description:
      'Run the image before the report and wait for it: `healthcheck` (its HEALTHCHECK turns healthy; without one it must stay up 3 s), or a probe run in the container until it exits 0 (text through `sh -c`, a JSON array as is); off by default',
  },
  {
    name: 'smoke-test-timeout',
    kind: 'string',
    group: 'report',
    description: 'Seconds the smoke test waits at most',
    default: '30',
  },
  {
    name: 'smoke-test-network',
    kind: 'string',
    group: 'report',
    description: 'Network of the smoke test container: `none` or `host`',
    default: 'none',
  },
  {
    name: 'images-file',
    kind: 'string',
    group: 'graph',
    description:
      'An images file (each image with its context, Dockerfile, args and depends-on): build its images, parents first, unchanged ones reused, instead of one image',
    cli: { default: 'image-build.yml' },
  },
  {
    name: 'only',
    kind: 'list',
    group: 'graph',
    description:
      'Only these images of the images file (comma or newline separated), as one job of a matrix does; their parents must already be published',
  },
  {
    name: 'concurrency',
    kind: 'string',
    group: 'graph',
    description: 'How many images of the images file build at once',
    default: '2',
  },
  {
    name: 'reuse',
    kind: 'boolean',
    group: 'graph',
    description:
      'Reuse a published image of the images file whose inputs are unchanged instead of building it (`false` builds)',
    default: 'true',
  },
  {
    name: 'plan',
    kind: 'boolean',
    group: 'graph',
    description:
      'Only plan the images file (the `plan` output, for a matrix): order, inputs hashes, what is already published; builds nothing',
    default: 'false',
    cli: { omitted: 'the CLI has the `plan` command' },
  },
];

const BY_NAME = new Map(INPUT_SPEC.map((spec) => [spec.name, spec]));

/** The spec of one input; throws for a name the action does not have (a bug, not bad input). */
export function inputSpec(name: string): InputSpec {
  const spec = BY_NAME.get(name);
  if (!spec) throw new Error(`"${name}" is not an input of the action`);
  return spec;
}

/** Inputs whose surrounding whitespace is part of the value. */
export const UNTRIMMED_INPUTS: ReadonlySet<string> = new Set(
  INPUT_SPEC.filter((spec) => spec.untrimmed).map((spec) => spec.name),
);
