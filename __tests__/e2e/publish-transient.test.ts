import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { runImageBuild } from '../../src/pipeline/image-build.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { assertNoHalfPublishedTag } from '../helpers/registry-check.js';
import { builders, testbed } from '../helpers/testbed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const unique = `${process.pid}-${Date.now()}`;
const PUBLISHES = 10;

let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

/**
 * The whole run (build, the builder's push, manifest PUTs) through a proxy that fails a share of the
 * registry's requests with 503, 429 and dropped connections. Builders push through the test bed's
 * IB_PROXY_PORT, the one plain-http address BuildKit trusts besides the registry.
 */
describe.each(builders(['buildx-remote', 'classic']))(
  'publishing through transient faults ($name)',
  (builder) => {
    it.skipIf(!builder.available)(
      `at 5% faults at least 9 of ${PUBLISHES} publishes complete, and no tag ever names an incomplete image`,
      async () => {
        const bed = testbed();
        const port = Number(process.env.IB_PROXY_PORT);
        expect(port).toBeGreaterThan(0);
        const repository = `faults/transient-${builder.name}-${unique}`;
        const outcomes: string[] = [];
        let faults = 0;
        for (let i = 0; i < PUBLISHES; i++) {
          proxy = await startFaultProxy({ target: bed.registry, faultRate: 0.05, seed: 1000 + i, port });
          const context = mkdtempSync(join(tmpdir(), 'ib-transient-'));
          writeFileSync(
            join(context, 'Dockerfile'),
            [
              'ARG BASE_IMAGE',
              'FROM ${BASE_IMAGE}',
              `RUN echo "${unique} ${i}" > /release`,
              `RUN head -c 65536 /dev/urandom > /payload-a`,
              `RUN head -c 65536 /dev/urandom > /payload-b`,
              '',
            ].join('\n'),
          );
          const values: Record<string, string> = {
            images: `${proxy.address}/${repository}`,
            tags: `type=raw,value=1.0.${i}\ntype=raw,value=latest`,
            flavor: 'latest=false',
            context,
            'build-args': `BASE_IMAGE=${bed.baseImage}`,
            network: 'none',
            push: 'true',
            'metadata-context': 'git',
          };
          try {
            await runImageBuild(
              readImageBuildInputs((name) => values[name] ?? ''),
              { env: builder.env, runner: processRunner, logger: silentLogger, cwd: root },
            );
            outcomes.push('ok');
          } catch (error) {
            outcomes.push((error as Error).message.split('\n')[0]);
          }
          faults += Object.values(proxy.stats.faults).reduce((sum, n) => sum + n, 0);
          await proxy.stop();
          proxy = undefined;
        }
        // The dice did fault: this is not a run through a healthy registry.
        expect(faults).toBeGreaterThan(5);
        expect(
          outcomes.filter((outcome) => outcome === 'ok').length,
          outcomes.join('\n'),
        ).toBeGreaterThanOrEqual(9);
        await assertNoHalfPublishedTag(repository);
      },
    );
  },
);
