// bench/publish: one image (10 layers) under 5 tags, against a private registry behind a proxy that adds
// 20 ms to every request. Compares, in the same run, our publish (one `docker push` of the primary tag,
// then one manifest PUT per extra tag) with `docker push --all-tags` and with one `docker push` per tag.
// Each scenario gets a fresh registry (the engine would otherwise mount blobs it knows the registry has).
//
//   node bench/publish.mjs [--runs 3] [--delay 20] [--layer-kb 256]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources, testbedEnv } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 3);
const delayMs = arg('delay', 20);
const layerKb = arg('layer-kb', 256);

// The library and the test helpers are TypeScript: bundle what the bench needs into one module.
const lib = await loadSources([
  "export { publish, dockerPushPrimary, registryWriters } from './src/publish/index.ts';",
  "export { processRunner } from './src/util/exec.ts';",
  "export { startFaultProxy } from './__tests__/helpers/fault-proxy.ts';",
  "export { startRegistry } from './__tests__/helpers/registry-instance.ts';",
]);
const env = { ...process.env, ...testbedEnv(), DOCKER_BUILDKIT: '1' };
const docker = env.IB_DOCKER;
// Asynchronous on purpose: the proxy lives in this process and must keep answering during a push.
const run = async (args) => {
  const result = await lib.processRunner.run(docker, args, { env });
  if (result.exitCode !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

// 10 layers: the base image's one plus nine RUN layers of random bytes (incompressible, like real layers).
const context = mkdtempSync(join(tmpdir(), 'ib-bench-publish-ctx-'));
const steps = Array.from(
  { length: 9 },
  (_, i) => `RUN head -c ${layerKb * 1024} /dev/urandom > /layer-${i}.bin`,
);
writeFileSync(
  join(context, 'Dockerfile'),
  [`FROM ${env.IB_BASE_IMAGE}`, `RUN echo ${process.pid}-${Date.now()} > /id`, ...steps.slice(1), ''].join(
    '\n',
  ),
);
const localImage = `publish/bench-${process.pid}`;
await run(['build', '--network=none', '-q', '-t', localImage, context]);
const layers = JSON.parse(await run(['image', 'inspect', localImage]))[0].RootFS.Layers.length;

const tags = ['1.4.0', 'sha-a1b2c3d', '1.4', '1', 'latest'];

async function measure(name, body) {
  const registry = await lib.startRegistry();
  const proxy = await lib.startFaultProxy({ target: registry.address, delayMs });
  const repository = `${proxy.address}/publish/bench`;
  const started = performance.now();
  let detail = {};
  try {
    detail = (await body(repository, proxy, registry)) ?? {};
  } finally {
    await proxy.stop();
    await registry.stop();
  }
  return {
    name,
    ms: performance.now() - started,
    requests: proxy.stats.requests,
    bytes: proxy.stats.bytesIn,
    ...detail,
  };
}

/** One `docker push` of the most specific tag, then our client writes the other tags. */
const ours = (clientOptions = {}) =>
  measure('ours', async (repository, proxy, registry) => {
    const push = lib.dockerPushPrimary({ runner: lib.processRunner, docker, env, sourceImage: localImage });
    let pushRequests = 0;
    let logAfterPush = 0;
    const result = await lib.publish({
      images: [repository],
      tags,
      writers: lib.registryWriters(clientOptions),
      pushPrimary: async (ref) => {
        const before = proxy.stats.requests;
        const answer = await push(ref);
        pushRequests = proxy.stats.requests - before;
        logAfterPush = registry.logSize();
        return answer;
      },
    });
    await run(['rmi', `${repository}:${tags[0]}`]);
    const bad = result.registries[0].tags.filter((t) => t.status !== 'pushed' && t.status !== 'written');
    if (bad.length) throw new Error(`publish incomplete: ${JSON.stringify(bad)}`);
    // What our client sent after the push, by kind, from the registry's own access log.
    const kinds = {};
    for (const r of registry.requests(logAfterPush)) {
      const kind = `${r.method} ${r.path.includes('/manifests/') ? 'manifest' : r.path.includes('/tags/') ? 'tags' : r.path.includes('/blobs/') ? 'blob' : 'other'}`;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    return { pushRequests, clientRequests: result.registries[0].requests, kinds };
  });

/**
 * A re-run of the same publish (same local image), measured twice after a first publish: with a plain
 * re-push of the primary tag, and with `localConfigDigest`, which finds the tag already on this image
 * and pushes nothing (what an IMMUTABLE ECR repository needs).
 */
const configDigest = (await run(['image', 'inspect', '--format', '{{.Id}}', localImage])).trim();
const rerun = () =>
  measure('re-run', async (repository, proxy) => {
    const push = lib.dockerPushPrimary({ runner: lib.processRunner, docker, env, sourceImage: localImage });
    const writers = lib.registryWriters({});
    const once = async (localConfigDigest) => {
      const before = proxy.stats.requests;
      const started = performance.now();
      let pushes = 0;
      const result = await lib.publish({
        images: [repository],
        tags,
        writers,
        localConfigDigest,
        pushPrimary: (ref) => (pushes++, push(ref)),
      });
      const primary = result.registries[0].tags.find((t) => t.tag === tags[0]).status;
      return { requests: proxy.stats.requests - before, ms: performance.now() - started, pushes, primary };
    };
    await once(undefined);
    const repush = await once(undefined);
    const skip = await once(configDigest);
    if (skip.pushes !== 0 || skip.primary !== 'unchanged')
      throw new Error(`re-run pushed: ${JSON.stringify(skip)}`);
    await run(['rmi', `${repository}:${tags[0]}`]);
    return { repush, skip };
  });

const allTags = () =>
  measure('docker push --all-tags', async (repository) => {
    for (const tag of tags) await run(['tag', localImage, `${repository}:${tag}`]);
    await run(['push', '--all-tags', repository]);
    for (const tag of tags) await run(['rmi', `${repository}:${tag}`]);
  });

const perTag = () =>
  measure('docker push per tag', async (repository) => {
    for (const tag of tags) await run(['tag', localImage, `${repository}:${tag}`]);
    for (const tag of tags) await run(['push', `${repository}:${tag}`]);
    for (const tag of tags) await run(['rmi', `${repository}:${tag}`]);
  });

// Warm-up, not measured: after its first push the engine knows each layer's compressed digest and checks
// the registry for it (a HEAD per layer) on every later push; every measured push should start alike.
await measure('warm-up', async (repository) => {
  await run(['tag', localImage, `${repository}:warm-up`]);
  await run(['push', `${repository}:warm-up`]);
  await run(['rmi', `${repository}:warm-up`]);
});

const results = { ours: [], oursNoProbe: [], allTags: [], perTag: [], rerun: [] };
for (let i = 0; i < runs; i++) {
  // Interleaved so drift in the machine's load hits every method alike.
  results.ours.push(await ours());
  results.oursNoProbe.push(await ours({ tagParameters: 'never' }));
  results.allTags.push(await allTags());
  results.perTag.push(await perTag());
  results.rerun.push(await rerun());
}
await run(['rmi', localImage]);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (rows) => ({
  requests: median(rows.map((r) => r.requests)),
  bytes: median(rows.map((r) => r.bytes)),
  ms: median(rows.map((r) => r.ms)),
});
const oursSummary = summary(results.ours);
const oursNoProbeSummary = summary(results.oursNoProbe);
const allTagsSummary = summary(results.allTags);
const perTagSummary = summary(results.perTag);
const oursClient = median(results.ours.map((r) => r.clientRequests));
const oursPush = median(results.ours.map((r) => r.pushRequests));

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
console.log(
  `publish bench: ${layers}-layer image (${layerKb} KiB random per RUN layer), ${tags.length} tags, +${delayMs} ms per request, median of ${runs} run(s)`,
);
console.log('');
console.log('| method | registry requests | bytes received | wall time |');
console.log('|---|---:|---:|---:|');
for (const [name, s] of [
  ['image-build publish', oursSummary],
  ["image-build publish, tagParameters 'never'", oursNoProbeSummary],
  ['docker push --all-tags', allTagsSummary],
  ['docker push per tag', perTagSummary],
]) {
  console.log(`| ${name} | ${s.requests} | ${fmt(s.bytes)} | ${(s.ms / 1000).toFixed(2)} s |`);
}
console.log('');
const o = oursSummary;
const a = allTagsSummary;
const p = perTagSummary;
const extra = tags.length - 1;
const kinds = results.ours[Math.floor(results.ours.length / 2)].kinds;
console.log(
  `ours: the first push (docker) ${oursPush} requests; our client ${oursClient} in all (${(oursClient / extra).toFixed(2)} per extra tag); after the push: ` +
    Object.entries(kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', '),
);
console.log(
  `manifest PUTs per extra tag: ${((kinds['PUT manifest'] ?? 0) / extra).toFixed(2)} (one extra is the ?tag= probe, which distribution 2.8 ignores)`,
);
const n = oursNoProbeSummary;
console.log(
  `without the ?tag= probe: ${n.requests - oursPush} requests beyond one docker push` +
    ` -> /--all-tags ${ratio(n.requests - oursPush, a.requests - oursPush)}, /per-tag ${ratio(n.requests - oursPush, p.requests - oursPush)}`,
);
console.log(
  `requests: ours/--all-tags ${ratio(o.requests, a.requests)}, ours/per-tag ${ratio(o.requests, p.requests)}`,
);
console.log(
  `requests beyond one docker push: ours ${o.requests - oursPush}, --all-tags ${a.requests - oursPush}, per-tag ${p.requests - oursPush}` +
    ` -> ours/--all-tags ${ratio(o.requests - oursPush, a.requests - oursPush)}, ours/per-tag ${ratio(o.requests - oursPush, p.requests - oursPush)}`,
);
console.log(`bytes: ours/--all-tags ${ratio(o.bytes, a.bytes)}, ours/per-tag ${ratio(o.bytes, p.bytes)}`);
console.log(`wall time: ours/--all-tags ${ratio(o.ms, a.ms)}, ours/per-tag ${ratio(o.ms, p.ms)}`);
const repush = summary(results.rerun.map((r) => r.repush));
const skip = summary(results.rerun.map((r) => r.skip));
console.log(
  `re-run of the same image: re-push ${repush.requests} requests ${(repush.ms / 1000).toFixed(2)} s; ` +
    `with localConfigDigest (no push) ${skip.requests} requests ${(skip.ms / 1000).toFixed(2)} s` +
    ` -> requests ${ratio(skip.requests, repush.requests)}, wall time ${ratio(skip.ms, repush.ms)}`,
);
