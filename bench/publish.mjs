// bench/publish: what one release costs the registry. One image (10 layers of random bytes) under 5
// tags, published by image-build's whole run (build, push one tag, manifest PUTs, cache export) on
// buildx (remote BuildKit) and on the classic builder, with the default cache and without cache, and
// by the peers' ways in the same run: `docker push --all-tags`, a `docker push` per tag, and buildx
// `--push` with every `-t` (build-push-action's way). Every scenario starts on a fresh registry behind
// a counting proxy (the test bed's IB_PROXY_PORT, which BuildKit trusts as plain http), so requests and
// uploaded bytes are the registry's view. Builds are hot (the layers are in the builder's cache): the
// figures are the publish, not the build.
//
//   node bench/publish.mjs [--runs 3] [--layer-kb 256] [--delay 5]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources, root, testbedEnv } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 3);
const layerKb = arg('layer-kb', 256);
const delayMs = arg('delay', 5);

const lib = await loadSources([
  "export { readImageBuildInputs, runImageBuild } from './src/index.ts';",
  "export { processRunner } from './src/util/exec.ts';",
  "export { silentLogger } from './src/util/log.ts';",
  "export { startFaultProxy } from './__tests__/helpers/fault-proxy.ts';",
  "export { startRegistry } from './__tests__/helpers/registry-instance.ts';",
]);
const bed = testbedEnv();
if (bed.IB_BUILDX !== 'available') throw new Error('bench/publish needs buildx on the test bed');
const proxyPort = Number(bed.IB_PROXY_PORT);
const proxyAddress = `127.0.0.1:${proxyPort}`;
const base = { ...process.env, ...bed };
delete base.BUILDX_BUILDER;
const builderEnv = {
  buildx: {
    ...base,
    DOCKER_CONFIG: bed.IB_BUILDX_CONFIG,
    BUILDX_BUILDER: bed.IB_BUILDX_REMOTE,
    IB_DOCKER: bed.IB_BUILDX_DOCKER,
  },
  classic: { ...base, DOCKER_CONFIG: bed.IB_CLASSIC_CONFIG, IB_DOCKER: bed.IB_DOCKER, DOCKER_BUILDKIT: '1' },
};
const dockerOf = { buildx: bed.IB_BUILDX_DOCKER, classic: bed.IB_DOCKER };

const exec = async (builder, args) => {
  const result = await lib.processRunner.run(dockerOf[builder], args, { env: builderEnv[builder] });
  if (result.exitCode !== 0)
    throw new Error(`docker ${args.join(' ')} failed: ${result.stderr.slice(-2000)}`);
  return result.stdout;
};

// 10 layers: the base image's one plus nine RUN layers of random bytes (incompressible, like real layers).
const context = mkdtempSync(join(tmpdir(), 'ib-bench-publish-ctx-'));
writeFileSync(
  join(context, 'Dockerfile'),
  [
    'ARG BASE_IMAGE',
    'FROM ${BASE_IMAGE}',
    `RUN echo ${process.pid}-${Date.now()} > /id`,
    ...Array.from({ length: 8 }, (_, i) => `RUN head -c ${layerKb * 1024} /dev/urandom > /layer-${i}.bin`),
    '',
  ].join('\n'),
);
const TAGS = ['1.4.0', 'sha-a1b2c3d', '1.4', '1', 'latest'];

let scenarioCount = 0;
/** A fresh registry behind the counting proxy on the test bed's trusted port; `body` gets the image name. */
async function measure(body) {
  const registry = await lib.startRegistry();
  const proxy = await lib.startFaultProxy({ target: registry.address, delayMs, port: proxyPort });
  const image = `${proxyAddress}/bench/publish-${process.pid}-${scenarioCount++}`;
  const started = performance.now();
  try {
    await body(image);
    return { requests: proxy.stats.requests, bytes: proxy.stats.bytesIn, ms: performance.now() - started };
  } finally {
    await proxy.stop();
    await registry.stop();
  }
}

/** image-build's whole run, as the CLI and the action make it. */
const ours = (builder, cache, tags = TAGS) =>
  measure(async (image) => {
    const values = {
      images: image,
      tags: tags.map((tag) => `type=raw,value=${tag}`).join('\n'),
      flavor: 'latest=false',
      context,
      'build-args': `BASE_IMAGE=${bed.IB_BASE_IMAGE}`,
      network: 'none',
      cache,
      push: 'true',
      'metadata-context': 'git',
      summary: 'false',
    };
    const inputs = lib.readImageBuildInputs((name) => values[name] ?? '');
    const result = await lib.runImageBuild(inputs, {
      env: builderEnv[builder],
      runner: lib.processRunner,
      logger: lib.silentLogger,
      cwd: root, // a git checkout: the tag engine reads the commit from it
    });
    const statuses = result.publish.registries[0].tags.map((t) => t.status);
    if (statuses.some((s) => s !== 'pushed' && s !== 'written')) throw new Error(`publish: ${statuses}`);
  });

const classicLocal = `bench/publish-local-${process.pid}`;
const allTags = () =>
  measure(async (image) => {
    for (const tag of TAGS) await exec('classic', ['tag', classicLocal, `${image}:${tag}`]);
    await exec('classic', ['push', '--all-tags', image]);
    for (const tag of TAGS) await exec('classic', ['rmi', `${image}:${tag}`]);
  });
const perTag = () =>
  measure(async (image) => {
    for (const tag of TAGS) await exec('classic', ['tag', classicLocal, `${image}:${tag}`]);
    for (const tag of TAGS) await exec('classic', ['push', `${image}:${tag}`]);
    for (const tag of TAGS) await exec('classic', ['rmi', `${image}:${tag}`]);
  });
/**
 * build-push-action's way: one buildx build with `--push` and every tag as `-t`, with its defaults: no
 * cache, and buildx's default provenance attestation (which makes the image an index).
 */
const buildxPush = (cacheTo = false) =>
  measure(async (image) => {
    await exec('buildx', [
      'buildx',
      'build',
      '--progress',
      'plain',
      '--network',
      'none',
      '--build-arg',
      `BASE_IMAGE=${bed.IB_BASE_IMAGE}`,
      ...(cacheTo
        ? [
            '--cache-to',
            `type=registry,ref=${image}:buildcache,mode=max`,
            '--cache-from',
            `type=registry,ref=${image}:buildcache`,
          ]
        : []),
      '--push',
      ...TAGS.flatMap((tag) => ['-t', `${image}:${tag}`]),
      context,
    ]);
  });

// Warm-up, not measured: both builders build the layers once (every later build is hot), and the
// engine pushes once (after its first push it checks for each layer it knows with a HEAD, so every
// measured push starts alike).
await exec('classic', [
  'build',
  '--network=none',
  '-q',
  '--build-arg',
  `BASE_IMAGE=${bed.IB_BASE_IMAGE}`,
  '-t',
  classicLocal,
  context,
]);
await measure(async (image) => {
  await exec('classic', ['tag', classicLocal, `${image}:warm-up`]);
  await exec('classic', ['push', `${image}:warm-up`]);
  await exec('classic', ['rmi', `${image}:warm-up`]);
});
await buildxPush();

const scenarios = {
  'image-build, buildx, default cache (inline)': () => ours('buildx', 'auto'),
  'image-build, buildx, cache none': () => ours('buildx', 'none'),
  'image-build, buildx, default cache, 1 tag': () => ours('buildx', 'auto', TAGS.slice(0, 1)),
  'image-build, buildx, default cache, 2 tags (version, latest)': () =>
    ours('buildx', 'auto', ['1.4.0', 'latest']),
  'image-build, classic, default cache (inline)': () => ours('classic', 'auto'),
  'image-build, classic, cache none': () => ours('classic', 'none'),
  'image-build, classic, default cache, 1 tag': () => ours('classic', 'auto', TAGS.slice(0, 1)),
  'image-build, classic, default cache, 2 tags (version, latest)': () =>
    ours('classic', 'auto', ['1.4.0', 'latest']),
  'buildx --push, five -t (build-push-action)': () => buildxPush(),
  'buildx --push, five -t, registry cache mode=max': () => buildxPush(true),
  'docker push --all-tags (classic)': allTags,
  'docker push per tag (classic)': perTag,
};
const results = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  // Interleaved so drift in the machine's load hits every method alike.
  for (const [name, run] of Object.entries(scenarios)) results[name].push(await run());
}
await exec('classic', ['rmi', classicLocal]);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  Object.entries(results).map(([name, rows]) => [
    name,
    {
      requests: median(rows.map((r) => r.requests)),
      bytes: median(rows.map((r) => r.bytes)),
      ms: median(rows.map((r) => r.ms)),
    },
  ]),
);
const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
console.log(
  `publish bench: 10-layer image (${layerKb} KiB random per RUN layer), ${TAGS.length} tags, +${delayMs} ms per request, ` +
    `buildx ${bed.IB_BUILDX_VERSION} on BuildKit 0.11.6 and docker 20.10's builder, median of ${runs} run(s); wall time includes a hot build`,
);
console.log('');
console.log('| method | registry requests | bytes uploaded | wall time |');
console.log('|---|---:|---:|---:|');
for (const [name, s] of Object.entries(summary)) {
  console.log(`| ${name} | ${s.requests} | ${fmt(s.bytes)} | ${(s.ms / 1000).toFixed(2)} s |`);
}
console.log('');
const get = (name) => summary[name].requests;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const full = (builder) => `image-build, ${builder}, default cache (inline)`;
const costPerTag = (builder, fewer, count) =>
  (get(full(builder)) - get(fewer(builder))) / (TAGS.length - count);
for (const builder of ['buildx', 'classic']) {
  const one = (b) => `image-build, ${b}, default cache, 1 tag`;
  const two = (b) => `image-build, ${b}, default cache, 2 tags (version, latest)`;
  console.log(
    `${builder}: requests per tag beyond the first ${costPerTag(builder, one, 1).toFixed(2)}; beyond version + latest ` +
      `${costPerTag(builder, two, 2).toFixed(2)} (target <= 1; a floating tag adds one tag-list read per publish, the check ` +
      'that a concurrent higher release keeps it)',
  );
}
console.log(
  `classic, default cache / docker push --all-tags: ${ratio(get('image-build, classic, default cache (inline)'), get('docker push --all-tags (classic)'))} (target <= 1)`,
);
console.log(
  `buildx, default cache / buildx --push five -t: ${ratio(get('image-build, buildx, default cache (inline)'), get('buildx --push, five -t (build-push-action)'))} (target <= 0.5)`,
);
console.log(
  `classic, cache none / docker push per tag: ${ratio(get('image-build, classic, cache none'), get('docker push per tag (classic)'))}; ` +
    `buildx, cache none / buildx --push five -t: ${ratio(get('image-build, buildx, cache none'), get('buildx --push, five -t (build-push-action)'))}`,
);
