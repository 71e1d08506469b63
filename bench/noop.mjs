// bench/noop: what a second run of an unchanged graph costs. The example graph (examples/graph: five
// images, base-runtime → base-ml → two services, and a service on base-runtime) is published once;
// then, in the same run and interleaved, (a) image-build's whole no-op run as a user meets it: a node
// process that loads the library and runs the graph (hash every image's inputs, one HEAD per image,
// manifest PUTs of the tags, nothing built), and (b) a hot build of the same five images with the same
// build args (every step cached): `docker build` on the classic builder, `docker buildx build` on the
// remote BuildKit builder, one after the other as a build script does, with no push. Prints medians
// and the ratio; the target is a no-op run at most 0.5× the hot build.
//
//   node bench/noop.mjs [--runs 5]
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { root, testbedEnv } from './lib.mjs';

const run = promisify(execFile);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5);
const TARGET = 0.5;

const work = mkdtempSync(join(tmpdir(), 'ib-bench-noop-'));
// The library bundled as scripts/build.mjs bundles dist/lib (code splitting: the AWS SDK and the other
// heavy clients load only when a run needs them), so start-up costs what the shipped CLI's does.
await build({
  entryPoints: { index: join(root, 'src/index.ts') },
  outdir: join(work, 'lib'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
});
const bundle = join(work, 'lib/index.js');
// The no-op run as its own process: start-up and module loading are part of what a user waits for.
const graphScript = join(work, 'graph-run.mjs');
writeFileSync(
  graphScript,
  `import { runGraph, processRunner, silentLogger } from ${JSON.stringify(pathToFileURL(bundle).href)};
const { file, registry } = JSON.parse(process.argv[2]);
const inputs = { push: 'true', network: 'none' };
const result = await runGraph(
  { file, read: (name) => inputs[name] ?? '', registry },
  { env: process.env, runner: processRunner, logger: silentLogger },
);
process.stdout.write(JSON.stringify(result.rows));
`,
);

const bed = testbedEnv();
const base = { ...process.env, ...bed };
delete base.BUILDX_BUILDER;
const git = {
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: 'b'.repeat(40),
  RUNTIME_FROM: bed.IB_BASE_IMAGE,
};
const builders = {
  classic: {
    docker: bed.IB_DOCKER,
    env: {
      ...base,
      ...git,
      DOCKER_CONFIG: bed.IB_CLASSIC_CONFIG,
      IB_DOCKER: bed.IB_DOCKER,
      DOCKER_BUILDKIT: '1',
    },
    build: ['build'],
  },
  ...(bed.IB_BUILDX === 'available' && {
    'buildx-remote': {
      docker: bed.IB_BUILDX_DOCKER,
      env: {
        ...base,
        ...git,
        DOCKER_CONFIG: bed.IB_BUILDX_CONFIG,
        BUILDX_BUILDER: bed.IB_BUILDX_REMOTE,
        IB_DOCKER: bed.IB_BUILDX_DOCKER,
      },
      build: ['buildx', 'build'],
    },
  }),
};

const timed = async (body) => {
  const started = performance.now();
  const value = await body();
  return { ms: performance.now() - started, value };
};

const graphRun = (builder, dir, registry) =>
  timed(async () => {
    const { stdout } = await run(
      process.execPath,
      [graphScript, JSON.stringify({ file: join(dir, 'image-build.yml'), registry })],
      {
        env: builder.env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return JSON.parse(stdout);
  });

/** The same five builds a script would run, in order, with the args the graph gave each image. */
const hotBuild = (name, builder, dir, rows) =>
  timed(async () => {
    const specs = {
      'base-runtime': { context: 'base-runtime', args: [`RUNTIME_FROM=${bed.IB_BASE_IMAGE}`] },
      'base-ml': { context: 'base-ml' },
      embedder: { context: 'services/embedder', target: 'runtime' },
      ranker: { context: 'services/ranker' },
      gateway: { context: 'services/gateway' },
    };
    for (const row of rows) {
      const spec = specs[row.name];
      const args = [
        ...(spec.args ?? []),
        ...row.parents.map((parent) => `${parent.arg}=${parent.reference}`),
      ];
      await run(
        builder.docker,
        [
          ...builder.build,
          '-q',
          '--network',
          'none',
          ...args.flatMap((value) => ['--build-arg', value]),
          ...(spec.target ? ['--target', spec.target] : []),
          ...(name === 'classic' ? ['-t', `bench-noop/${row.name}:hot`] : []),
          join(dir, spec.context),
        ],
        { env: builder.env, maxBuffer: 16 * 1024 * 1024 },
      );
    }
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (const [name, builder] of Object.entries(builders)) {
  const dir = mkdtempSync(join(work, `${name}-`));
  cpSync(join(root, 'examples/graph'), dir, { recursive: true });
  const registry = `${bed.IB_REGISTRY}/bench-noop/${name}-${process.pid}`;
  // Not measured: the first run builds and publishes; one hot build warms the builder's side.
  const first = await graphRun(builder, dir, registry);
  if (first.value.some((row) => row.status !== 'built'))
    throw new Error(`first run: ${JSON.stringify(first.value)}`);
  await hotBuild(name, builder, dir, first.value);
  const noop = [];
  const hot = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved so drift in the machine's load hits both alike.
    const second = await graphRun(builder, dir, registry);
    const statuses = second.value.map((row) => row.status);
    if (statuses.some((status) => status !== 'reused'))
      throw new Error(`no-op run built something: ${statuses}`);
    noop.push(second.ms);
    hot.push((await hotBuild(name, builder, dir, first.value)).ms);
  }
  results.push({ name, first: first.ms, noop: median(noop), hot: median(hot) });
}
if (results.some((result) => result.name === 'classic')) {
  await run(
    bed.IB_DOCKER,
    [
      'rmi',
      ...['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway'].map(
        (image) => `bench-noop/${image}:hot`,
      ),
    ],
    {
      env: builders.classic.env,
    },
  ).catch(() => undefined);
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`bench/noop: examples/graph (5 images), medians of ${runs} interleaved runs`);
console.log('builder        first run (builds)  no-op run (process)  hot build (5 builds)  no-op / hot');
for (const result of results) {
  const ratio = result.noop / result.hot;
  console.log(
    `${result.name.padEnd(15)}${seconds(result.first).padEnd(20)}${seconds(result.noop).padEnd(21)}${seconds(result.hot).padEnd(22)}${ratio.toFixed(2)}× ${ratio <= TARGET ? '(target ≤ 0.5×: met)' : '(target ≤ 0.5×: NOT met)'}`,
  );
}
if (!builders['buildx-remote'])
  console.log('buildx is not available on this test bed: buildx-remote not measured');
