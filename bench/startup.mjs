// Start-up cost of the actions (issue 3 §5): bundle sizes of every dist entry, then the median time
// from process start to the first log line of `node dist/tags/main.js` and `node dist/action/main.js`
// with a typical input (a tag push, images + semver tags, no token so no network), against
// `node -e 0` in the same run. The main action is stopped after its first line (it would go on to build).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = new URL('..', import.meta.url).pathname;

if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log('Bundle sizes (dist/):');
let total = 0;
for (const dir of ['action', 'tags', 'cli', 'lib', 'chunks']) {
  let names = [];
  try {
    names = readdirSync(join(root, 'dist', dir)).filter((name) => name.endsWith('.js'));
  } catch {
    continue;
  }
  for (const name of names.sort()) {
    const size = statSync(join(root, 'dist', dir, name)).size;
    total += size;
    console.log(`  ${`dist/${dir}/${name}`.padEnd(48)} ${kb(size).padStart(12)}`);
  }
}
console.log(`  ${'total'.padEnd(48)} ${kb(total).padStart(12)}`);

const work = mkdtempSync(join(tmpdir(), 'ib-bench-startup-'));
const eventPath = join(work, 'event.json');
writeFileSync(
  eventPath,
  JSON.stringify({
    ref: 'refs/tags/v1.2.3',
    head_commit: { id: 'a'.repeat(40), timestamp: '2024-05-01T10:00:00Z' },
    repository: {
      name: 'app',
      html_url: 'https://github.com/acme/app',
      default_branch: 'main',
      license: null,
    },
  }),
);
for (const name of ['output', 'env']) writeFileSync(join(work, name), '');
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_OUTPUT: join(work, 'output'),
  GITHUB_ENV: join(work, 'env'),
  RUNNER_TEMP: work,
  INPUT_IMAGES: 'ghcr.io/acme/app',
  INPUT_TAGS:
    'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=ref,event=branch\ntype=sha',
  'INPUT_GITHUB-TOKEN': '',
};

/** Milliseconds from spawn to the first byte on stdout, and to exit. */
function timeToFirstOutput(args, { stopAfterFirst = false } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let first;
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => {
      first ??= performance.now() - start;
      if (stopAfterFirst) child.kill('SIGKILL');
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && !stopAfterFirst) reject(new Error(`${args.join(' ')} exited ${code}`));
      else {
        const exit = performance.now() - start;
        resolve({ first: first ?? exit, exit });
      }
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const baseline = [];
const action = [];
const actionExit = [];
const main = [];
for (let i = 0; i < RUNS; i++) {
  main.push((await timeToFirstOutput([join(root, 'dist/action/main.js')], { stopAfterFirst: true })).first);
  baseline.push((await timeToFirstOutput(['-e', 'process.stdout.write("x")'])).first);
  const run = await timeToFirstOutput([join(root, 'dist/tags/main.js')]);
  action.push(run.first);
  actionExit.push(run.exit);
}
const base = median(baseline);
const tags = median(action);
console.log(`\nStart-up, median of ${RUNS} runs (process start -> first log line):`);
console.log(`  node -e 0 (baseline)      ${base.toFixed(1)} ms`);
console.log(`  node dist/tags/main.js    ${tags.toFixed(1)} ms`);
console.log(
  `  ratio                     ${(tags / base).toFixed(2)}x  (over baseline: ${(tags - base).toFixed(1)} ms)`,
);
console.log(`  target                    < 100 ms: ${tags < 100 ? 'met' : 'NOT met'}`);
console.log(`  whole run (to exit)       ${median(actionExit).toFixed(1)} ms`);
const mainFirst = median(main);
console.log(`  node dist/action/main.js  ${mainFirst.toFixed(1)} ms  (${(mainFirst / base).toFixed(2)}x)`);
console.log(`  target                    < 100 ms: ${mainFirst < 100 ? 'met' : 'NOT met'}`);
