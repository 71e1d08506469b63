import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildImage, readBuildInputs } from '../../src/build/index.js';
import {
  automaticBuildArgs,
  computeMetadata,
  parseMetadataInputs,
  recordInputReader,
} from '../../src/tags/index.js';
import type { RunContext } from '../../src/tags/types.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { describeEachBuilder, registryImage, testbed } from '../helpers/testbed.js';

// The build only succeeds when CERT arrives with its newline (two lines): the RUN checks it.
const DOCKERFILE = [
  'ARG BASE_IMAGE',
  'FROM ${BASE_IMAGE}',
  'ARG CERT',
  'RUN test "$(printf "%s\\n" "$CERT" | wc -l)" -eq 2',
  'ARG VERSION=dev',
  'ARG ENVIRONMENT=development',
  'LABEL version=$VERSION environment=$ENVIRONMENT',
].join('\n');

describeEachBuilder('inputs in the forms users bring, on the real builder', (builder) => {
  it("a quoted multi-line build arg arrives whole, and with no environment the Dockerfile's ENVIRONMENT default stays", async () => {
    const bed = testbed();
    const context = mkdtempSync(join(tmpdir(), 'ib-e2e-forms-'));
    writeFileSync(join(context, 'Dockerfile'), DOCKERFILE);
    const repository = `e2e/forms-${builder.name}-${process.pid}-${Date.now()}`;
    const image = `${bed.registry}/${repository}:e2e`;
    const run: RunContext = {
      eventName: 'push',
      ref: 'refs/tags/v1.2.3',
      sha: 'b'.repeat(40),
      payload: {},
      repo: { owner: 'acme', repo: 'app' },
      commitDate: new Date('2026-01-01T00:00:00Z'),
      shortShaLength: 7,
      annotationLevels: ['manifest'],
    };
    const metadata = computeMetadata(
      parseMetadataInputs(
        recordInputReader({ tags: 'type=semver,pattern={{major}}', flavor: 'suffix=-slim' }),
      ),
      run,
      { name: 'app', description: null, html_url: '', default_branch: 'main', license: null },
      { now: new Date('2026-01-02T00:00:00Z'), logger: silentLogger },
    );
    const values: Record<string, string> = {
      context,
      'build-args': `BASE_IMAGE=${bed.baseImage}\n"CERT=-----BEGIN\n-----END"`,
      network: 'none',
      push: 'true',
    };
    const inputs = { ...readBuildInputs((name) => values[name] ?? ''), tags: [image] };
    await buildImage({
      inputs,
      runner: processRunner,
      logger: silentLogger,
      env: builder.env,
      automaticBuildArgs: automaticBuildArgs(metadata, run),
    });
    const labels = (await registryImage(repository, 'e2e')).config.config.Labels;
    expect(labels).toMatchObject({ environment: 'development', version: '1.2.3' });
  });
});
