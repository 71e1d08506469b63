import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/util/errors.js';
import { CORPUS } from './corpus.js';
import { runEntry, startCorpusBed, type CorpusBed } from './harness.js';

/** ECR operations that create or change something. */
const ECR_WRITES = /^(Create|Put|Set|Batch(Delete|Put)|Delete|Tag|Start|Upload|Complete|Initiate)/;

describe('bad input: a corpus that stays', () => {
  let bed: CorpusBed;
  beforeAll(async () => {
    bed = await startCorpusBed();
  });
  afterAll(() => bed.close());

  it('holds at least 60 entries across every area, each named once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((entry) => entry.area))).toEqual(
      new Set(['tags', 'build', 'cache', 'publish', 'ecr', 'graph', 'cli']),
    );
    expect(new Set(CORPUS.map((entry) => entry.name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((entry) => [`${entry.area}: ${entry.name}`, entry] as const))(
    '%s',
    async (_name, entry) => {
      const run = await runEntry(entry, bed);
      const outcome = entry.expect;
      if ('usage' in outcome) {
        expect(run.cli?.code, run.cli?.stderr).toBe(2);
        expect(run.cli?.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.cli?.stderr).toMatch(outcome.usage);
        expect(run.cli?.stdout).toBe('');
        expect(run.commands.map((c) => c.args.join(' '))).toEqual([]);
        expect(run.ecrCalls).toEqual([]);
        expect(run.registryRequests).toEqual([]);
      } else if ('error' in outcome) {
        if (run.cli) {
          expect(run.cli.code, run.cli.stderr).toBe(2);
          expect(run.cli.stderr).toContain(`error: input "${outcome.error}"`);
          if (outcome.message) expect(run.cli.stderr).toMatch(outcome.message);
        } else {
          expect(run.error, 'the run should fail').toBeInstanceOf(InputError);
          expect((run.error as InputError).input).toBe(outcome.error);
          expect(run.error?.message.startsWith(`input "${outcome.error}"`)).toBe(true);
          if (outcome.message) expect(run.error?.message).toMatch(outcome.message);
        }
        // Nothing built, pushed, logged in or created: no process, no ECR write, no registry request.
        expect(run.commands.map((c) => c.args.join(' '))).toEqual([]);
        expect(run.ecrCalls.filter((op) => ECR_WRITES.test(op))).toEqual([]);
        expect(run.registryRequests).toEqual([]);
      } else {
        expect(outcome.doc.length).toBeGreaterThan(20);
        await outcome.check(run);
        expect(run.registryRequests.filter((r) => !/^(GET|HEAD) /.test(r))).toEqual([]);
      }
    },
  );
});
