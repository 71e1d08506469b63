// Shared by the benchmarks: load project sources (TypeScript, test helpers included) in plain node by
// bundling them with esbuild, and bring up the test bed and read its environment.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('..', import.meta.url).pathname;

/** Bundles `export … from './src/…'` lines into one module and imports it. */
export async function loadSources(exportLines) {
  const bundle = join(mkdtempSync(join(tmpdir(), 'ib-bench-')), 'bench-lib.mjs');
  await build({
    stdin: { contents: exportLines.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);",
    },
  });
  return import(pathToFileURL(bundle).href);
}

/** Starts the test bed (idempotent) and returns its variables (DOCKER_HOST, IB_REGISTRY, …). */
export function testbedEnv() {
  const script = join(root, 'scripts/testbed.sh');
  execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = {};
  for (const line of execFileSync('bash', [script, 'env'], { encoding: 'utf8' }).split('\n')) {
    const match = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
}
