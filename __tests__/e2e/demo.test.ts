import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildActionBundle, repositoryRoot } from '../helpers/action-run.js';
import { describeEachBuilder, registryManifest } from '../helpers/testbed.js';

describeEachBuilder('the README demo command', (builder) => {
  it('builds, tags, publishes to the local registry and writes the report', async () => {
    buildActionBundle();
    const report = join(mkdtempSync(join(tmpdir(), 'ib-demo-')), 'report.md');
    const run = spawnSync('bash', [join(repositoryRoot, 'scripts/demo.sh')], {
      cwd: repositoryRoot,
      env: { ...builder.env, DEMO_REPORT: report, DEMO_VERSION: '3.1.4' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(run.stdout + run.stderr).toContain(
      builder.name === 'classic' ? 'Building with the engine builder' : 'Building with buildx',
    );
    expect(run.stdout).toContain('## Image');
    expect(text).toMatch(/\| Compressed size \(pull\) \| [\d.]+ (KiB|MiB)/);
    expect(text).toMatch(/\| ✅ \| Runs as non-root \| USER nobody \|/);
    expect(text).toMatch(/\| Uncompressed size \(on disk\) \| [\d.]+ (KiB|MiB) \|/);
    expect(text).toContain('| Read from | registry (manifest and config; nothing pulled) |');
    const digest = /\| Digest \| `(sha256:[a-f0-9]{64})` \|/.exec(text)?.[1];
    expect(digest).toBeDefined();
    expect((await registryManifest('demo/app', '3.1.4'))?.digest).toBe(digest);
  });
});
