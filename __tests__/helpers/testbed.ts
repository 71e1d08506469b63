import { readFileSync } from 'node:fs';
import { describe } from 'vitest';
import { MANIFEST_ACCEPT } from '../../src/registry/manifest.js';

/** Addresses of the real engine and registry, set by __tests__/e2e/global-setup.ts. */
export interface Testbed {
  dockerHost: string;
  docker: string;
  registry: string;
  registryLog: string;
  baseImage: string;
}

export function testbed(): Testbed {
  const need = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the e2e tests through vitest's e2e project`);
    return value;
  };
  return {
    dockerHost: need('DOCKER_HOST'),
    docker: need('IB_DOCKER'),
    registry: need('IB_REGISTRY'),
    registryLog: need('IB_REGISTRY_LOG'),
    baseImage: need('IB_BASE_IMAGE'),
  };
}

/** Environment for running Debian's docker client against the test engine with BuildKit. */
export function dockerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DOCKER_BUILDKIT: '1', DOCKER_HOST: testbed().dockerHost };
}

export interface RegistryRequest {
  method: string;
  path: string;
  status: number;
}

/**
 * The registry's access log (distribution 2.8, combined format), from a byte offset, so a test counts
 * only the requests it caused: take `registryLogSize()` before, `registryRequests(offset)` after.
 */
export function registryLogSize(): number {
  return readFileSync(testbed().registryLog).length;
}

export function registryRequests(fromOffset = 0, repository?: string): RegistryRequest[] {
  const text = readFileSync(testbed().registryLog).subarray(fromOffset).toString('utf8');
  const requests: RegistryRequest[] = [];
  for (const line of text.split('\n')) {
    const match = /^\S+ - \S+ \[[^\]]+\] "(\w+) (\S+) HTTP\/[\d.]+" (\d{3}) /.exec(line);
    if (!match) continue;
    const request = { method: match[1], path: match[2], status: Number(match[3]) };
    if (repository && !request.path.startsWith(`/v2/${repository}/`)) continue;
    requests.push(request);
  }
  return requests;
}

/** The three ways GitHub runners build, as the test bed sets them up (scripts/testbed.sh). */
export type BuilderName = 'buildx-remote' | 'buildx-docker' | 'classic';

export interface BuilderUnderTest {
  name: BuilderName;
  /** False when the machine has no buildx: the tests for it are skipped, never passed. */
  available: boolean;
  /** The docker client this builder goes through. */
  docker: string;
  /**
   * The environment the product runs in for this builder: its Docker config (the buildx plugin and
   * builder instances, or none for the classic builder), the selected builder, the client to use.
   */
  env: NodeJS.ProcessEnv;
}

/**
 * Every builder, buildx first (the runners' main path). `only` narrows the list for the slowest
 * scenarios; each capability still runs on all three somewhere in the suite.
 */
export function builders(only?: readonly BuilderName[]): BuilderUnderTest[] {
  const bed = testbed();
  const buildx = process.env.IB_BUILDX === 'available';
  const base: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: bed.dockerHost };
  delete base.BUILDX_BUILDER;
  const buildxEnv = (instance: string | undefined): NodeJS.ProcessEnv =>
    buildx
      ? {
          ...base,
          DOCKER_CONFIG: process.env.IB_BUILDX_CONFIG,
          BUILDX_BUILDER: instance,
          IB_DOCKER: process.env.IB_BUILDX_DOCKER,
        }
      : base;
  const all: BuilderUnderTest[] = [
    {
      name: 'buildx-remote',
      available: buildx,
      docker: process.env.IB_BUILDX_DOCKER ?? 'docker',
      env: buildxEnv(process.env.IB_BUILDX_REMOTE),
    },
    {
      name: 'buildx-docker',
      available: buildx,
      docker: process.env.IB_BUILDX_DOCKER ?? 'docker',
      env: buildxEnv(process.env.IB_BUILDX_DOCKER_DRIVER),
    },
    {
      name: 'classic',
      available: true,
      docker: bed.docker,
      env: {
        ...base,
        DOCKER_BUILDKIT: '1',
        IB_DOCKER: bed.docker,
        // No plugin in this config, so nothing finds buildx and the engine's BuildKit builds.
        ...(process.env.IB_CLASSIC_CONFIG ? { DOCKER_CONFIG: process.env.IB_CLASSIC_CONFIG } : {}),
      },
    },
  ];
  return only ? all.filter((builder) => only.includes(builder.name)) : all;
}

/**
 * One describe block per builder, buildx first, titled `<title> [<builder>]`. A builder this machine
 * lacks is `describe.skipIf`-ed: its tests count as skipped, never as passed.
 */
export function describeEachBuilder(
  title: string,
  body: (builder: BuilderUnderTest) => void,
  only?: readonly BuilderName[],
): void {
  for (const builder of builders(only))
    describe.skipIf(!builder.available)(`${title} [${builder.name}]`, () => body(builder));
}

/** An image as the test bed's registry serves it: read over plain HTTP, independently of the product. */
export interface RegistryImage {
  digest: string;
  mediaType: string;
  /** Compressed layer digests, in order (manifest `layers[].digest`). */
  layers: string[];
  config: {
    digest: string;
    config: { User?: string; Labels?: Record<string, string> };
    history?: { created_by?: string; empty_layer?: boolean }[];
  };
}

/** The manifest at `reference` (tag or digest), or undefined when the registry has none. */
export async function registryManifest(
  repository: string,
  reference: string,
): Promise<{ digest: string; mediaType: string; body: Record<string, unknown> } | undefined> {
  const response = await fetch(`http://${testbed().registry}/v2/${repository}/manifests/${reference}`, {
    headers: { Accept: MANIFEST_ACCEPT },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET manifest ${repository}:${reference}: HTTP ${response.status}`);
  const body = (await response.json()) as Record<string, unknown>;
  return {
    digest: response.headers.get('docker-content-digest') ?? '',
    mediaType: String(body.mediaType ?? response.headers.get('content-type') ?? ''),
    body,
  };
}

/** A single-platform image from the registry: its manifest's layers and its config. */
export async function registryImage(repository: string, reference: string): Promise<RegistryImage> {
  const manifest = await registryManifest(repository, reference);
  if (!manifest) throw new Error(`no image ${repository}:${reference} in the registry`);
  const body = manifest.body as { config?: { digest: string }; layers?: { digest: string }[] };
  if (!body.config || !body.layers) throw new Error(`${repository}:${reference} is not an image manifest`);
  const blob = await fetch(`http://${testbed().registry}/v2/${repository}/blobs/${body.config.digest}`);
  const config = (await blob.json()) as Omit<RegistryImage['config'], 'digest'>;
  return {
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    layers: body.layers.map((layer) => layer.digest),
    config: { ...config, digest: body.config.digest },
  };
}
