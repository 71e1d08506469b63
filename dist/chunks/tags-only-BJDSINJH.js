import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  automaticBuildArgs,
  computeTags
} from "./chunk-4V2COKR5.js";
import "./chunk-RVOSA46I.js";
import "./chunk-3ZRYWWEM.js";
import "./chunk-LMFJZTF2.js";
import {
  leveledAnnotations
} from "./chunk-CYWJL6HG.js";
import "./chunk-TQ5TNZCH.js";
import "./chunk-IZW44F23.js";
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
