// bench/cache: the gateway team's cache table (USERS.md §2) for the gateway-shaped fixture, measured on
// the real engine in one run: hot / code change / dependency change / cold build times (medians over
// --runs), the per-step cache hit rate, whether every step before the changed COPY was a hit, and the
// same for a fresh, empty engine restoring from the registry (against an empty engine with no cache).
//
//   node bench/cache.mjs [--runs 3] [--deps-seconds 8]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources, root, testbedEnv } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 3);
// The gateway's dependency layer dominates its cold build (~40 of 49 s): the fixture's install step sleeps this long.
const depsSeconds = arg('deps-seconds', 8);

const lib = await loadSources([
  "export { buildImage, defaultBuildInputs, parseListInput, cacheHitRate } from './src/build/index.ts';",
  "export { processRunner } from './src/util/exec.ts';",
  "export { silentLogger } from './src/util/log.ts';",
  "export { copyGateway } from './__tests__/helpers/build-fixture.ts';",
  "export { startFreshEngine } from './__tests__/helpers/engine-fresh.ts';",
]);
const bed = testbedEnv();
const sharedEnv = { ...process.env, ...bed, DOCKER_BUILDKIT: '1' };
const docker = bed.IB_DOCKER;
const repository = `${bed.IB_REGISTRY}/build/bench-cache-${process.pid}`;
const gateway = lib.copyGateway(join(root, '__tests__/fixtures/build-gateway'));

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

async function timedBuild({ env = sharedEnv, noCache = false, push = false, cache = 'auto' } = {}) {
  const started = performance.now();
  const outcome = await lib.buildImage({
    inputs: lib.defaultBuildInputs({
      context: gateway.dir,
      buildArgs: lib.parseListInput(`BASE_IMAGE=${bed.IB_BASE_IMAGE}\nDEPS_SECONDS=${depsSeconds}`, true),
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
  return { seconds, steps: outcome.result.steps };
}

const beforeHit = (steps, prefixes) =>
  prefixes.filter((prefix) => steps.find((step) => step.instruction.startsWith(prefix))?.cached).length;

const rows = new Map();
const record = (name, result, before) => {
  const row = rows.get(name) ?? {
    seconds: [],
    hit: [],
    before: [],
    total: before?.length ?? 0,
    steps: result.steps,
  };
  row.seconds.push(result.seconds);
  row.hit.push(lib.cacheHitRate(result.steps));
  if (before) row.before.push(beforeHit(result.steps, before));
  rows.set(name, row);
};

await timedBuild({ noCache: true }); // warm the base image pull and the fixture's first layers
for (let run = 0; run < runs; run++) {
  const marker = `${process.pid}-${run}`;
  record('cold (no cache)', await timedBuild({ noCache: true }));
  record('hot (no change)', await timedBuild());
  gateway.changeCode(marker);
  record('code change', await timedBuild(), BEFORE.code);
  gateway.changeDependencies(marker);
  record('dependency change', await timedBuild(), BEFORE.deps);
}

// A fresh engine per run: the registry holds the cache images of the last build (pushed here).
for (let run = 0; run < runs; run++) {
  await timedBuild({ push: true });
  gateway.changeCode(`${process.pid}-fresh-${run}`);
  for (const [name, cache] of [
    ['fresh engine, code change, no cache (baseline)', 'none'],
    ['fresh engine, code change, registry cache', 'auto'],
  ]) {
    const engine = await lib.startFreshEngine(docker, 'bench-cache');
    try {
      record(
        name,
        await timedBuild({ env: { ...sharedEnv, DOCKER_HOST: engine.dockerHost }, cache }),
        BEFORE.code,
      );
    } finally {
      await engine.stop();
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pct = (value) => `${(value * 100).toFixed(1)}%`;
const coldMedian = median(rows.get('cold (no cache)').seconds);
const freshBaseline = median(rows.get('fresh engine, code change, no cache (baseline)').seconds);

console.log(
  `\nbench/cache — gateway fixture, classic BuildKit (engine ${execFileSync(docker, ['version', '--format', '{{.Server.Version}}'], { env: sharedEnv, encoding: 'utf8' }).trim()}), ${runs} runs each\n`,
);
console.log(
  '| scenario | median s | min–max s | vs cold | step hit rate | steps before the changed COPY cached |',
);
console.log('|---|---:|---:|---:|---:|---|');
for (const [name, row] of rows) {
  const base = name.startsWith('fresh') ? freshBaseline : coldMedian;
  const before = row.before.length
    ? `${Math.min(...row.before)}/${row.total}${Math.min(...row.before) === row.total ? ' (target met)' : ''}`
    : '—';
  console.log(
    `| ${name} | ${median(row.seconds).toFixed(2)} | ${Math.min(...row.seconds).toFixed(2)}–${Math.max(...row.seconds).toFixed(2)} | ${(median(row.seconds) / base).toFixed(2)}× | ${pct(median(row.hit))} | ${before} |`,
  );
}
console.log('\n(fresh-engine rows compare with the fresh-engine baseline; the others with cold.)');
console.log('\nPer step, code change on a fresh engine restoring from the registry (last run):\n');
console.log('| stage | step | instruction | cached | s |');
console.log('|---|---|---|---|---:|');
for (const step of rows.get('fresh engine, code change, registry cache').steps) {
  console.log(
    `| ${step.stage || '—'} | ${step.position} | \`${step.instruction.slice(0, 60).replace(/\|/g, '\\|')}\` | ${step.cached ? 'yes' : 'no'} | ${step.durationSeconds.toFixed(1)} |`,
  );
}
