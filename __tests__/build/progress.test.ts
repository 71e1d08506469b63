import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cacheHitRate, mergeSteps, parsePlainProgress } from '../../src/build/progress.js';

const classic = readFileSync(
  new URL('../fixtures/build-progress/classic-code-change.txt', import.meta.url),
  'utf8',
);

describe('parsePlainProgress', () => {
  it('reads the engine builder output of a code change: stage, position, instruction, cached, duration', () => {
    const steps = parsePlainProgress(classic);
    expect(steps.map((step) => `${step.stage} ${step.position} ${step.cached ? 'cached' : 'built'}`)).toEqual(
      [
        'base 1/3 built',
        'builder 1/5 cached',
        'builder 2/5 cached',
        'base 2/3 cached',
        'base 3/3 cached',
        'builder 3/5 cached',
        'builder 4/5 built',
        'builder 5/5 built',
        'runtime 1/4 cached',
        'runtime 2/4 built',
        'runtime 3/4 built',
        'runtime 4/4 built',
      ],
    );
    const compile = steps.find((step) => step.instruction.startsWith('RUN mkdir -p /app/build'));
    expect(compile?.durationSeconds).toBe(1.1);
    expect(steps.find((step) => step.position === '4/5')?.instruction).toBe('COPY src/ /app/src/');
    expect(cacheHitRate(steps)).toBeCloseTo(6 / 11);
  });

  it('reads buildx output with platforms, an unnamed single stage, and errors', () => {
    const output = [
      '#5 [linux/arm64 builder 2/3] RUN make',
      '#6 [linux/amd64 builder 2/3] RUN make',
      '#5 CACHED',
      '#6 DONE 12.5s',
      '#7 [2/2] COPY . /app',
      '#7 ERROR: failed to calculate checksum: "/app" not found',
      '#8 exporting to image',
      '#8 DONE 0.1s',
    ].join('\n');
    expect(parsePlainProgress(output)).toEqual([
      {
        stage: 'builder',
        position: '2/3',
        platform: 'linux/arm64',
        instruction: 'RUN make',
        cached: true,
        durationSeconds: 0,
      },
      {
        stage: 'builder',
        position: '2/3',
        platform: 'linux/amd64',
        instruction: 'RUN make',
        cached: false,
        durationSeconds: 12.5,
      },
      {
        stage: '',
        position: '2/2',
        instruction: 'COPY . /app',
        cached: false,
        durationSeconds: 0,
        error: 'failed to calculate checksum: "/app" not found',
      },
    ]);
  });

  it('mergeSteps keeps each step where it first ran', () => {
    const stageBuild = parsePlainProgress('#1 [builder 1/1] RUN make\n#1 DONE 3.0s');
    const imageBuild = parsePlainProgress(
      '#1 [builder 1/1] RUN make\n#1 CACHED\n#2 [stage-1 1/1] COPY --from=builder /a /a\n#2 DONE 0.1s',
    );
    const merged = mergeSteps([stageBuild, imageBuild]);
    expect(merged.map((step) => [step.instruction, step.cached])).toEqual([
      ['RUN make', false],
      ['COPY --from=builder /a /a', false],
    ]);
  });
});

describe('steps restored from an imported cache', () => {
  const remote = readFileSync(
    new URL('../fixtures/build-progress/buildx-remote-cache-code-change.txt', import.meta.url),
    'utf8',
  );

  it('count as cached: a fresh buildx builder loading the registry cache after a code change', () => {
    const steps = parsePlainProgress(remote).filter((step) => !step.instruction.startsWith('FROM'));
    const state = Object.fromEntries(steps.map((step) => [`${step.stage} ${step.position}`, step.cached]));
    // builder 3/5 and runtime 1/4 print only layer downloads and `extracting`: nothing ran.
    expect(state).toEqual({
      'base 2/3': true,
      'base 3/3': true,
      'builder 1/5': true,
      'builder 2/5': true,
      'builder 3/5': true,
      'builder 4/5': false,
      'builder 5/5': false,
      'runtime 1/4': true,
      'runtime 2/4': false,
      'runtime 3/4': false,
      'runtime 4/4': false,
    });
    expect(cacheHitRate(steps)).toBeCloseTo(6 / 11);
  });

  it('a step that printed output of its own ran, whatever it downloaded', () => {
    const steps = parsePlainProgress(
      [
        '#7 [2/3] RUN ./install.sh',
        '#7 sha256:' + 'a'.repeat(64) + ' 1.0MB / 1.0MB 0.1s done',
        '#7 extracting sha256:' + 'a'.repeat(64) + ' done',
        '#7 0.412 installed 3 packages',
        '#7 DONE 2.1s',
        '#8 [3/3] COPY --from=deps /out /out',
        '#8 extracting sha256:' + 'b'.repeat(64) + ' 0.1s done',
        '#8 DONE 0.1s',
        '#9 [4/4] RUN false',
        '#9 extracting sha256:' + 'c'.repeat(64),
        '#9 ERROR: process "/bin/sh -c false" did not complete successfully',
      ].join('\n'),
    );
    expect(steps.map((step) => [step.instruction, step.cached])).toEqual([
      ['RUN ./install.sh', false],
      ['COPY --from=deps /out /out', true],
      ['RUN false', false],
    ]);
  });

  // Captured by __tests__/e2e/cache-reuse.test.ts (the random-bytes fixture), where the published
  // layers proved each step's state: a step that ran again wrote new random bytes.
  const captured = (name: string) =>
    parsePlainProgress(
      readFileSync(new URL(`../fixtures/build-progress/${name}.txt`, import.meta.url), 'utf8'),
    )
      .filter((step) => !step.instruction.startsWith('FROM'))
      .map((step) => `${step.stage} ${step.position} ${step.cached ? 'cached' : 'built'}`);

  it('a wiped remote builder: a step printed CACHED, then its layers downloaded under a second header, is cached once', () => {
    // builder 3/5 prints CACHED, then its download and extracting lines (COPY src/ needs its result);
    // runtime 4/6 only downloads: both came from the registry cache, and each is one step.
    expect(captured('buildx-remote-wiped-code-change')).toEqual([
      'base 2/2 cached',
      'builder 1/5 cached',
      'builder 2/5 cached',
      'builder 3/5 cached',
      'builder 4/5 built',
      'builder 5/5 built',
      'runtime 2/6 cached',
      'runtime 3/6 cached',
      'runtime 1/6 cached',
      'runtime 4/6 cached',
      'runtime 5/6 built',
      'runtime 6/6 built',
    ]);
  });

  it("the docker driver's inline cache: `pulling` lines before CACHED, the builder stage rebuilt", () => {
    expect(captured('buildx-docker-wiped-code-change')).toEqual([
      'base 2/2 cached',
      'builder 1/5 built',
      'builder 2/5 built',
      'builder 3/5 built',
      'builder 4/5 built',
      'builder 5/5 built',
      'runtime 1/6 cached',
      'runtime 2/6 cached',
      'runtime 3/6 built',
      'runtime 4/6 built',
      'runtime 5/6 built',
      'runtime 6/6 built',
    ]);
  });
});
