import { createHash } from 'node:crypto';
import { InputError } from '../util/errors.js';
import { versionAtLeast } from '../util/version.js';
import type { CommandRunner } from '../util/exec.js';

/** buildx with a named builder instance. */
export interface BuildxBuilder {
  kind: 'buildx';
  /** The docker client that has the buildx plugin. */
  docker: string;
  version: string;
  /** Builder instance name and driver (docker, docker-container, kubernetes, remote). */
  name: string;
  driver: string;
  platforms: string[];
  /** The BuildKit version of the builder's first node (`0.11.6`); the engine's version on the docker driver. */
  buildkitVersion?: string;
  /** Whether the driver can export cache to gha/registry/local (the `docker` driver cannot). */
  canExportCache: boolean;
}

/** The engine's built-in BuildKit through `docker build` with DOCKER_BUILDKIT=1. */
export interface ClassicBuilder {
  kind: 'classic';
  docker: string;
  engineVersion: string;
  platforms: string[];
}

export type Builder = BuildxBuilder | ClassicBuilder;

/** No engine could be reached: the message says how to get one. */
export class BuilderUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `no container builder available (${detail}). Install Docker with the buildx plugin ` +
        '(on GitHub runners: docker/setup-buildx-action), or start a Docker engine and set DOCKER_HOST.',
    );
    this.name = 'BuilderUnavailableError';
  }
}

/** Parses `docker buildx version` (`github.com/docker/buildx v0.21.1 abc`) into `0.21.1`. */
export function parseBuildxVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}

/** Parses `docker buildx inspect`: name, driver, BuildKit version and platforms of the first node. */
export function parseBuildxInspect(output: string): {
  name: string;
  driver: string;
  platforms: string[];
  buildkitVersion?: string;
} {
  const field = (label: string) => new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(output)?.[1].trim() ?? '';
  const buildkit = /^v?(\d+\.\d+\.\d+)/.exec(field('Buildkit'))?.[1];
  return {
    name: field('Name'),
    driver: field('Driver'),
    platforms: field('Platforms')
      .split(',')
      .map((platform) => platform.replace(/\*$/, '').trim())
      .filter(Boolean),
    ...(buildkit ? { buildkitVersion: buildkit } : {}),
  };
}

export interface DetectBuilderOptions {
  /** Docker clients to try, in order; default: $IB_DOCKER, `docker`, `/usr/bin/docker`. */
  clients?: string[];
  /** The `builder` input: a buildx instance name. */
  builder?: string;
}

/**
 * Prefers buildx; falls back to the classic builder through a client that still speaks BuildKit
 * itself (clients from 23.0 on hand `docker build` to buildx and refuse without it).
 */
export async function detectBuilder(
  runner: CommandRunner,
  env: NodeJS.ProcessEnv,
  options: DetectBuilderOptions = {},
): Promise<Builder> {
  const clients = [
    ...new Set(options.clients ?? [env.IB_DOCKER, 'docker', '/usr/bin/docker'].filter(isText)),
  ];
  const run = async (docker: string, args: string[]) => {
    try {
      return await runner.run(docker, args, { env });
    } catch {
      return { exitCode: 127, stdout: '', stderr: `${docker} not found` };
    }
  };
  const problems: string[] = [];
  for (const docker of clients) {
    const version = await run(docker, ['buildx', 'version']);
    const buildxVersion = version.exitCode === 0 ? parseBuildxVersion(version.stdout) : undefined;
    if (!buildxVersion) continue;
    // --bootstrap starts a stopped builder, so its platforms are known before anything is built.
    const inspect = await run(docker, [
      'buildx',
      'inspect',
      '--bootstrap',
      ...(options.builder ? [options.builder] : []),
    ]);
    if (inspect.exitCode !== 0) {
      const reason = inspect.stderr.trim().split('\n').pop() ?? '';
      // A named builder that buildx cannot find is a typo or a missing setup step, not a reason to
      // quietly build somewhere else.
      if (options.builder) {
        throw new InputError(
          'builder',
          `no usable buildx builder "${options.builder}" (${reason || 'buildx inspect failed'}); ` +
            'list them with `docker buildx ls`, or leave builder empty to use the current one',
        );
      }
      problems.push(`${docker} buildx inspect: ${reason}`);
      continue;
    }
    const info = parseBuildxInspect(inspect.stdout);
    return {
      kind: 'buildx',
      docker,
      version: buildxVersion,
      name: info.name,
      driver: info.driver,
      platforms: info.platforms,
      ...(info.buildkitVersion ? { buildkitVersion: info.buildkitVersion } : {}),
      canExportCache: info.driver !== 'docker',
    };
  }
  for (const docker of clients) {
    const result = await run(docker, [
      'version',
      '--format',
      '{{.Client.Version}} {{.Server.Version}} {{.Server.Os}}/{{.Server.Arch}}',
    ]);
    const [client, server, platform] = result.stdout.trim().split(' ');
    if (result.exitCode !== 0 || !server) {
      problems.push(`${docker}: ${(result.stderr || result.stdout).trim().split('\n')[0] || 'no engine'}`);
      continue;
    }
    if (versionAtLeast(client, '23.0.0')) {
      problems.push(`${docker} ${client} needs the buildx plugin for BuildKit builds`);
      continue;
    }
    return { kind: 'classic', docker, engineVersion: server, platforms: platform ? [platform] : [] };
  }
  throw new BuilderUnavailableError(problems.join('; ') || 'no docker client found');
}

function isText(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * The engine builds the image and keeps it (the classic builder, buildx's docker driver): the image
 * is in the engine afterwards, and a push is a separate `docker push` of it.
 */
export function buildsIntoEngine(builder: Builder): boolean {
  return builder.kind === 'classic' || builder.driver === 'docker';
}

export interface RemoteBuilderOptions {
  /** The BuildKit daemon's address: `tcp://host:port`, `unix:///path`, … */
  endpoint: string;
  /** `--driver-opt` values (mTLS: `cacert=…`, `cert=…`, `key=…`, `servername=…`). */
  driverOpts?: readonly string[];
  /** Docker clients to try for buildx, as detectBuilder does. */
  clients?: string[];
}

const ENDPOINT = /^(tcp|unix|ssh):\/\/\S+$/;

/**
 * A buildx `remote` builder over a BuildKit daemon, for teams whose builds outgrow one runner: made
 * once under a name derived from the endpoint and its options (a later run, or the next image of a
 * graph, reuses it), and returned by name for detectBuilder and `--builder`.
 */
export async function ensureRemoteBuilder(
  runner: CommandRunner,
  env: NodeJS.ProcessEnv,
  options: RemoteBuilderOptions,
): Promise<string> {
  const endpoint = options.endpoint.trim();
  if (!ENDPOINT.test(endpoint)) {
    throw new InputError(
      'buildkit-endpoint',
      `"${endpoint}" is not a BuildKit address: use tcp://host:port, unix:///path/to/buildkitd.sock or ssh://user@host`,
    );
  }
  const opts = options.driverOpts ?? [];
  for (const opt of opts) {
    if (!/^[a-z][a-z0-9-]*=\S*$/.test(opt))
      throw new InputError('buildkit-driver-opts', `"${opt}" must be key=value (e.g. cacert=/path/ca.pem)`);
  }
  const name = `image-build-${createHash('sha256')
    .update([endpoint, ...opts].join('\n'))
    .digest('hex')
    .slice(0, 12)}`;
  const clients = [
    ...new Set(options.clients ?? [env.IB_DOCKER, 'docker', '/usr/bin/docker'].filter(isText)),
  ];
  for (const docker of clients) {
    const version = await runner.run(docker, ['buildx', 'version'], { env }).catch(() => undefined);
    if (!version || version.exitCode !== 0) continue;
    const existing = await runner.run(docker, ['buildx', 'inspect', name], { env });
    if (existing.exitCode === 0) return name;
    const created = await runner.run(
      docker,
      [
        'buildx',
        'create',
        '--name',
        name,
        '--driver',
        'remote',
        ...opts.flatMap((opt) => ['--driver-opt', opt]),
        endpoint,
      ],
      { env },
    );
    if (created.exitCode !== 0) {
      throw new InputError(
        'buildkit-endpoint',
        `buildx could not make a remote builder for ${endpoint}: ${(created.stderr || created.stdout).trim().split('\n').pop() ?? ''}`,
      );
    }
    return name;
  }
  throw new BuilderUnavailableError(
    'buildkit-endpoint needs the buildx plugin, and no docker client here has it',
  );
}
