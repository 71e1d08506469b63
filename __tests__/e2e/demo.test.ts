import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testbed } from '../helpers/testbed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the README demo command', () => {
  it('builds, tags, publishes to the local registry and writes the report', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'ib-demo-')), 'report.md');
    const output = execFileSync('bash', [join(root, 'scripts/demo.sh')], {
      cwd: root,
      env: { ...process.env, DEMO_REPORT: report, DEMO_VERSION: '3.1.4' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const text = readFileSync(report, 'utf8');
    expect(output).toContain('### Image');
    expect(text).toMatch(/\| Compressed size \(pull\) \| [\d.]+ (KiB|MiB) \|/);
    expect(text).toMatch(/\| Uncompressed size \(on disk\) \| [\d.]+ (KiB|MiB) \|/);
    expect(text).toContain('| Read from | registry (manifest and config; nothing pulled) |');
    const digest = /\| Digest \| `(sha256:[a-f0-9]{64})` \|/.exec(text)?.[1];
    expect(digest).toBeDefined();
    const response = await fetch(`http://${testbed().registry}/v2/demo/app/manifests/3.1.4`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(response.headers.get('docker-content-digest')).toBe(digest);
  });
});
