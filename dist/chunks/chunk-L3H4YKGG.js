import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  cacheHitRate,
  publishedReferences
} from "./chunk-D24LKZC6.js";
import {
  metadataValueOutputs
} from "./chunk-IWQOLGT7.js";

// src/pipeline/outputs.ts
function imageBuildOutputs(result, separators) {
  let { metadata, build, publish } = result, steps = build?.result.steps ?? [], heldBack = publish?.registries.flatMap(
    (registry) => registry.tags.filter((tag) => tag.status === "held-back").map((tag) => `${registry.image}:${tag.tag}`)
  );
  return {
    ...metadataValueOutputs(metadata, separators),
    imageid: build?.result.imageId ?? "",
    digest: publish?.digest ?? build?.result.digest ?? "",
    metadata: JSON.stringify(build?.result.metadata ?? {}),
    published: publish ? publishedReferences(publish).join(`
`) : "",
    "held-back": (heldBack ?? []).join(`
`),
    steps: JSON.stringify(steps),
    "cache-hit-ratio": steps.length ? cacheHitRate(steps).toFixed(3) : "",
    "scan-findings": JSON.stringify(result.scans)
  };
}

export {
  imageBuildOutputs
};
