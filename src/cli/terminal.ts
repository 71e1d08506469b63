import { isFromStep, parsePlainProgress, type BuildStep } from '../build/progress.js';
import type { RunPhase } from '../pipeline/image-build-types.js';
import { inertLine, type Logger } from '../util/log.js';

export type TerminalPhase = RunPhase | 'report';

const PHASE_TITLES: Record<TerminalPhase, string> = {
  tags: 'tags',
  checks: 'checks',
  build: 'build',
  push: 'push',
  'tags-written': 'tags written',
  report: 'report',
};

export interface TerminalOptions {
  stream: NodeJS.WritableStream;
  color: boolean;
  /** Debug lines and the builder's own output, besides the steps. */
  debug: boolean;
  /** Milliseconds since some fixed point (tests pass a fake clock). */
  clock?: () => number;
}

/** Progress for a person at a terminal: the library's log as phases, build steps and notices. */
export interface Terminal {
  logger: Logger;
  phase(phase: TerminalPhase, subject?: string): void;
  /** A line of the CLI's own (already inert), e.g. an error. */
  line(text: string): void;
  style: Style;
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

/** Colour for a terminal that wants it: a TTY, NO_COLOR unset or empty, and not TERM=dumb. */
export function wantsColor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function createStyle(color: boolean): Style {
  const sgr = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
  };
}

/**
 * Every value printed goes through inertLine first (a tag, a label or a Dockerfile line cannot
 * break the line, colour the terminal or issue a runner command), and registered secrets are masked;
 * the colours are added after, by us.
 */
export function createTerminal(options: TerminalOptions): Terminal {
  const style = createStyle(options.color);
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const secrets: string[] = [];
  const safe = (text: string) => inertLine(secrets.reduce((t, secret) => t.split(secret).join('***'), text));
  const write = (text: string) => options.stream.write(`${text}\n`);
  const steps = createStepTracker((step) => write(stepLine(step, style)));
  // A graph runs images in parallel: each one's lines come prefixed with its name, groups flattened.
  const imageSteps = new Map<string, ReturnType<typeof createStepTracker>>();
  const imageStep = (name: string, line: string) => {
    let tracker = imageSteps.get(name);
    if (!tracker) {
      tracker = createStepTracker((step) => write(`  [${safe(name)}] ${stepLine(step, style).trimStart()}`));
      imageSteps.set(name, tracker);
    }
    tracker.line(line);
  };
  let builderOutput = false;

  const logger: Logger = {
    debug: (m) => options.debug && write(style.dim(`  debug: ${safe(m)}`)),
    info: (m) => {
      // A graph image's builder line (a step, or BuildKit's blank line between steps).
      const prefixed = builderOutput ? null : /^\[([a-z0-9._-]+)\] (#\d+ .*|\s*)$/.exec(m);
      if (prefixed) {
        imageStep(prefixed[1], prefixed[2]);
        if (options.debug) write(style.dim(`    | ${safe(m)}`));
        return;
      }
      if (!builderOutput) return write(`  ${safe(m)}`);
      steps.line(m);
      if (options.debug) write(style.dim(`    | ${safe(m)}`));
    },
    notice: (m) => write(`  ${style.cyan('notice:')} ${safe(m)}`),
    warning: (m) => write(`  ${style.yellow('warning:')} ${safe(m)}`),
    error: (m) => write(`${style.red('error:')} ${safe(m)}`),
    startGroup: (title, groupOptions) => {
      builderOutput = Boolean(groupOptions?.untrusted);
      if (builderOutput || options.debug) write(`  ${style.dim(safe(title))}`);
    },
    endGroup: () => {
      builderOutput = false;
    },
    setSecret: (secret) => {
      if (secret) secrets.push(secret);
    },
  };
  return {
    logger,
    style,
    line: (text) => write(text),
    phase: (phase, subject) => {
      const seconds = ((clock() - started) / 1000).toFixed(1).padStart(5);
      write(
        `${style.dim(`[${seconds}s]`)} ${style.bold(style.cyan('▸'))} ${style.bold(PHASE_TITLES[phase])}${subject ? ` ${safe(subject)}` : ''}`,
      );
    },
  };
}

/**
 * The builder's plain progress, a line at a time, as one line per finished Dockerfile step. Each line
 * is read by the project's progress parser: a step's header line is remembered, and its status line
 * (`CACHED`, `DONE 1.2s`, `ERROR`) is parsed together with it.
 */
export function createStepTracker(onStep: (step: BuildStep) => void): { line(text: string): void } {
  const headers = new Map<string, string>();
  const reported = new Set<string>();
  // A step counts where it first ran (as mergeSteps counts it): the classic builder builds a stage's
  // cache image first, and the image's build then finds the same steps in the engine's cache.
  const shown = new Set<string>();
  return {
    line(text) {
      const id = /^#(\d+) /.exec(text)?.[1];
      if (id === undefined) return;
      // A header starts the step; the ids start again with each builder command (stage images first).
      if (parsePlainProgress(text).length === 1) {
        headers.set(id, text);
        reported.delete(id);
        return;
      }
      const header = headers.get(id);
      if (header === undefined || reported.has(id) || !/^#\d+ (CACHED|DONE|ERROR)/.test(text)) return;
      const [step] = parsePlainProgress(`${header}\n${text}`);
      if (!step) return;
      reported.add(id);
      const key = `${step.platform ?? ''}\u0000${step.stage}\u0000${step.instruction}`;
      // FROM only resolves the base image: it is no build step (the report leaves it out too).
      if (shown.has(key) || isFromStep(step)) return;
      shown.add(key);
      onStep(step);
    },
  };
}

function stepLine(step: BuildStep, style: Style): string {
  const where = [step.platform, step.stage, step.position].filter(Boolean).join(' ');
  const instruction = inertLine(step.instruction);
  const text = `[${inertLine(where)}] ${instruction.length > 80 ? `${instruction.slice(0, 79)}…` : instruction}`;
  if (step.error) return `    ${style.red('✗')} ${text} ${style.red('failed')}`;
  if (step.cached) return `    ${style.green('✓')} ${text} ${style.dim('cached')}`;
  return `    ${style.green('✓')} ${text} ${style.dim(`${step.durationSeconds.toFixed(1)}s`)}`;
}
