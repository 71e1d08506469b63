import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { GraphImageRow, GraphPlan } from '../../src/graph/index.js';
import { type ActionRun, buildActionBundle, repositoryRoot, runActionAsync } from '../helpers/action-run.js';
import {
  describeEachBuilder,
  registryLogSize,
  registryManifest,
  registryRequests,
  testbed,
} from '../helpers/testbed.js';

// The bundle GitHub runs (dist/action/main.js and post.js) in graph mode, on the example graph.
const NAMES = ['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway'];

interface GraphOutput {
  ok: boolean;
  durationMs: number;
  rows: GraphImageRow[];
}

const graphOutput = (run: ActionRun) => JSON.parse(run.outputs.graph) as GraphOutput;
const statuses = (run: ActionRun) =>
  Object.fromEntries(graphOutput(run).rows.map((row) => [row.name, row.status]));
const every = (status: string) => Object.fromEntries(NAMES.map((name) => [name, status]));

/** The runner's GITHUB_STATE file commands (`name<<delimiter`), the last value of each name winning. */
function savedState(run: ActionRun): string {
  const values = [...run.state.matchAll(/^post<<(\S+)\n([\s\S]*?)\n\1$/gm)].map((match) => match[2]);
  return values.at(-1) ?? '';
}

describeEachBuilder(
  'the action builds an images file',
  (builder) => {
    const bed = testbed();
    const prefix = `action-graph/${builder.name}-${process.pid}-${Date.now()}`;
    let dir = '';
    let imagesFile = '';
    beforeAll(() => {
      buildActionBundle();
      dir = mkdtempSync(join(tmpdir(), 'ib-action-graph-'));
      cpSync(join(repositoryRoot, 'examples/graph'), dir, { recursive: true });
      imagesFile = join(dir, 'image-build.yml');
    });
    const inputs = (extra: Record<string, string> = {}) => ({
      'images-file': imagesFile,
      registry: `${bed.registry}/${prefix}`,
      push: 'true',
      network: 'none',
      'github-token': '',
      ...extra,
    });
    const run = (sha: string, extra: Record<string, string> = {}) =>
      runActionAsync('main', inputs(extra), {
        builder,
        env: {
          RUNTIME_FROM: bed.baseImage,
          GITHUB_REF: 'refs/heads/main',
          GITHUB_SHA: sha.repeat(40 / sha.length),
        },
      });
    /** What the registry received for this test's repositories since `offset`. */
    const writes = (offset: number) =>
      registryRequests(offset).filter(
        (request) => request.path.startsWith(`/v2/${prefix}/`) && !['GET', 'HEAD'].includes(request.method),
      );
    const timings: Record<string, number> = {};
    const timed = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      try {
        return await call();
      } finally {
        timings[name] = Date.now() - started;
      }
    };

    it('plan: true lists the graph by level and builds nothing', async () => {
      const before = registryLogSize();
      const planned = await timed('plan (nothing published)', () => run('0f0f0f0f', { plan: 'true' }));
      expect(planned.status, planned.stdout).toBe(0);
      const plan = JSON.parse(planned.outputs.plan) as GraphPlan;
      expect(plan.levels).toEqual([['base-runtime'], ['base-ml', 'gateway'], ['embedder', 'ranker']]);
      expect(plan.images.find((image) => image.name === 'base-runtime')).toMatchObject({
        published: false,
        images: [`${bed.registry}/${prefix}/base-runtime`],
      });
      expect(plan.images.find((image) => image.name === 'embedder')).toMatchObject({
        published: null,
        reason: 'its parent base-ml builds first',
      });
      expect(planned.stdout).toMatch(/level 0 {2}base-runtime {2}to build/);
      expect(planned.outputs.graph).toBeUndefined();
      expect(planned.summary).toBe('');
      expect(writes(before)).toEqual([]);
      expect(await registryManifest(`${prefix}/base-runtime`, 'main')).toBeUndefined();
    });

    it('refuses an image in only that the file does not have, and a bad concurrency, before anything runs', async () => {
      const before = registryLogSize();
      const unknown = await run('0f0f0f0f', { only: 'embedder,nope' });
      expect(unknown.status).toBe(1);
      expect(unknown.stdout).toMatch(/input "only": "nope" is not an image of .*image-build\.yml/);
      const slots = await run('0f0f0f0f', { concurrency: '0' });
      expect(slots.status).toBe(1);
      expect(slots.stdout).toContain('input "concurrency": "0" is not a whole number of at least 1');
      const perImage = await run('0f0f0f0f', { target: 'runtime' });
      expect(perImage.status).toBe(1);
      expect(perImage.stdout).toMatch(/input "target": `target` is set per image in the images file/);
      expect(registryRequests(before).filter((r) => r.path.startsWith(`/v2/${prefix}/`))).toEqual([]);
      for (const failed of [unknown, slots, perImage]) expect(failed.outputs).toEqual({});
    });

    it('builds all five, then reuses all five; outputs, summary, plan and post step follow', async () => {
      const first = await timed('first run (builds 5)', () => run('a1b2c3d4'));
      expect(first.status, first.stdout).toBe(0);
      expect(statuses(first)).toEqual(every('built'));
      const built = graphOutput(first);
      expect(built.ok).toBe(true);
      for (const row of built.rows) {
        expect(row.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
        expect(row.inputsHash).toMatch(/^[a-f0-9]{64}$/);
        expect(row.tags).toEqual(
          expect.arrayContaining(['main', 'sha-a1b2c3d', `inputs-${row.inputsHash?.slice(0, 16)}`]),
        );
        expect((await registryManifest(`${prefix}/${row.name}`, 'sha-a1b2c3d'))?.digest).toBe(row.digest);
      }
      // The job summary: the graph's table, then each image's own report.
      expect(first.summary).toContain(`## Images of ${imagesFile}`);
      expect(first.summary).toContain('| Image | Level | Result |');
      for (const name of NAMES)
        expect(first.summary).toMatch(new RegExp(`\\| \`${name}\` \\| \\d \\| built \\|`));
      expect(first.summary).toContain('5 built in');
      expect(first.outputs['report-markdown'].trim()).toBe(first.summary.trim());
      // Five images: no single image's outputs.
      expect(first.outputs.digest).toBeUndefined();

      // The post step gets what main saved (nothing to clean up here: no ECR, no local cache).
      const post = await runActionAsync('post', {}, { env: { STATE_post: savedState(first) } });
      expect(post.status, post.stdout).toBe(0);
      expect(post.stdout).not.toMatch(/warning/i);

      const before = registryLogSize();
      const second = await timed('second run (reuses 5)', () => run('e5f6a7b8'));
      expect(second.status, second.stdout).toBe(0);
      expect(statuses(second)).toEqual(every('reused'));
      for (const row of graphOutput(second).rows) {
        expect(row.digest).toBe(built.rows.find((other) => other.name === row.name)?.digest);
      }
      // Reused: nothing uploaded, only tags written by manifest PUTs.
      const written = writes(before);
      expect(written.filter((request) => request.path.includes('/blobs/'))).toEqual([]);
      expect(written.every((request) => request.method === 'PUT')).toBe(true);
      expect(second.summary).toContain('5 reused in');

      // Everything is published at its inputs now: the plan says so for every image.
      const planned = await run('e5f6a7b8', { plan: 'true' });
      const plan = JSON.parse(planned.outputs.plan) as GraphPlan;
      expect(Object.fromEntries(plan.images.map((image) => [image.name, image.published]))).toEqual(
        Object.fromEntries(NAMES.map((name) => [name, true])),
      );

      // A matrix job of one image: the single-image outputs are that image's.
      const one = await run('e5f6a7b8', { only: 'embedder' });
      expect(one.status, one.stdout).toBe(0);
      expect(statuses(one)).toEqual({ embedder: 'reused' });
      expect(one.outputs.digest).toBe(built.rows.find((row) => row.name === 'embedder')?.digest);
      expect(one.outputs['tag-names'].split('\n')).toEqual(expect.arrayContaining(['main', 'sha-e5f6a7b']));
      expect(existsSync(one.outputs.report)).toBe(true);
      console.log(
        `[${builder.name}] ${Object.entries(timings)
          .map(([name, ms]) => `${name}: ${(ms / 1000).toFixed(1)} s`)
          .join(', ')}`,
      );
    });

    it('fails naming the failed and skipped images, after publishing and reporting the others', async () => {
      const dockerfile = join(dir, 'base-ml/Dockerfile');
      writeFileSync(dockerfile, `${readFileSync(dockerfile, 'utf8')}RUN echo "no models today" && false\n`);
      const failed = await run('c9d0e1f2', { 'report-file': join(dir, 'report.md') });
      expect(failed.status).toBe(1);
      expect(failed.stdout).toContain('::error::the graph failed: base-ml failed; embedder, ranker skipped');
      expect(statuses(failed)).toEqual({
        'base-runtime': 'reused',
        'base-ml': 'failed',
        embedder: 'skipped',
        ranker: 'skipped',
        gateway: 'reused',
      });
      expect(graphOutput(failed).ok).toBe(false);
      // The others' report is written before the step fails: summary and report file alike.
      expect(failed.summary).toMatch(/\| `gateway` \| 1 \| reused/);
      expect(failed.summary).toMatch(/\| `embedder` \| 2 \| skipped/);
      expect(readFileSync(join(dir, 'report.md'), 'utf8').trim()).toBe(failed.summary.trim());
    });

    it("the post step cleans up every image's state of a graph, also after a failure", async () => {
      const configs = ['base-ml', 'gateway'].map((name) => {
        const config = mkdtempSync(join(tmpdir(), `ib-graph-post-${name}-`));
        writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: {} }));
        return config;
      });
      const state = JSON.stringify({
        images: configs.map((dockerConfig) => ({ ecrLogin: { dockerConfig, registries: [bed.registry] } })),
      });
      const post = await runActionAsync('post', {}, { env: { STATE_post: state } });
      expect(post.status, post.stdout).toBe(0);
      for (const config of configs) {
        expect(post.stdout).toContain(`Removed the ECR Docker config ${config}`);
        expect(existsSync(config)).toBe(false);
      }
    });
  },
  ['buildx-remote', 'classic'],
);
