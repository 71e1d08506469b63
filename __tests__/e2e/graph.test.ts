import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphImageRow } from '../../src/graph/index.js';
import { runGraph, type GraphRunResult } from '../../src/pipeline/graph.js';
import { createRegistryClient, manifestBlobs } from '../../src/registry/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { recordingRunner } from '../helpers/ecr-recorders.js';
import { builders, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

const examples = fileURLToPath(new URL('../../examples/graph/', import.meta.url));
const unique = `${process.pid}-${Date.now()}`;
const NAMES = ['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway'];

const byName = (result: GraphRunResult) =>
  Object.fromEntries(result.rows.map((row) => [row.name, row])) as Record<string, GraphImageRow>;
const statuses = (result: GraphRunResult) =>
  Object.fromEntries(result.rows.map((row) => [row.name, row.status]));

/** The builder processes a run started: `docker build`, `docker buildx build`, `docker push`. */
const builderProcesses = (runner: ReturnType<typeof recordingRunner>) =>
  runner.commands
    .map((command) => command.args)
    .filter((args) => args.includes('build') || args.includes('push'))
    .map((args) => args.join(' '));

for (const builder of builders()) {
  describe.skipIf(!builder.available)(`the example graph on ${builder.name}`, () => {
    const bed = testbed();
    const prefix = `graph-e2e/${builder.name}-${unique}`;
    const registry = `${bed.registry}/${prefix}`;
    const client = createRegistryClient({ registry: bed.registry });
    const dir = mkdtempSync(join(tmpdir(), 'ib-graph-e2e-'));
    cpSync(examples, dir, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...builder.env,
      RUNTIME_FROM: bed.baseImage,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
    };
    delete env.GITHUB_EVENT_PATH;
    const inputs: Record<string, string> = { push: 'true', network: 'none' };
    const run = async (sha: string) => {
      const runner = recordingRunner(processRunner);
      const logBefore = registryLogSize();
      const result = await runGraph(
        { file: join(dir, 'image-build.yml'), read: (name) => inputs[name] ?? '', registry },
        { env: { ...env, GITHUB_SHA: sha.repeat(40 / sha.length) }, runner, logger: silentLogger },
      );
      const requests = registryRequests(logBefore).filter((request) =>
        request.path.startsWith(`/v2/${prefix}/`),
      );
      return { result, runner, requests };
    };
    /** The layers of the image a row published (config first, then layers). */
    const layers = async (row: GraphImageRow) =>
      manifestBlobs((await client.getManifest(`${prefix}/${row.name}`, row.digest as string)).bytes)
        .slice(1)
        .map((blob) => blob.digest);
    /** A child is built on its parent: the parent's layers are the first of its own. */
    const expectOnParent = async (rows: Record<string, GraphImageRow>, child: string, parent: string) => {
      const parentLayers = await layers(rows[parent]);
      expect((await layers(rows[child])).slice(0, parentLayers.length)).toEqual(parentLayers);
    };
    let first: GraphRunResult;

    beforeAll(async () => {
      ({ result: first } = await run('a1b2c3d4'));
    });

    it('builds and publishes every image, parents first, each child on its parent by digest', async () => {
      expect(statuses(first)).toEqual(Object.fromEntries(NAMES.map((name) => [name, 'built'])));
      const rows = byName(first);
      for (const row of first.rows) {
        const tag = `inputs-${row.inputsHash?.slice(0, 16)}`;
        expect(row.tags).toEqual(expect.arrayContaining(['main', 'sha-a1b2c3d', tag]));
        for (const name of ['main', 'sha-a1b2c3d', tag]) {
          expect((await client.headManifest(`${prefix}/${row.name}`, name))?.digest).toBe(row.digest);
        }
        expect(row.size).toBeGreaterThan(0);
      }
      expect(rows['base-ml'].parents).toEqual([
        {
          name: 'base-runtime',
          arg: 'BASE_IMAGE',
          reference: `${registry}/base-runtime@${rows['base-runtime'].digest}`,
        },
      ]);
      await expectOnParent(rows, 'base-ml', 'base-runtime');
      await expectOnParent(rows, 'gateway', 'base-runtime');
      await expectOnParent(rows, 'embedder', 'base-ml');
      await expectOnParent(rows, 'ranker', 'base-ml');
    });

    it('builds nothing on an unchanged re-run: no builder process, no blob, only manifest reads and PUTs', async () => {
      const { result, runner, requests } = await run('e5f6a7b8');
      expect(statuses(result)).toEqual(Object.fromEntries(NAMES.map((name) => [name, 'reused'])));
      expect(builderProcesses(runner)).toEqual([]);
      expect(runner.commands.map((command) => command.file)).not.toContain(builder.docker);
      expect(requests.filter((request) => request.path.includes('/blobs/'))).toEqual([]);
      expect(requests.filter((request) => !['GET', 'HEAD', 'PUT'].includes(request.method))).toEqual([]);
      const puts = requests.filter((request) => request.method === 'PUT');
      // The new commit's tag: a manifest PUT of the manifest already there. The branch tag is looked
      // at first (a reused image's tags most likely point at it) and, already on it, not written.
      expect(puts.map((request) => request.path).sort()).toEqual(
        NAMES.map((name) => `/v2/${prefix}/${name}/manifests/sha-e5f6a7b`).sort(),
      );
      expect(
        requests.filter((request) => request.method === 'HEAD' && request.path.endsWith('/manifests/main')),
      ).toHaveLength(NAMES.length);
      for (const row of result.rows) {
        expect(row.digest).toBe(byName(first)[row.name].digest);
        expect((await client.headManifest(`${prefix}/${row.name}`, 'sha-e5f6a7b'))?.digest).toBe(row.digest);
      }
    });

    it('rebuilds only the service whose file changed', async () => {
      writeFileSync(join(dir, 'services/ranker/rank.sh'), '#!/bin/sh\necho "ranking, second version"\n');
      const { result, runner } = await run('c9d0e1f2');
      expect(statuses(result)).toEqual({
        'base-runtime': 'reused',
        'base-ml': 'reused',
        embedder: 'reused',
        ranker: 'built',
        gateway: 'reused',
      });
      const rows = byName(result);
      expect(rows.ranker.digest).not.toBe(byName(first).ranker.digest);
      expect(builderProcesses(runner).filter((line) => /^(buildx )?build /.test(line)).length).toBe(1);
      await expectOnParent(rows, 'ranker', 'base-ml');
    });

    it('rebuilds everything downstream of a changed base, each child on the new digest', async () => {
      writeFileSync(join(dir, 'base-runtime/etc/platform.conf'), 'log_level=debug\nregion=local\n');
      const { result, runner } = await run('0a0b0c0d');
      expect(statuses(result)).toEqual(Object.fromEntries(NAMES.map((name) => [name, 'built'])));
      const rows = byName(result);
      const runtime = `${registry}/base-runtime@${rows['base-runtime'].digest}`;
      expect(rows['base-runtime'].digest).not.toBe(byName(first)['base-runtime'].digest);
      const builds = runner.commands.map((command) => command.args).filter((args) => args.includes('build'));
      for (const child of ['base-ml', 'gateway']) {
        expect(rows[child].parents[0].reference).toBe(runtime);
        // The builder itself was given the new digest for BASE_IMAGE.
        const command = builds.find((args) => args.some((arg) => arg.includes(`/${child}:`)));
        expect(command?.[command.indexOf(`BASE_IMAGE=${runtime}`) - 1]).toBe('--build-arg');
        await expectOnParent(rows, child, 'base-runtime');
      }
      for (const child of ['embedder', 'ranker']) {
        expect(rows[child].parents[0].reference).toBe(`${registry}/base-ml@${rows['base-ml'].digest}`);
        await expectOnParent(rows, child, 'base-ml');
      }
    });
  });
}
