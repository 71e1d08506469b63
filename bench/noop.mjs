// bench/noop: what a second run of an unchanged graph costs, as a user meets it. A graph is published
// once; then, in the same run and interleaved, (a) the whole no-op run: `image-build graph` (the CLI,
// bundled from src/ as scripts/build.mjs bundles dist/) in a git checkout of the graph, which hashes
// every image's inputs, finds each published, looks at its tags and prints the report (contents
// included, the default), building nothing; and (b) a hot build of the same images with the same
// build args (every step cached), one after the other as a build script does, with no push: on
// buildx's remote builder (a BuildKit daemon, as setup-buildx-action gives a runner), on buildx's
// `docker` driver (what `docker build` is with docker 28 on a runner) and with Debian's docker 20.10
// builder (classic). Prints medians and the ratio; the target is a no-op run at most 0.5× the hot build.
//
// Two fixtures: `example` is examples/graph as it is (five busybox images with a few small files:
// a hot build of one takes about as long as node takes to start); `platform` is the same graph with
// the sizes of USERS.md §4 scaled down 40×: a 30 MiB model directory in base-ml, a 3 MiB library in
// base-runtime and a 2 MiB application (600 files) in each service.
//
// `--node PATH` runs the CLI with another Node (the action runs on Node 24, whose compile cache the
// CLI turns on: a no-op run after the first then skips most of the module compilation).
//
//   node bench/noop.mjs [--runs 5] [--fixture example|platform|all] [--node PATH]
import { build } from 'esbuild';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { root, testbedEnv } from './lib.mjs';

const run = promisify(execFile);
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(option('runs', 5));
const fixtureChoice = option('fixture', 'all');
const nodeBinary = option('node', process.execPath);
const TARGET = 0.5;

const work = mkdtempSync(join(tmpdir(), 'ib-bench-noop-'));
// The CLI bundled as scripts/build.mjs bundles dist/cli (code splitting: the AWS SDK and the other
// heavy clients load only when a run needs them), so start-up costs what the shipped CLI's does.
await build({
  entryPoints: { 'cli/index': join(root, 'src/cli/index.ts') },
  outdir: join(work, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  minifySyntax: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
});
const cli = join(work, 'dist/cli/index.js');

const bed = testbedEnv();
const base = { ...process.env, ...bed, RUNTIME_FROM: bed.IB_BASE_IMAGE };
delete base.BUILDX_BUILDER;
// A local run: the CLI reads the checkout with git, as on a developer's machine.
for (const name of ['GITHUB_ACTIONS', 'GITHUB_EVENT_NAME', 'GITHUB_REF', 'GITHUB_SHA', 'GITHUB_EVENT_PATH'])
  delete base[name];
const builders = {
  classic: {
    docker: bed.IB_DOCKER,
    env: { ...base, DOCKER_CONFIG: bed.IB_CLASSIC_CONFIG, IB_DOCKER: bed.IB_DOCKER, DOCKER_BUILDKIT: '1' },
    build: ['build'],
    tagged: true,
  },
  ...(bed.IB_BUILDX === 'available' && {
    'buildx-remote': {
      docker: bed.IB_BUILDX_DOCKER,
      env: {
        ...base,
        DOCKER_CONFIG: bed.IB_BUILDX_CONFIG,
        BUILDX_BUILDER: bed.IB_BUILDX_REMOTE,
        IB_DOCKER: bed.IB_BUILDX_DOCKER,
      },
      build: ['buildx', 'build'],
    },
    // `docker build` on a runner without setup-buildx-action: docker 28 builds through buildx's
    // `docker` driver, into the engine.
    'buildx-docker': {
      docker: bed.IB_BUILDX_DOCKER,
      env: {
        ...base,
        DOCKER_CONFIG: bed.IB_BUILDX_CONFIG,
        BUILDX_BUILDER: bed.IB_BUILDX_DOCKER_DRIVER,
        IB_DOCKER: bed.IB_BUILDX_DOCKER,
      },
      build: ['buildx', 'build'],
      tagged: true,
    },
  }),
};

/** Files of `count` × `bytes` random bytes under `dir` (random: no layer compresses them away). */
function fill(dir, count, bytes) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `pkg${i % 20}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `module${i}.py`), randomBytes(bytes));
  }
}

const fixtures = {
  example: () => undefined,
  platform: (dir) => {
    fill(join(dir, 'base-runtime/lib'), 200, 16 * 1024);
    appendFileSync(join(dir, 'base-runtime/Dockerfile'), 'COPY lib/ /opt/platform/lib/\n');
    fill(join(dir, 'base-ml/models'), 15, 2 * 1024 * 1024);
    appendFileSync(join(dir, 'base-ml/Dockerfile'), 'COPY models/ /opt/ml/models/\n');
    for (const service of ['embedder', 'ranker', 'gateway']) {
      fill(join(dir, `services/${service}/vendor`), 600, 3500);
      appendFileSync(
        join(dir, `services/${service}/Dockerfile`),
        `COPY vendor/ /opt/${service}/vendor/\nRUN find /opt/${service}/vendor -type f | wc -l\n`,
      );
    }
  },
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
      [
        cli,
        'graph',
        '--images-file',
        'image-build.yml',
        '--registry',
        registry,
        '--push',
        '--network',
        'none',
        '--json',
      ],
      { cwd: dir, env: builder.env, maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(stdout).rows;
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
          // Into the engine, as a script's build is: tagged, so the engine keeps it.
          ...(builder.tagged ? ['-t', `bench-noop/${row.name}:hot`] : []),
          join(dir, spec.context),
        ],
        { env: builder.env, maxBuffer: 16 * 1024 * 1024 },
      );
    }
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (const [fixture, prepare] of Object.entries(fixtures)) {
  if (fixtureChoice !== 'all' && fixtureChoice !== fixture) continue;
  for (const [name, builder] of Object.entries(builders)) {
    const dir = mkdtempSync(join(work, `${fixture}-${name}-`));
    cpSync(join(root, 'examples/graph'), dir, { recursive: true });
    prepare(dir);
    const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-qm', 'graph');
    const registry = `${bed.IB_REGISTRY}/bench-noop/${fixture}-${name}-${process.pid}`;
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
    results.push({ fixture, name, first: first.ms, noop: median(noop), hot: median(hot) });
  }
}
if (builders.classic) {
  await run(
    bed.IB_DOCKER,
    [
      'rmi',
      ...['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway'].map(
        (image) => `bench-noop/${image}:hot`,
      ),
    ],
    { env: builders.classic.env },
  ).catch(() => undefined);
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const nodeVersion = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
console.log(
  `bench/noop: the graphs of examples/graph (5 images), medians of ${runs} interleaved runs, the CLI on Node ${nodeVersion}`,
);
console.log(
  'fixture   builder        first run (builds)  no-op run (CLI)  hot build (5 builds)  no-op / hot',
);
for (const result of results) {
  const ratio = result.noop / result.hot;
  console.log(
    `${result.fixture.padEnd(10)}${result.name.padEnd(15)}${seconds(result.first).padEnd(20)}${seconds(result.noop).padEnd(17)}${seconds(result.hot).padEnd(22)}${ratio.toFixed(2)}× ${ratio <= TARGET ? '(target ≤ 0.5×: met)' : '(target ≤ 0.5×: NOT met)'}`,
  );
}
if (!builders['buildx-remote'])
  console.log('buildx is not available on this test bed: buildx-remote not measured');
