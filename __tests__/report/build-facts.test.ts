import { describe, expect, it } from 'vitest';
import { buildFacts, layerBuildFacts, type LayerModel } from '../../src/report/index.js';

const layers: LayerModel[] = [
  { index: 0, instruction: 'ADD file:abc in /', origin: 'base' },
  { index: 1, instruction: 'RUN pip install -r requirements.txt', origin: 'own' },
  { index: 2, instruction: 'COPY dir:0a1b2c in /deps', origin: 'own' },
  { index: 3, instruction: 'COPY . /app', origin: 'own' },
];

const steps = [
  { stage: 'builder', position: '1/3', instruction: 'FROM python:3.12', cached: true, durationSeconds: 0 },
  {
    stage: 'builder',
    position: '2/3',
    instruction: 'RUN pip  install -r requirements.txt',
    cached: false,
    durationSeconds: 41.5,
  },
  {
    stage: '',
    position: '2/3',
    instruction: 'COPY --from=builder /opt/venv /deps',
    cached: true,
    durationSeconds: 0,
  },
  { stage: '', position: '3/3', instruction: 'COPY . /app', cached: false, durationSeconds: 0.4 },
];

describe('build facts', () => {
  it('joins steps to the own layers by instruction, and restores flags the classic builder dropped', () => {
    expect(layerBuildFacts(layers, steps)).toEqual([
      {},
      { cached: false, durationSeconds: 41.5 },
      { cached: true, durationSeconds: 0, instruction: 'COPY --from=builder /opt/venv /deps' },
      { cached: false, durationSeconds: 0.4 },
    ]);
  });

  it('restores the flags BuildKit leaves out of the history (COPY --from, --chown)', () => {
    const history: LayerModel[] = [
      { index: 0, instruction: 'COPY /deps /deps', origin: 'own' },
      { index: 1, instruction: 'COPY src/ /app/src/', origin: 'own' },
      { index: 2, instruction: 'RUN make', origin: 'own' },
    ];
    const built = [
      { instruction: 'COPY --from=builder /deps /deps', cached: true },
      { instruction: 'COPY --chown=app:app src/ /app/src/', cached: false, durationSeconds: 0.2 },
      { instruction: 'RUN --mount=type=cache,target=/root/.cache make', cached: false, durationSeconds: 9 },
    ];
    expect(layerBuildFacts(history, built).map((facts) => facts.instruction)).toEqual([
      'COPY --from=builder /deps /deps',
      'COPY --chown=app:app src/ /app/src/',
      // RUN flags are not matched loosely: a RUN is only joined by its exact text.
      undefined,
    ]);
  });

  it('counts built steps only (FROM is never built) and keeps the wall-clock time apart from Σ step times', () => {
    const facts = buildFacts(steps, 44.2);
    expect(facts.steps.map((s) => s.name)).toEqual([
      '[builder 2/3] RUN pip  install -r requirements.txt',
      '[2/3] COPY --from=builder /opt/venv /deps',
      '[3/3] COPY . /app',
    ]);
    expect(facts).toMatchObject({ cachedSteps: 1, totalSeconds: 44.2, stepSeconds: 41.9 });
    expect(facts.cacheHitRatio).toBeCloseTo(1 / 3);
    expect(buildFacts([]).cacheHitRatio).toBeUndefined();
  });
});
