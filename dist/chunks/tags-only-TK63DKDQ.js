import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  automaticBuildArgs,
  computeTags
} from "./chunk-V63O6ZRE.js";
import "./chunk-DO45NLPV.js";
import "./chunk-NC6TKLXZ.js";
import {
  leveledAnnotations
} from "./chunk-DTMQYJZV.js";
import "./chunk-FYC3TZNP.js";
import "./chunk-SFZAPECR.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-EHNN3ETZ.js";

// src/pipeline/tags-only.ts
async function computeTagsOnly(inputs, deps) {
  let { metadata, context } = await computeTags(inputs, deps);
  return {
    version: metadata.version,
    tags: metadata.tags,
    labels: metadata.labels,
    annotations: leveledAnnotations(metadata),
    buildArgs: automaticBuildArgs(metadata, context)
  };
}
export {
  computeTagsOnly
};
