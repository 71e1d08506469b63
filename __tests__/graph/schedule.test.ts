import { describe, expect, it } from 'vitest';
import { runScheduled, type ScheduledNode } from '../../src/graph/index.js';

/** A run function whose calls a test finishes by hand, so assertions never depend on timing. */
function controlledRun() {
  const started: string[] = [];
  const running = new Set<string>();
  let peak = 0;
  const waiters = new Map<string, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  const parentsSeen = new Map<string, Record<string, string>>();
  let onStart: (() => void) | undefined;
  const run = (name: string, parents: ReadonlyMap<string, string>) =>
    new Promise<string>((resolve, reject) => {
      started.push(name);
      running.add(name);
      peak = Math.max(peak, running.size);
      parentsSeen.set(name, Object.fromEntries(parents));
      waiters.set(name, {
        resolve: (value) => {
          running.delete(name);
          resolve(value);
        },
        reject: (error) => {
          running.delete(name);
          reject(error);
        },
      });
      onStart?.();
    });
  /** Resolves once `count` runs have started in total. */
  const startedCount = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (started.length >= count) resolve();
      };
      onStart = check;
      check();
    });
  const finish = (name: string, value = `${name}@digest`) => waiters.get(name)?.resolve(value);
  const fail = (name: string) => waiters.get(name)?.reject(new Error(`${name} broke`));
  return { run, started, running, peak: () => peak, startedCount, finish, fail, parentsSeen };
}

const platform: ScheduledNode[] = [
  { name: 'base-runtime', parents: [] },
  { name: 'base-ml', parents: ['base-runtime'] },
  { name: 'embedder', parents: ['base-ml'] },
  { name: 'ranker', parents: ['base-ml'] },
  { name: 'gateway', parents: ['base-runtime'] },
];

describe('runScheduled', () => {
  it('starts a child only after its parents, and hands it their values', async () => {
    const control = controlledRun();
    const done = runScheduled(platform, control.run, { concurrency: 4 });
    await control.startedCount(1);
    expect(control.started).toEqual(['base-runtime']);
    control.finish('base-runtime');
    await control.startedCount(3);
    expect(control.started).toEqual(['base-runtime', 'base-ml', 'gateway']);
    expect(control.parentsSeen.get('base-ml')).toEqual({ 'base-runtime': 'base-runtime@digest' });
    control.finish('gateway');
    control.finish('base-ml');
    await control.startedCount(5);
    expect(control.started.slice(3).sort()).toEqual(['embedder', 'ranker']);
    control.finish('embedder');
    control.finish('ranker');
    const outcomes = await done;
    expect(outcomes.map((outcome) => `${outcome.name}:${outcome.status}`)).toEqual([
      'base-runtime:done',
      'base-ml:done',
      'embedder:done',
      'ranker:done',
      'gateway:done',
    ]);
  });

  it('never runs more than the limit at once, and does reach it', async () => {
    const nodes = Array.from({ length: 7 }, (_, index) => ({ name: `svc-${index}`, parents: [] }));
    const control = controlledRun();
    const done = runScheduled(nodes, control.run, { concurrency: 3 });
    for (let finished = 0; finished < nodes.length; finished++) {
      await control.startedCount(Math.min(nodes.length, finished + 3));
      expect(control.running.size).toBeLessThanOrEqual(3);
      control.finish(`svc-${finished}`);
    }
    await done;
    expect(control.peak()).toBe(3);
    // Ready nodes start in the order given.
    expect(control.started).toEqual(nodes.map((node) => node.name));
  });

  it('runs one at a time with a limit of 1', async () => {
    const control = controlledRun();
    const done = runScheduled(platform, control.run, { concurrency: 1 });
    for (let index = 0; index < platform.length; index++) {
      await control.startedCount(index + 1);
      expect(control.running.size).toBe(1);
      control.finish([...control.running][0]);
    }
    await done;
    expect(control.peak()).toBe(1);
    expect(control.started).toEqual(['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway']);
  });

  it('skips the descendants of a failed image, names the failure they come from, and runs the rest', async () => {
    const control = controlledRun();
    const done = runScheduled(
      [...platform, { name: 'trainer', parents: ['embedder'] }, { name: 'docs', parents: [] }],
      control.run,
      { concurrency: 2 },
    );
    await control.startedCount(2);
    control.finish('base-runtime');
    control.finish('docs');
    await control.startedCount(4);
    control.fail('base-ml');
    control.finish('gateway');
    const outcomes = await done;
    const byName = Object.fromEntries(outcomes.map((outcome) => [outcome.name, outcome]));
    expect(control.started.sort()).toEqual(['base-ml', 'base-runtime', 'docs', 'gateway']);
    expect(byName['base-ml']).toMatchObject({ status: 'failed' });
    expect((byName['base-ml'] as { error: Error }).error.message).toBe('base-ml broke');
    expect(byName.embedder).toEqual({
      name: 'embedder',
      status: 'skipped',
      reason: 'parent base-ml failed',
      cause: 'base-ml',
    });
    expect(byName.ranker).toMatchObject({ status: 'skipped', cause: 'base-ml' });
    expect(byName.trainer).toEqual({
      name: 'trainer',
      status: 'skipped',
      reason: 'parent embedder was skipped (base-ml failed)',
      cause: 'base-ml',
    });
    expect(byName.gateway).toMatchObject({ status: 'done' });
    expect(byName.docs).toMatchObject({ status: 'done' });
  });

  it('starts light nodes beside the limit: they take no slot', async () => {
    const control = controlledRun();
    const done = runScheduled(
      [
        { name: 'build-1', parents: [] },
        { name: 'build-2', parents: [] },
        { name: 'reuse-1', parents: [], light: true },
        { name: 'reuse-2', parents: [], light: true },
      ],
      control.run,
      { concurrency: 1 },
    );
    await control.startedCount(3);
    expect(control.started).toEqual(['build-1', 'reuse-1', 'reuse-2']);
    control.finish('reuse-1');
    control.finish('reuse-2');
    control.finish('build-1');
    await control.startedCount(4);
    expect(control.running).toEqual(new Set(['build-2']));
    control.finish('build-2');
    await done;
  });

  it('treats a run that throws synchronously as a failure', async () => {
    const outcomes = await runScheduled(
      [
        { name: 'a', parents: [] },
        { name: 'b', parents: ['a'] },
      ],
      () => {
        throw new Error('sync');
      },
      { concurrency: 1 },
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'skipped']);
  });

  it('refuses a bad limit, an unknown parent and a cycle', async () => {
    const run = async () => 'x';
    await expect(runScheduled(platform, run, { concurrency: 0 })).rejects.toThrow('at least 1');
    await expect(runScheduled([{ name: 'a', parents: ['z'] }], run, { concurrency: 1 })).rejects.toThrow(
      'node "a" depends on "z"',
    );
    await expect(
      runScheduled(
        [
          { name: 'a', parents: ['b'] },
          { name: 'b', parents: ['a'] },
        ],
        run,
        { concurrency: 1 },
      ),
    ).rejects.toThrow('the nodes a, b depend on each other');
  });
});
