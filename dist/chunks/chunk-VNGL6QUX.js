import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  readImageBuildInputs
} from "./chunk-D24LKZC6.js";
import {
  parseListInput
} from "./chunk-IWQOLGT7.js";
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/pipeline/graph-inputs.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
var GRAPH_PER_IMAGE_INPUTS = [
  "images",
  "context",
  "file",
  "target",
  "promote-from",
  "extra-images",
  "reuse-commit",
  "release-annotations"
];
function readGraphInputs(read) {
  let concurrencyText = read("concurrency").trim() || "2";
  if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1)
    throw new InputError("concurrency", `"${concurrencyText}" is not a whole number of at least 1`);
  let imagesFile = read("images-file").trim();
  return {
    ...imagesFile && { imagesFile },
    only: parseListInput(read("only"), { input: "only" }).map((item) => item.value),
    concurrency: Number(concurrencyText),
    reuse: parseBoolean("reuse", read("reuse"), !0),
    plan: parseBoolean("plan", read("plan"), !1)
  };
}
function resolveImagesFile(cwd, given) {
  let file = resolve(cwd, given);
  if (!statSync(file, { throwIfNoEntry: !1 })?.isFile())
    throw new InputError("images-file", `"${given}" is not a file (the images file)`);
  return file;
}
function perImageInputsGiven(read) {
  let defaults = {
    context: ["."],
    "reuse-commit": ["auto"],
    "release-annotations": ["true"]
  };
  return GRAPH_PER_IMAGE_INPUTS.filter((name) => {
    let value = read(name).trim();
    return value !== "" && !(defaults[name] ?? []).includes(value);
  });
}
function checkGraphModeInputs(read) {
  let given = perImageInputsGiven(read);
  if (given.length !== 0)
    throw new InputError(
      given[0],
      `${given.map((name) => `\`${name}\``).join(", ")} ${given.length === 1 ? "is" : "are"} set per image in the images file (or decided by the graph); remove ${given.length === 1 ? "it" : "them"} when \`images-file\` is given`
    );
}
function checkSingleImageInputs(graph) {
  if (graph.only.length > 0)
    throw new InputError("only", "names images of an images file: give `images-file` too");
  if (graph.plan) throw new InputError("plan", "plans an images file: give `images-file` too");
}
function readGraphRunInputs(read, imagesFile, cwd) {
  checkGraphModeInputs(read);
  let file = resolveImagesFile(cwd, imagesFile), shared = readImageBuildInputs(read), registry = read("registry").trim().replace(/\/+$/, "");
  return { file, ...registry && { registry }, shared };
}

export {
  GRAPH_PER_IMAGE_INPUTS,
  readGraphInputs,
  checkSingleImageInputs,
  readGraphRunInputs
};
