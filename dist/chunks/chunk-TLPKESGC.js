import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  isFromStep,
  parsePlainProgress
} from "./chunk-D24LKZC6.js";
import {
  inertLine
} from "./chunk-DSVLZ5QC.js";

// src/cli/terminal.ts
var PHASE_TITLES = {
  tags: "tags",
  checks: "checks",
  build: "build",
  push: "push",
  "tags-written": "tags written",
  report: "report"
};
function wantsColor(stream, env) {
  return !!stream.isTTY && !env.NO_COLOR && env.TERM !== "dumb";
}
function createStyle(color) {
  let sgr = (open, close) => (text) => color ? `\x1B[${open}m${text}\x1B[${close}m` : text;
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39)
  };
}
function createTerminal(options) {
  let style = createStyle(options.color), clock = options.clock ?? (() => performance.now()), started = clock(), secrets = [], safe = (text) => inertLine(secrets.reduce((t, secret) => t.split(secret).join("***"), text)), write = (text) => options.stream.write(`${text}
`), steps = createStepTracker((step) => write(stepLine(step, style))), imageSteps = /* @__PURE__ */ new Map(), imageStep = (name, line) => {
    let tracker = imageSteps.get(name);
    tracker || (tracker = createStepTracker((step) => write(`  [${safe(name)}] ${stepLine(step, style).trimStart()}`)), imageSteps.set(name, tracker)), tracker.line(line);
  }, builderOutput = !1;
  return {
    logger: {
      debug: (m) => options.debug && write(style.dim(`  debug: ${safe(m)}`)),
      info: (m) => {
        let prefixed = builderOutput ? null : /^\[([a-z0-9._-]+)\] (#\d+ .*|\s*)$/.exec(m);
        if (prefixed) {
          imageStep(prefixed[1], prefixed[2]), options.debug && write(style.dim(`    | ${safe(m)}`));
          return;
        }
        if (!builderOutput) return write(`  ${safe(m)}`);
        steps.line(m), options.debug && write(style.dim(`    | ${safe(m)}`));
      },
      notice: (m) => write(`  ${style.cyan("notice:")} ${safe(m)}`),
      warning: (m) => write(`  ${style.yellow("warning:")} ${safe(m)}`),
      error: (m) => write(`${style.red("error:")} ${safe(m)}`),
      startGroup: (title, groupOptions) => {
        builderOutput = !!groupOptions?.untrusted, (builderOutput || options.debug) && write(`  ${style.dim(safe(title))}`);
      },
      endGroup: () => {
        builderOutput = !1;
      },
      setSecret: (secret) => {
        secret && secrets.push(secret);
      }
    },
    style,
    line: (text) => write(text),
    phase: (phase, subject) => {
      let seconds = ((clock() - started) / 1e3).toFixed(1).padStart(5);
      write(
        `${style.dim(`[${seconds}s]`)} ${style.bold(style.cyan("\u25B8"))} ${style.bold(PHASE_TITLES[phase])}${subject ? ` ${safe(subject)}` : ""}`
      );
    }
  };
}
function createStepTracker(onStep) {
  let headers = /* @__PURE__ */ new Map(), reported = /* @__PURE__ */ new Set(), shown = /* @__PURE__ */ new Set();
  return {
    line(text) {
      let id = /^#(\d+) /.exec(text)?.[1];
      if (id === void 0) return;
      if (parsePlainProgress(text).length === 1) {
        headers.set(id, text), reported.delete(id);
        return;
      }
      let header = headers.get(id);
      if (header === void 0 || reported.has(id) || !/^#\d+ (CACHED|DONE|ERROR)/.test(text)) return;
      let [step] = parsePlainProgress(`${header}
${text}`);
      if (!step) return;
      reported.add(id);
      let key = `${step.platform ?? ""}\0${step.stage}\0${step.instruction}`;
      shown.has(key) || isFromStep(step) || (shown.add(key), onStep(step));
    }
  };
}
function stepLine(step, style) {
  let where = [step.platform, step.stage, step.position].filter(Boolean).join(" "), instruction = inertLine(step.instruction), text = `[${inertLine(where)}] ${instruction.length > 80 ? `${instruction.slice(0, 79)}\u2026` : instruction}`;
  return step.error ? `    ${style.red("\u2717")} ${text} ${style.red("failed")}` : step.cached ? `    ${style.green("\u2713")} ${text} ${style.dim("cached")}` : `    ${style.green("\u2713")} ${text} ${style.dim(`${step.durationSeconds.toFixed(1)}s`)}`;
}

export {
  wantsColor,
  createTerminal
};
