import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BuildStep } from '../../src/build/index.js';
import { type ActionRun, buildActionBundle, runAction } from '../helpers/action-run.js';
import { type FreshBuilder, startFreshBuilder } from '../helpers/engine-fresh.js';
import {
  type BuilderName,
  describeEachBuilder,
  type RegistryImage,
  registryImage,
  testbed,
} from '../helpers/testbed.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/build-random', import.meta.url));

/**
 * Every step of the fixture, and the text of the published image's history that names the layer
 * showing whether the step ran again: its own layer, or for a builder-stage step the runtime COPY of
 * its random output. The builder's COPY steps leave no layer in the published image.
 */
const STEPS: { step: string; layer?: string }[] = [
  { step: 'RUN head -c 64 /dev/urandom > /base.random', layer: '/base.random' },
  { step: 'RUN mkdir -p /out', layer: '/opt/toolchain.random' },
  { step: 'COPY deps.lock' },
  { step: 'RUN head -c 64 /dev/urandom > /out/deps.random', layer: '/opt/deps.random' },
  { step: 'COPY src/' },
  { step: 'RUN head -c 64 /dev/urandom > /out/app.random', layer: '/opt/app.random' },
  { step: 'RUN head -c 64 /dev/urandom > /runtime.random', layer: '/runtime.random' },
  { step: 'COPY config/', layer: '/etc/app/' },
  { step: 'COPY --from=builder /out/toolchain.random', layer: '/opt/toolchain.random' },
  { step: 'COPY --from=builder /out/deps.random', layer: '/opt/deps.random' },
  { step: 'COPY --from=builder /out/app.random', layer: '/opt/app.random' },
  { step: 'RUN head -c 64 /dev/urandom > /opt/final.random', layer: '/opt/final.random' },
];
const BEFORE_CODE = STEPS.slice(0, 4)
  .concat(STEPS.slice(6, 10))
  .map(({ step }) => step);

/**
 * Which steps a wiped builder restores after a code-only change, by what its cache holds: the remote
 * builder's registry cache (mode=max) and the classic builder's per-stage images hold both stages;
 * the docker driver's inline cache only the runtime stage, so the builder stage runs again and every
 * runtime step that copies its (new) output with it.
 */
const RESTORED: Record<BuilderName, string[]> = {
  'buildx-remote': BEFORE_CODE,
  'buildx-docker': [
    'RUN head -c 64 /dev/urandom > /base.random',
    'RUN head -c 64 /dev/urandom > /runtime.random',
    'COPY config/',
  ],
  classic: BEFORE_CODE,
};

function findStep(steps: BuildStep[], prefix: string): BuildStep {
  const found = steps.filter((candidate) => candidate.instruction.startsWith(prefix));
  if (found.length !== 1)
    throw new Error(`${found.length} steps "${prefix}" in ${steps.map((s) => s.instruction).join(' | ')}`);
  return found[0];
}

/** The layer whose history entry mentions `text`; history entries without empty_layer take the layers in order. */
function layerOf(image: RegistryImage, text: string): string {
  const history = (image.config.history ?? []).filter((entry) => !entry.empty_layer);
  if (history.length !== image.layers.length)
    throw new Error(`${history.length} history entries for ${image.layers.length} layers`);
  const matches = history.flatMap((entry, index) =>
    (entry.created_by ?? '').includes(text) ? [image.layers[index]] : [],
  );
  if (matches.length !== 1) throw new Error(`${matches.length} layers created by "${text}"`);
  return matches[0];
}

describeEachBuilder('reported cache hits agree with the layers a wiped builder reused', (builder) => {
  const unique = `${builder.name}-${process.pid}-${Date.now()}`;
  const repository = `reuse/app-${unique}`;
  let context: string;
  let fresh: FreshBuilder;

  beforeAll(async () => {
    buildActionBundle();
    context = mkdtempSync(join(tmpdir(), 'ib-reuse-'));
    cpSync(FIXTURE, context, { recursive: true });
    fresh = await startFreshBuilder(builder);
  });
  afterAll(async () => {
    await fresh?.stop();
  });

  const release = (version: string, env: NodeJS.ProcessEnv): ActionRun =>
    runAction(
      'main',
      {
        images: `${testbed().registry}/${repository}`,
        tags: 'type=semver,pattern={{version}}',
        context,
        'build-args': `BASE_IMAGE=${testbed().baseImage}`,
        network: 'none',
        push: 'true',
        'github-token': '',
        'metadata-context': 'workflow',
      },
      { builder: { ...builder, env }, env: { GITHUB_REF: `refs/tags/v${version}` } },
    );

  it('a code-only change on a wiped builder: every step reported cached kept its layer, every other one changed it', async () => {
    const first = release('1.0.0', builder.env);
    expect(first.status, first.stdout).toBe(0);

    appendFileSync(join(context, 'src/app.sh'), `# change ${unique}\n`);
    const second = release('1.0.1', fresh.env);
    expect(second.status, second.stdout).toBe(0);

    const before = await registryImage(repository, '1.0.0');
    const after = await registryImage(repository, '1.0.1');
    expect(after.digest).toBe(second.outputs.digest);
    const steps = JSON.parse(second.outputs.steps) as BuildStep[];
    const reported = STEPS.map(({ step, layer }) => ({
      step,
      cached: findStep(steps, step).cached,
      kept: layer ? layerOf(before, layer) === layerOf(after, layer) : undefined,
    }));
    // The agreement, step by step: a step that ran again wrote new random bytes, so a new layer.
    const withLayers = reported.filter((entry) => entry.kept !== undefined);
    expect(Object.fromEntries(withLayers.map((entry) => [entry.step, entry.kept]))).toEqual(
      Object.fromEntries(withLayers.map((entry) => [entry.step, entry.cached])),
    );
    // And what this builder's cache should give back.
    expect(reported.filter((entry) => entry.cached).map((entry) => entry.step)).toEqual(
      RESTORED[builder.name],
    );
    const built = steps.filter((step) => !step.instruction.startsWith('FROM'));
    expect(built).toHaveLength(STEPS.length);
    const hits = RESTORED[builder.name].length;
    expect(second.outputs['cache-hit-ratio']).toBe((hits / STEPS.length).toFixed(3));
    expect(second.summary).toContain(
      `, ${hits}/${STEPS.length} steps cached (${Math.round((hits / STEPS.length) * 100)}%) |`,
    );
  });
});
