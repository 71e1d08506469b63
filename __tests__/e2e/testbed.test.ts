import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectBuilder } from '../../src/build/index.js';
import { processRunner } from '../../src/util/exec.js';
import {
  type BuilderName,
  describeEachBuilder,
  dockerEnv,
  registryLogSize,
  registryRequests,
  testbed,
} from '../helpers/testbed.js';

describe('test bed', () => {
  it('builds a two-stage image on the real engine, pushes it, and reads its manifest back over HTTP', async () => {
    const bed = testbed();
    const dir = mkdtempSync(join(tmpdir(), 'ib-bed-'));
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        `FROM ${bed.baseImage} AS builder`,
        'RUN echo "built at stage one" > /artifact.txt',
        `FROM ${bed.baseImage}`,
        'COPY --from=builder /artifact.txt /artifact.txt',
        'USER nobody',
        '',
      ].join('\n'),
    );
    const repo = `testbed/two-stage-${process.pid}`;
    const ref = `${bed.registry}/${repo}:1`;
    const env = dockerEnv();
    execFileSync(bed.docker, ['build', '--network=none', '-t', ref, dir], { env, stdio: 'pipe' });
    const before = registryLogSize();
    execFileSync(bed.docker, ['push', ref], { env, stdio: 'pipe' });
    expect(
      registryRequests(before, repo).some((r) => r.method === 'PUT' && r.path.endsWith('/manifests/1')),
    ).toBe(true);

    const response = await fetch(`http://${bed.registry}/v2/${repo}/manifests/1`, {
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as { layers: { size: number }[]; config: { digest: string } };
    // The base image's layer plus the one COPY layer: the builder stage must not leak into the result.
    expect(manifest.layers).toHaveLength(2);

    const config = (await (
      await fetch(`http://${bed.registry}/v2/${repo}/blobs/${manifest.config.digest}`)
    ).json()) as {
      config: { User?: string };
    };
    expect(config.config.User).toBe('nobody');

    const output = execFileSync(bed.docker, ['run', '--rm', '--network=none', ref, 'cat', '/artifact.txt'], {
      env,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('built at stage one');
  });
});

/** What the product must detect in each builder's environment: the other e2e tests rely on it. */
const DETECTED: Record<BuilderName, Record<string, unknown>> = {
  'buildx-remote': { kind: 'buildx', name: 'testbed', driver: 'remote', canExportCache: true },
  'buildx-docker': { kind: 'buildx', name: 'default', driver: 'docker', canExportCache: false },
  classic: { kind: 'classic', docker: '/usr/bin/docker' },
};

describeEachBuilder('test bed builder', (builder) => {
  it('is the builder the product detects in its environment', async () => {
    const detected = await detectBuilder(processRunner, builder.env);
    expect(detected).toMatchObject(DETECTED[builder.name]);
    if (detected.kind === 'buildx') {
      expect(detected.docker).toBe(builder.docker);
      expect(detected.version).toBe(process.env.IB_BUILDX_VERSION?.replace(/^v/, ''));
      // The client is the runners' (docker CLI >= 23), which refuses BuildKit builds without buildx.
      const client = execFileSync(builder.docker, ['version', '--format', '{{.Client.Version}}'], {
        env: builder.env,
        encoding: 'utf8',
      });
      expect(Number(client.split('.')[0])).toBeGreaterThanOrEqual(23);
    }
  });
});
