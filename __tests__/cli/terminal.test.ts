import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createStepTracker, createTerminal, wantsColor } from '../../src/cli/terminal.js';
import { parsePlainProgress, type BuildStep } from '../../src/build/progress.js';

const classic = readFileSync(
  new URL('../fixtures/build-progress/classic-code-change.txt', import.meta.url),
  'utf8',
);

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('the step tracker', () => {
  it('reports each Dockerfile step once, when it finishes, as the progress parser reads it', () => {
    const steps: BuildStep[] = [];
    const tracker = createStepTracker((step) => steps.push(step));
    classic.split('\n').forEach((line) => tracker.line(line));
    const whole = parsePlainProgress(classic).filter((step) => !step.instruction.startsWith('FROM '));
    // Same steps and states; a step whose layers came from an imported cache reads as done, not cached.
    expect(steps.map((s) => `${s.stage} ${s.position}`).sort()).toEqual(
      whole.map((s) => `${s.stage} ${s.position}`).sort(),
    );
    const byPosition = (list: BuildStep[], stage: string, position: string) =>
      list.find((s) => s.stage === stage && s.position === position);
    expect(byPosition(steps, 'builder', '4/5')?.instruction).toBe('COPY src/ /app/src/');
    expect(byPosition(steps, 'base', '3/3')?.cached).toBe(true);
  });

  it('starts again when a second builder command reuses the ids; a step shows where it first ran; FROM is no step', () => {
    const steps: BuildStep[] = [];
    const tracker = createStepTracker((step) => steps.push(step));
    const stageImage = ['#4 [builder 1/2] FROM base', '#4 CACHED', '#5 [builder 2/2] RUN a', '#5 DONE 1.0s'];
    const image = [
      '#5 [builder 2/2] RUN a',
      '#5 CACHED',
      '#6 [runtime 2/2] COPY x /',
      '#6 CACHED',
      '#6 CACHED',
    ];
    for (const line of [...stageImage, ...image]) tracker.line(line);
    expect(steps.map((s) => `${s.stage} ${s.instruction} ${s.cached}`)).toEqual([
      'builder RUN a false',
      'runtime COPY x / true',
    ]);
  });
});

describe('the terminal', () => {
  it('shows phases with their time, build steps, notices; the builder lines only with --debug', () => {
    const out = capture();
    let now = 0;
    const terminal = createTerminal({ stream: out.stream, color: false, debug: false, clock: () => now });
    terminal.phase('tags');
    terminal.logger.info('ghcr.io/acme/app:1.0.0');
    now = 2500;
    terminal.phase('build', 'ghcr.io/acme/app:1.0.0');
    terminal.logger.startGroup('Building with the engine builder', { untrusted: true });
    for (const line of [
      '#7 [runtime 2/4] RUN make',
      '#7 0.100 compiling',
      '#7 DONE 3.1s',
      '#8 [runtime 3/4] COPY . /',
      '#8 CACHED',
    ])
      terminal.logger.info(line);
    terminal.logger.endGroup();
    terminal.logger.notice('latest stays where it is');
    terminal.logger.warning('careful');
    terminal.logger.debug('hidden');
    expect(out.text()).toBe(
      [
        '[  0.0s] ▸ tags',
        '  ghcr.io/acme/app:1.0.0',
        '[  2.5s] ▸ build ghcr.io/acme/app:1.0.0',
        '  Building with the engine builder',
        '    ✓ [runtime 2/4] RUN make 3.1s',
        '    ✓ [runtime 3/4] COPY . / cached',
        '  notice: latest stays where it is',
        '  warning: careful',
        '',
      ].join('\n'),
    );
  });

  it("shows a graph's parallel images' steps under their names, without their raw lines", () => {
    const out = capture();
    const terminal = createTerminal({ stream: out.stream, color: false, debug: false, clock: () => 0 });
    for (const line of [
      '[base-ml] ▸ Building with buildx (remote)',
      '[base-ml] #5 [2/3] RUN make',
      '[gateway] #5 [2/2] COPY x /',
      '[base-ml] ',
      '[gateway] #5 CACHED',
      '[base-ml] #5 0.120 compiling',
      '[base-ml] #5 DONE 2.0s',
    ])
      terminal.logger.info(line);
    expect(out.text()).toBe(
      [
        '  [base-ml] ▸ Building with buildx (remote)',
        '  [gateway] ✓ [2/2] COPY x / cached',
        '  [base-ml] ✓ [2/3] RUN make 2.0s',
        '',
      ].join('\n'),
    );
  });

  it('prints values inert: no line break, escape sequence or runner command gets through; secrets are masked', () => {
    const out = capture();
    const terminal = createTerminal({ stream: out.stream, color: true, debug: true });
    terminal.logger.setSecret('s3cret');
    terminal.logger.info('tag\n::add-mask::x \u001b[31mred s3cret');
    terminal.logger.startGroup('build', { untrusted: true });
    terminal.logger.info('#9 [1/1] RUN echo "\u001b]0;title\u0007"');
    terminal.logger.info('#9 DONE 0.1s');
    const text = out.text();
    expect(text).toContain('tag\\n::add-mask::x \\x1b[31mred ***');
    expect(text).not.toContain('s3cret');
    // The only escape sequences are our own colours.
    // eslint-disable-next-line no-control-regex -- control characters are what is checked
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
  });

  it('colours only a TTY, and never with NO_COLOR or TERM=dumb', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(wantsColor(tty, {})).toBe(true);
    expect(wantsColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(wantsColor(new PassThrough(), {})).toBe(false);
    const out = capture();
    createTerminal({ stream: out.stream, color: true, debug: false, clock: () => 0 }).phase('report');
    expect(out.text()).toBe(
      '\u001b[2m[  0.0s]\u001b[22m \u001b[1m\u001b[36m▸\u001b[39m\u001b[22m \u001b[1mreport\u001b[22m\n',
    );
  });
});
