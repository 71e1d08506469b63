import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/build/progress.ts
var HEADER = /^#(\d+) \[([^\]]+)\] (.+)$/, STATUS = /^#(\d+) (CACHED|DONE (\d+(?:\.\d+)?)s|ERROR:? ?(.*))$/, CACHE_LOAD = /^#(\d+) (?:extracting sha256:[0-9a-f]{64}|sha256:[0-9a-f]{64} \S+ \/ \S+)/, EXECUTION_OUTPUT = /^#(\d+) \d+\.\d+ /;
function parseLabel(label) {
  let words = label.trim().split(/\s+/), position = words.pop() ?? "";
  if (!/^\d+\/\d+$/.test(position)) return;
  let platform = words.length > 0 && words[0].includes("/") ? words.shift() : void 0;
  return { stage: words.join(" "), position, platform };
}
function parsePlainProgress(output) {
  let steps = /* @__PURE__ */ new Map(), loaded = /* @__PURE__ */ new Set(), executed = /* @__PURE__ */ new Set();
  for (let line of output.split(/\r?\n/)) {
    let header = HEADER.exec(line);
    if (header) {
      let label = parseLabel(header[2]);
      if (label && !steps.has(header[1])) {
        let { platform, ...place } = label;
        steps.set(header[1], {
          ...place,
          ...platform ? { platform } : {},
          instruction: header[3].trim(),
          cached: !1,
          durationSeconds: 0
        });
      }
      continue;
    }
    let load = CACHE_LOAD.exec(line);
    if (load) {
      loaded.add(load[1]);
      continue;
    }
    let ran = EXECUTION_OUTPUT.exec(line);
    if (ran) {
      executed.add(ran[1]);
      continue;
    }
    let status = STATUS.exec(line), step = status ? steps.get(status[1]) : void 0;
    !status || !step || (status[2] === "CACHED" ? step.cached = !0 : status[3] !== void 0 ? step.durationSeconds = Number(status[3]) : step.error = status[4] || "failed");
  }
  for (let [id, step] of steps)
    !step.cached && !step.error && loaded.has(id) && !executed.has(id) && (step.cached = !0);
  return [...steps.values()];
}
function mergeSteps(builds) {
  let seen = /* @__PURE__ */ new Map();
  for (let steps of builds)
    for (let step of steps) {
      let key = `${step.platform ?? ""}\0${step.stage}\0${step.instruction}`;
      seen.has(key) || seen.set(key, step);
    }
  return [...seen.values()];
}
function isFromStep(step) {
  return /^FROM\s/i.test(step.instruction);
}
function cacheHitRate(steps) {
  let built = steps.filter((step) => !isFromStep(step));
  return built.length === 0 ? 1 : built.filter((step) => step.cached).length / built.length;
}

export {
  parsePlainProgress,
  mergeSteps,
  isFromStep,
  cacheHitRate
};
