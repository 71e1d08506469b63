import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRegistryClient,
  dockerConfigCredentials,
  publishedReferences
} from "./chunk-6CISUXUZ.js";
import {
  metadataValueOutputs
} from "./chunk-SVTKQQHD.js";
import {
  parseReference
} from "./chunk-TJHWOVG4.js";
import {
  cacheHitRate
} from "./chunk-6P52IAYP.js";
import {
  __export
} from "./chunk-EHNN3ETZ.js";

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

// src/report/index.ts
var report_exports = {};
__export(report_exports, {
  buildReport: () => buildReport,
  formatBytes: () => formatBytes,
  layersWithHistory: () => layersWithHistory,
  renderReportMarkdown: () => renderReportMarkdown
});

// src/report/model.ts
function buildReport(input) {
  let layerBytes = input.layers.reduce((sum, layer) => sum + layer.compressedBytes, 0), largestLayers = [...input.layers].sort((a, b) => b.compressedBytes - a.compressedBytes).slice(0, 5), cachedSteps = input.steps.filter((step) => step.cached).length, user = input.user?.trim();
  return {
    image: input.image,
    digest: input.digest,
    pullBytes: (input.configBytes ?? 0) + layerBytes,
    layerCount: input.layers.length,
    largestLayers,
    // An empty USER, "root" or uid 0 (with or without a group) all run as root.
    runsAsRoot: input.user === void 0 ? void 0 : !user || /^(root|0)(:.*)?$/.test(user),
    steps: input.steps,
    cachedSteps,
    cacheHitRatio: input.steps.length ? cachedSteps / input.steps.length : void 0,
    tags: input.tags,
    buildSeconds: input.buildSeconds
  };
}

// src/report/markdown.ts
function formatBytes(bytes) {
  let units = ["B", "KiB", "MiB", "GiB", "TiB"], value = bytes, unit = 0;
  for (; value >= 1024 && unit < units.length - 1; )
    value /= 1024, unit++;
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " "), truncate = (text, max) => text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
function renderReportMarkdown(report) {
  let lines = [`## Image \`${report.image}\``, ""];
  if (lines.push("| | |", "|---|---|"), report.digest && lines.push(`| Digest | \`${report.digest}\` |`), lines.push(`| Pull size (compressed: config + layers) | ${formatBytes(report.pullBytes)} |`), lines.push(`| Layers | ${report.layerCount} |`), report.runsAsRoot !== void 0 && lines.push(`| Runs as root | ${report.runsAsRoot ? "yes \u26A0\uFE0F" : "no"} |`), report.cacheHitRatio !== void 0 && lines.push(
    `| Build steps from cache | ${report.cachedSteps}/${report.steps.length} (${Math.round(report.cacheHitRatio * 100)}%) |`
  ), report.buildSeconds !== void 0 && lines.push(`| Build time | ${report.buildSeconds.toFixed(1)} s |`), lines.push(""), report.tags.length) {
    lines.push("### Tags", "", "| Tag | Outcome |", "|---|---|");
    for (let tag of report.tags)
      lines.push(
        `| \`${cell(tag.reference)}\` | ${tag.outcome}${tag.reason ? `: ${cell(tag.reason)}` : ""} |`
      );
    lines.push("");
  }
  if (report.largestLayers.length) {
    lines.push("### Largest layers (compressed)", "", "| Size | Created by |", "|---:|---|");
    for (let layer of report.largestLayers)
      lines.push(
        `| ${formatBytes(layer.compressedBytes)} | ${cell(truncate(layer.createdBy ?? "\u2014", 100))} |`
      );
    lines.push("");
  }
  if (report.steps.length) {
    lines.push("<details><summary>Build steps</summary>", "", "| Step | Cached | Time |", "|---|---|---:|");
    for (let step of report.steps) {
      let time = step.seconds === void 0 ? "" : `${step.seconds.toFixed(1)} s`;
      lines.push(`| ${cell(truncate(step.name, 100))} | ${step.cached ? "yes" : "no"} | ${time} |`);
    }
    lines.push("", "</details>", "");
  }
  return lines.join(`
`);
}

// src/report/image.ts
function layersWithHistory(manifest, config) {
  let producing = (config.history ?? []).filter((entry) => !entry.empty_layer), aligned = producing.length === manifest.layers.length;
  return manifest.layers.map((layer, index) => ({
    compressedBytes: layer.size,
    createdBy: aligned ? cleanInstruction(producing[index].created_by) : void 0
  }));
}
function cleanInstruction(createdBy) {
  if (createdBy)
    return createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, "").replace(/^(RUN )?(\|\d+ .*?)?\/bin\/sh -c /, "RUN ").replace(/ # buildkit$/, "").trim();
}

// src/pipeline/image-reader.ts
function registryImageReader(options) {
  return async (image, digest) => {
    let ref = parseReference(image), client = createRegistryClient({
      registry: ref.registry,
      runner: options.runner,
      logger: options.logger,
      credentials: dockerConfigCredentials({ runner: options.runner, env: options.env })
    }), decode = (bytes) => JSON.parse(Buffer.from(bytes).toString("utf8")), manifest = decode((await client.getManifest(ref.repository, digest)).bytes);
    if (manifest.manifests) {
      let platform = manifest.manifests.find((entry) => entry.platform?.os !== "unknown");
      if (!platform) throw new Error(`${image}@${digest} is an index without a platform image`);
      manifest = decode((await client.getManifest(ref.repository, platform.digest)).bytes);
    }
    let config = decode(await client.getBlob(ref.repository, manifest.config.digest));
    return { manifest, config };
  };
}

// src/pipeline/report.ts
var OUTCOME = {
  pushed: "pushed",
  written: "tagged",
  unchanged: "unchanged",
  "held-back": "held-back",
  superseded: "held-back"
};
async function reportFor(result, readImage, logger) {
  let source = result.reportSource, image = source ? await readImage(source.image, source.digest).catch((error) => {
    logger.warning(
      `report: could not read ${source.image}@${source.digest} back: ${error.message}`
    );
  }) : void 0, steps = (result.build?.result.steps ?? []).filter((step) => !/^FROM\s/i.test(step.instruction)).map((step) => ({
    name: `${step.stage ? `[${step.stage} ${step.position}] ` : ""}${step.instruction}`,
    cached: step.cached,
    seconds: step.durationSeconds
  })), tags = result.publish ? result.publish.registries.flatMap(
    (registry) => registry.tags.map((tag) => ({
      reference: `${registry.image}:${tag.tag}`,
      outcome: OUTCOME[tag.status] ?? "tagged",
      reason: tag.reason
    }))
  ) : result.metadata.tags.map((reference) => ({ reference, outcome: "local" }));
  return buildReport({
    image: source?.image ?? result.metadata.images[0] ?? result.metadata.tags[0] ?? "image",
    digest: source?.digest,
    configBytes: image?.manifest.config.size,
    layers: image ? layersWithHistory(image.manifest, image.config) : [],
    user: image?.config.config?.User,
    steps,
    tags
  });
}
async function renderRunReport(result, deps) {
  let env = {
    ...deps.env,
    ...result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }
  }, reader = registryImageReader({ runner: deps.runner, logger: deps.logger, env });
  return renderReportMarkdown(await reportFor(result, reader, deps.logger));
}

export {
  imageBuildOutputs,
  formatBytes,
  report_exports,
  registryImageReader,
  reportFor,
  renderRunReport
};
