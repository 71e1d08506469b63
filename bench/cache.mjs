// bench/cache: the gateway team's cache table (USERS.md §2) for the gateway-shaped fixture (a base, a
// builder stage with the dependency install, a runtime stage), on each builder a GitHub runner may
// have, in one run: hot / code change / dependency change / cold build times (medians over --runs), the
// per-step cache hit rate, whether every step before the changed COPY was a hit (and reported as one),
// and the same on a wiped builder restoring from the registry cache against a wiped builder with none.
//
//   node bench/cache.mjs [--runs 3] [--deps-seconds 8] [--builders buildx-remote,buildx-docker,classic]
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources, root, testbedEnv } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 3));
// The gateway's dependency layer dominates its cold build (~40 of 49 s): the fixture's install step sleeps this long.
const depsSeconds = Number(arg('deps-seconds', 8));
const wanted = arg('builders', 'buildx-remote,buildx-docker,classic').split(',');

const lib = await loadSources([
  "export { buildImage, defaultBuildInputs, cacheHitRate } from './src/build/index.ts';",
  "export { parseListInput } from './src/util/input-list.ts';",
  "export { processRunner } from './src/util/exec.ts';",
  "export { silentLogger } from './src/util/log.ts';",
  "export { copyGateway } from './__tests__/helpers/build-fixture.ts';",
  "export { startFreshBuilder } from './__tests__/helpers/engine-fresh.ts';",
  "export { builders } from './__tests__/helpers/testbed.ts';",
]);
Object.assign(process.env, testbedEnv());
const bed = process.env;

// The steps before each change (by instruction prefix): the target is that all of them are hits.
const BEFORE = {
  code: [
    'RUN mkdir -p /opt/sys',
    'WORKDIR /app',
    'RUN mkdir -p /opt/toolchain',
    'COPY requirements.lock',
    'RUN mkdir -p /opt/deps',
    'COPY --from=builder /opt/deps',
  ],
  deps: ['RUN mkdir -p /opt/sys', 'WORKDIR /app', 'RUN mkdir -p /opt/toolchain'],
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pct = (value) => `${(value * 100).toFixed(1)}%`;
const beforeHit = (steps, prefixes) =>
  prefixes.filter((prefix) => steps.find((step) => step.instruction.startsWith(prefix))?.cached).length;

async function benchBuilder(builder) {
  const repository = `${bed.IB_REGISTRY}/build/bench-cache-${builder.name}-${process.pid}`;
  const gateway = lib.copyGateway(join(root, '__tests__/fixtures/build-gateway'));
  const timedBuild = async ({ env = builder.env, noCache = false, push = false, cache = 'auto' } = {}) => {
    const started = performance.now();
    const outcome = await lib.buildImage({
      inputs: lib.defaultBuildInputs({
        context: gateway.dir,
        buildArgs: lib.parseListInput(`BASE_IMAGE=${bed.IB_BASE_IMAGE}\nDEPS_SECONDS=${depsSeconds}`, {
          ignoreComma: true,
        }),
        tags: [`${repository}:bench`],
        network: 'none',
        noCache,
        push,
        cache,
      }),
      runner: lib.processRunner,
      logger: lib.silentLogger,
      env,
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, steps: outcome.result.steps, preset: outcome.cache.preset };
  };

  const rows = new Map();
  const record = (name, result, before) => {
    const row = rows.get(name) ?? {
      seconds: [],
      hit: [],
      before: [],
      total: before?.length ?? 0,
      steps: result.steps,
      preset: result.preset,
    };
    row.seconds.push(result.seconds);
    row.hit.push(lib.cacheHitRate(result.steps));
    if (before) row.before.push(beforeHit(result.steps, before));
    row.steps = result.steps;
    rows.set(name, row);
  };

  await timedBuild({ noCache: true }); // warm the base image pull and the fixture's first layers
  for (let run = 0; run < runs; run++) {
    // Per builder: the docker driver and the classic builder share the engine's cache.
    const marker = `${builder.name}-${process.pid}-${run}`;
    record('cold (no cache)', await timedBuild({ noCache: true }));
    record('hot (no change)', await timedBuild());
    gateway.changeCode(marker);
    record('code change', await timedBuild(), BEFORE.code);
    gateway.changeDependencies(marker);
    record('dependency change', await timedBuild(), BEFORE.deps);
  }

  // A wiped builder per run (a new runner): the registry holds the cache the last build pushed.
  let pushedPreset;
  for (let run = 0; run < runs; run++) {
    pushedPreset = (await timedBuild({ push: true })).preset;
    gateway.changeCode(`${builder.name}-${process.pid}-fresh-${run}`);
    for (const [name, cache] of [
      ['wiped builder, code change, no cache (baseline)', 'none'],
      ['wiped builder, code change, registry cache', 'auto'],
    ]) {
      const fresh = await lib.startFreshBuilder(builder);
      try {
        record(name, await timedBuild({ env: fresh.env, cache }), BEFORE.code);
      } finally {
        await fresh.stop();
      }
    }
  }
  rows.pushedPreset = pushedPreset;
  return rows;
}

const all = lib.builders().filter((builder) => wanted.includes(builder.name));
if (all.some((builder) => !builder.available)) throw new Error('bench/cache needs buildx on the test bed');
const results = [];
for (const builder of all) results.push([builder, await benchBuilder(builder)]);

console.log(
  `\nbench/cache — gateway fixture (3 stages, ${depsSeconds} s dependency install), ${runs} runs each, ` +
    `buildx ${bed.IB_BUILDX_VERSION} on BuildKit 0.11.6, Docker 20.10's own BuildKit\n`,
);
for (const [builder, rows] of results) {
  const coldMedian = median(rows.get('cold (no cache)').seconds);
  const freshBaseline = median(rows.get('wiped builder, code change, no cache (baseline)').seconds);
  console.log(
    `### ${builder.name} (default cache: ${rows.pushedPreset} when pushing, ${rows.get('hot (no change)').preset} otherwise)\n`,
  );
  console.log(
    '| scenario | median s | min–max s | vs cold | step hit rate | steps before the changed COPY reported cached |',
  );
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [name, row] of rows) {
    const base = name.startsWith('wiped') ? freshBaseline : coldMedian;
    const before = row.before.length
      ? `${Math.min(...row.before)}/${row.total}${Math.min(...row.before) === row.total ? ' (target met)' : ''}`
      : '—';
    console.log(
      `| ${name} | ${median(row.seconds).toFixed(2)} | ${Math.min(...row.seconds).toFixed(2)}–${Math.max(...row.seconds).toFixed(2)} | ${(median(row.seconds) / base).toFixed(2)}× | ${pct(median(row.hit))} | ${before} |`,
    );
  }
  console.log('\n(wiped-builder rows compare with the wiped-builder baseline; the others with cold.)\n');
  console.log('Per step, code change on a wiped builder restoring from the registry (last run):\n');
  console.log('| stage | step | instruction | cached | s |');
  console.log('|---|---|---|---|---:|');
  for (const step of rows.get('wiped builder, code change, registry cache').steps) {
    console.log(
      `| ${step.stage || '—'} | ${step.position} | \`${step.instruction.slice(0, 60).replace(/\|/g, '\\|')}\` | ${step.cached ? 'yes' : 'no'} | ${step.durationSeconds.toFixed(1)} |`,
    );
  }
  console.log('');
}
