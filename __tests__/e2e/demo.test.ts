import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildActionBundle, repositoryRoot } from '../helpers/action-run.js';
import { describeEachBuilder, registryManifest, testbed } from '../helpers/testbed.js';

const IMAGES = ['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway'];

describeEachBuilder('the README demo command', (builder) => {
  it('builds the example graph, publishes a release, reuses every image on the second run, prints the report', async () => {
    buildActionBundle();
    const summary = join(mkdtempSync(join(tmpdir(), 'ib-demo-')), 'summary.md');
    // A version no other run of the demo used, so the release tags are this run's.
    const version = `3.1.${process.pid % 1000}`;
    // Its own repositories: the first run builds on this builder (another builder's images would be reused).
    const path = `demo-${builder.name}-${process.pid}-${Date.now()}`;
    const run = spawnSync('bash', [join(repositoryRoot, 'scripts/demo.sh')], {
      cwd: repositoryRoot,
      env: {
        ...builder.env,
        DEMO_SUMMARY: summary,
        DEMO_VERSION: version,
        DEMO_REGISTRY: `${testbed().registry}/${path}`,
      },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toContain(
      builder.name === 'classic' ? 'Building with the engine builder' : 'Building with buildx',
    );
    // The first run built all five, the second built nothing: every image reused, only its tags written.
    expect(run.stdout).toMatch(/\n5 built in [\d.]+ s/);
    expect(run.stdout).toMatch(/\n5 reused in [\d.]+ s/);
    expect(output).toContain(`summary file: ${summary}`);

    const text = readFileSync(summary, 'utf8');
    // One table for the graph, a row per image, then each image's report.
    for (const [level, name] of [
      [0, 'base-runtime'],
      [1, 'base-ml'],
      [2, 'embedder'],
      [2, 'ranker'],
      [1, 'gateway'],
    ] as const)
      expect(text).toMatch(new RegExp(`\\| \`${name}\` \\| ${level} \\| built \\| [\\d.]+ (B|KiB|MiB) \\|`));
    expect(text.match(/^### Image /gm)).toHaveLength(IMAGES.length);
    expect(text).toMatch(/\| Compressed size \(pull\) \| [\d.]+ (KiB|MiB)/);
    expect(text).toMatch(/\| Read from \| registry/);
    // Every image of the release is in the registry, on the digest the report names.
    for (const name of IMAGES) {
      const published = await registryManifest(`${path}/${name}`, version);
      expect(published?.digest, name).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(text).toContain(`\`${published?.digest.slice(0, 19)}…\``);
    }
  });
});
