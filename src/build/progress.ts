/** One Dockerfile instruction as the builder ran it. */
export interface BuildStep {
  /** Stage name as BuildKit prints it (`builder`, `stage-2`); empty for a single unnamed stage. */
  stage: string;
  /** `2/4`: position within the stage. */
  position: string;
  /** The instruction text, e.g. `RUN make` or `COPY src/ /app/src/`. */
  instruction: string;
  /** Set for multi-platform builds (`linux/arm64`). */
  platform?: string;
  cached: boolean;
  /** Seconds from BuildKit's `DONE 1.2s` line; 0 for a cache hit. */
  durationSeconds: number;
  /** The builder's error line when the step failed. */
  error?: string;
}

const HEADER = /^#(\d+) \[([^\]]+)\] (.+)$/;
const STATUS = /^#(\d+) (CACHED|DONE (\d+(?:\.\d+)?)s|ERROR:? ?(.*))$/;
/** A layer of the step's own result coming from a cache: its download (`sha256:… 1.2MB / 1.2MB`) or `extracting`. */
const CACHE_LOAD = /^#(\d+) (?:extracting sha256:[0-9a-f]{64}|sha256:[0-9a-f]{64} \S+ \/ \S+)/;
/** What a step prints while it executes: `#12 0.345 <its output>`. */
const EXECUTION_OUTPUT = /^#(\d+) \d+\.\d+ /;

function parseLabel(label: string): { stage: string; position: string; platform?: string } | undefined {
  const words = label.trim().split(/\s+/);
  const position = words.pop() ?? '';
  if (!/^\d+\/\d+$/.test(position)) return undefined;
  const platform = words.length > 0 && words[0].includes('/') ? words.shift() : undefined;
  return { stage: words.join(' '), position, platform };
}

/**
 * Parses BuildKit's `--progress=plain` output (buildx and the engine's builder print the same format)
 * into the Dockerfile steps, skipping internal vertices (context transfer, metadata, export).
 *
 * A step is cached when BuildKit says `CACHED`, and also when its result came from an imported cache:
 * a remote or local cache does not print `CACHED` for the step whose layers it loads, only their
 * download and `extracting` lines. Such a step printed no output of its own: nothing ran.
 */
export function parsePlainProgress(output: string): BuildStep[] {
  const steps = new Map<string, BuildStep>();
  const loaded = new Set<string>();
  const executed = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const header = HEADER.exec(line);
    if (header) {
      const label = parseLabel(header[2]);
      if (label && !steps.has(header[1])) {
        const { platform, ...place } = label;
        steps.set(header[1], {
          ...place,
          ...(platform ? { platform } : {}),
          instruction: header[3].trim(),
          cached: false,
          durationSeconds: 0,
        });
      }
      continue;
    }
    const load = CACHE_LOAD.exec(line);
    if (load) {
      loaded.add(load[1]);
      continue;
    }
    const ran = EXECUTION_OUTPUT.exec(line);
    if (ran) {
      executed.add(ran[1]);
      continue;
    }
    const status = STATUS.exec(line);
    const step = status ? steps.get(status[1]) : undefined;
    if (!status || !step) continue;
    if (status[2] === 'CACHED') step.cached = true;
    else if (status[3] !== undefined) step.durationSeconds = Number(status[3]);
    else step.error = status[4] || 'failed';
  }
  for (const [id, step] of steps) {
    if (!step.cached && !step.error && loaded.has(id) && !executed.has(id)) step.cached = true;
  }
  return [...steps.values()];
}

/**
 * Joins the steps of several builds of one Dockerfile (stage cache images, then the image): a step
 * counts where it first ran, since later builds find it in the engine's cache.
 */
export function mergeSteps(builds: readonly BuildStep[][]): BuildStep[] {
  const seen = new Map<string, BuildStep>();
  for (const steps of builds) {
    for (const step of steps) {
      const key = `${step.platform ?? ''}\u0000${step.stage}\u0000${step.instruction}`;
      if (!seen.has(key)) seen.set(key, step);
    }
  }
  return [...seen.values()];
}

/** A FROM step only resolves the base image: no step is built there, so no step counts it. */
export function isFromStep(step: { instruction: string }): boolean {
  return /^FROM\s/i.test(step.instruction);
}

/** Share of non-FROM steps that were cache hits (FROM only resolves the base image). */
export function cacheHitRate(steps: readonly BuildStep[]): number {
  const built = steps.filter((step) => !isFromStep(step));
  return built.length === 0 ? 1 : built.filter((step) => step.cached).length / built.length;
}
