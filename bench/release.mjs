// bench/release: what a release of a commit already built on main costs, four ways, in the same run.
// Each scenario starts on a fresh registry behind the counting proxy (the test bed's IB_PROXY_PORT,
// trusted as plain http by BuildKit and the engine), publishes the main-branch build of one commit
// (tags main, sha-<commit>; not measured), then measures the release of that commit (v1.2.3: tags 1.2.3,
// 1.2, 1, latest) and then what an engine that already runs the main image downloads to run the release:
//   rebuild     reuse-commit: false: a hot build and a push, as every release is built today
//   promote     reuse-commit + release-annotations: false: the commit's manifest under the release tags
//   annotate    reuse-commit (the default): a new OCI manifest with the release annotations, same config and layers
//   relabel     the alternative not taken: a new config blob with the release labels, then a new manifest
//               (written here with plain HTTP, as a tool would do it)
//
//   node bench/release.mjs [--runs 3] [--layer-kb 256] [--delay 5]
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
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
if (bed.IB_BUILDX !== 'available') throw new Error('bench/release needs buildx on the test bed');
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

const engine = async (args) => {
  const result = await lib.processRunner.run(bed.IB_DOCKER, args, { env: builderEnv.classic });
  if (result.exitCode !== 0)
    throw new Error(`docker ${args.join(' ')} failed: ${result.stderr.slice(-2000)}`);
  return result.stdout;
};

// Eight RUN layers of random bytes on the base image: a hot build reuses them, a push sends none again.
const context = mkdtempSync(join(tmpdir(), 'ib-bench-release-ctx-'));
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
const SHA = 'abc1234' + '0'.repeat(33);
const TAGS = [
  'type=ref,event=branch',
  'type=sha',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
].join('\n');
const RELEASE_TAGS = ['1.2.3', '1.2', '1', 'latest'];

/** The action's pipeline as GitHub starts it on a push of `ref`. */
async function runAction(builder, image, ref, extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ib-bench-release-'));
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      repository: { name: 'app', html_url: 'https://github.com/acme/app', default_branch: 'main' },
      head_commit: { id: SHA, timestamp: '2024-04-30T08:00:00Z' },
    }),
  );
  const values = {
    images: image,
    tags: TAGS,
    context,
    'build-args': `BASE_IMAGE=${bed.IB_BASE_IMAGE}`,
    network: 'none',
    push: 'true',
    summary: 'false',
    'github-token': '',
    ...extra,
  };
  const env = {
    ...builderEnv[builder],
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: ref,
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/app',
    RUNNER_TEMP: dir,
  };
  const inputs = lib.readImageBuildInputs((name) => values[name] ?? '');
  return lib.runImageBuild(inputs, { env, runner: lib.processRunner, logger: lib.silentLogger });
}

const { fetch } = globalThis;
const ACCEPT =
  'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';
const sha256 = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** The alternative: the release's labels in a new config blob, then the new manifest under each tag. */
async function relabel(image) {
  const [host, ...path] = image.split('/');
  const repository = path.join('/');
  const url = (rest) => `http://${host}/v2/${repository}/${rest}`;
  const manifestResponse = await fetch(url('manifests/sha-abc1234'), { headers: { accept: ACCEPT } });
  const mediaType = manifestResponse.headers.get('content-type');
  const manifest = JSON.parse(await manifestResponse.text());
  const config = JSON.parse(await (await fetch(url(`blobs/${manifest.config.digest}`))).text());
  config.config.Labels = {
    ...config.config.Labels,
    'org.opencontainers.image.version': '1.2.3',
    'org.opencontainers.image.created': '2024-04-30T08:00:00.000Z',
  };
  const configBytes = Buffer.from(JSON.stringify(config));
  const digest = sha256(configBytes);
  const start = await fetch(url('blobs/uploads/'), { method: 'POST' });
  const location = new URL(start.headers.get('location'), `http://${host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: configBytes });
  if (put.status !== 201) throw new Error(`config upload: ${put.status}`);
  manifest.config = { ...manifest.config, digest, size: configBytes.length };
  const body = Buffer.from(JSON.stringify(manifest));
  for (const tag of RELEASE_TAGS) {
    const response = await fetch(url(`manifests/${tag}`), {
      method: 'PUT',
      body,
      headers: { 'content-type': mediaType },
    });
    if (response.status !== 201) throw new Error(`manifest ${tag}: ${response.status}`);
  }
}

let scenarioCount = 0;
/** A fresh registry with the main build of SHA; measures `release`, then a pull of 1.2.3 by the engine. */
async function measure(builder, release) {
  const registry = await lib.startRegistry();
  const proxy = await lib.startFaultProxy({ target: registry.address, delayMs, port: proxyPort });
  const image = `${proxyAddress}/bench/release-${process.pid}-${scenarioCount++}`;
  try {
    await runAction(builder, image, 'refs/heads/main');
    // The engine runs the main build already: what does running the release add?
    await engine(['pull', '-q', `${image}:sha-abc1234`]);
    proxy.resetStats();
    const started = performance.now();
    await release(image);
    const ms = performance.now() - started;
    const { requests, bytesIn: uploaded } = proxy.stats;
    proxy.resetStats();
    await engine(['pull', '-q', `${image}:1.2.3`]);
    const pull = { requests: proxy.stats.requests, bytes: proxy.stats.bytesOut };
    await engine(['rmi', `${image}:1.2.3`, `${image}:sha-abc1234`]).catch(() => undefined);
    return { ms, requests, uploaded, pull };
  } finally {
    await proxy.stop();
    await registry.stop();
  }
}

const release = (builder, extra) => async (image) => {
  const result = await runAction(builder, image, 'refs/tags/v1.2.3', extra);
  const reused = Boolean(result.reused);
  const wanted = extra['reuse-commit'] !== 'false';
  if (reused !== wanted) throw new Error(`reuse-commit ${extra['reuse-commit']}: reused=${reused}`);
};
const scenarios = {};
for (const builder of ['buildx', 'classic']) {
  scenarios[`${builder}: rebuild (reuse-commit: false)`] = () =>
    measure(builder, release(builder, { 'reuse-commit': 'false' }));
  scenarios[`${builder}: promote, commit manifest (release-annotations: false)`] = () =>
    measure(builder, release(builder, { 'reuse-commit': 'true', 'release-annotations': 'false' }));
  scenarios[`${builder}: promote, annotated OCI manifest (default)`] = () =>
    measure(builder, release(builder, { 'reuse-commit': 'true' }));
}
scenarios['relabel: new config blob + manifest (not taken)'] = () => measure('classic', relabel);

// Warm-up, not measured: both builders build the layers once, so every measured build is hot.
await measure('buildx', release('buildx', { 'reuse-commit': 'false' }));
await measure('classic', release('classic', { 'reuse-commit': 'false' }));

const results = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  // Interleaved so drift in the machine's load hits every scenario alike.
  for (const [name, run] of Object.entries(scenarios)) results[name].push(await run());
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const summary = Object.fromEntries(
  Object.entries(results).map(([name, rows]) => [
    name,
    {
      ms: median(rows.map((r) => r.ms)),
      requests: median(rows.map((r) => r.requests)),
      uploaded: median(rows.map((r) => r.uploaded)),
      pullRequests: median(rows.map((r) => r.pull.requests)),
      pullBytes: median(rows.map((r) => r.pull.bytes)),
    },
  ]),
);
console.log(
  `release bench: a 9-layer image (${layerKb} KiB random per RUN layer) built on main, released as v1.2.3 (4 tags), ` +
    `+${delayMs} ms per request, buildx ${bed.IB_BUILDX_VERSION} on BuildKit 0.11.6 and docker 20.10, median of ${runs} run(s)`,
);
console.log('');
console.log(
  '| release | wall time | registry requests | bytes uploaded | pull on a host with the main image |',
);
console.log('|---|---:|---:|---:|---:|');
for (const [name, s] of Object.entries(summary)) {
  console.log(
    `| ${name} | ${(s.ms / 1000).toFixed(2)} s | ${s.requests} | ${fmt(s.uploaded)} | ${s.pullRequests} requests, ${fmt(s.pullBytes)} |`,
  );
}
console.log('');
for (const builder of ['buildx', 'classic']) {
  const rebuild = summary[`${builder}: rebuild (reuse-commit: false)`];
  const annotated = summary[`${builder}: promote, annotated OCI manifest (default)`];
  console.log(
    `${builder}: annotated promote / rebuild: wall time ${(annotated.ms / rebuild.ms).toFixed(2)}x, ` +
      `requests ${(annotated.requests / rebuild.requests).toFixed(2)}x`,
  );
}
