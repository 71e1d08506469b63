import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  reportImageSource
} from "./chunk-LDRL4NVG.js";
import {
  EMPTY_CONFIG,
  MAX_STORED_ANALYSIS_BYTES,
  RegistryError,
  analyzeLayers,
  buildImageReport,
  createRegistryClient,
  decodeAnalysisDocument,
  decodeAnalysisManifest,
  dockerConfigCredentials,
  encodeStoredAnalysis,
  familyVersion,
  findRelease,
  formatBytes,
  imageModelFromMetadata,
  isIndex,
  parseDockerfile,
  platformManifests,
  pullBytes,
  readDockerSave,
  readEngineImage,
  readOciLayout,
  renderReportJson,
  renderSummaryMarkdown,
  runSmokeTest,
  selectPlatform,
  severityCounts,
  stageDependencies,
  storedAnalysisTag,
  summarisePlatform,
  unavailableImageModel
} from "./chunk-D24LKZC6.js";
import {
  computeMetadata,
  fixTagForRegistry,
  sanitizeTag
} from "./chunk-IWQOLGT7.js";
import {
  silentLogger
} from "./chunk-DSVLZ5QC.js";
import {
  parseReference
} from "./chunk-H5I7P22Y.js";
import {
  require_semver
} from "./chunk-TAYKLYQA.js";
import {
  __toESM
} from "./chunk-EHNN3ETZ.js";

// src/util/replace-file.ts
import { randomBytes } from "node:crypto";
import { rm, writeFile, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function replaceFile(path, text) {
  let temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx", mode: 420 });
  try {
    await rename(temporary, path);
  } catch (error) {
    throw await rm(temporary, { force: !0 }).catch(() => {
    }), error;
  }
}

// src/pipeline/image-reader.ts
import { readFile, stat } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/pipeline/stored-analysis.ts
var message = (error) => error instanceof Error ? error.message : String(error);
async function readStoredAnalysis(client, repository, expected, logger, fetched) {
  let tag = storedAnalysisTag(expected.imageDigest), ignore = (why) => {
    logger.debug(`report: the stored analysis ${repository}:${tag} is not used: ${why}`);
  };
  try {
    let manifest = await (fetched ?? fetchStoredAnalysisManifest(client, repository, expected.imageDigest)), layer = decodeAnalysisManifest(manifest.bytes, expected.imageDigest);
    if (!layer.ok) return ignore(layer.reason);
    let bytes = layer.value.inline ?? await client.getBlob(repository, layer.value.digest, {
      maxBytes: Math.min(layer.value.size, MAX_STORED_ANALYSIS_BYTES)
    }), analysis = decodeAnalysisDocument(bytes, expected);
    return analysis.ok ? analysis.value : ignore(analysis.reason);
  } catch (error) {
    return error instanceof RegistryError && error.status === 404 ? ignore("there is none") : ignore(message(error));
  }
}
function fetchStoredAnalysisManifest(client, repository, imageDigest) {
  let fetched = client.getManifest(repository, storedAnalysisTag(imageDigest));
  return fetched.catch(() => {
  }), fetched;
}
async function writeStoredAnalysis(client, repository, image, analysis, context) {
  let encoded = encodeStoredAnalysis(analysis, image, context);
  if (!encoded) return;
  await client.blobExists(repository, EMPTY_CONFIG.digest) || await client.uploadBlob(repository, EMPTY_CONFIG.bytes), await client.uploadBlob(repository, encoded.layer.bytes);
  let tag = storedAnalysisTag(image.digest);
  return await client.putManifest(repository, tag, encoded.manifest), tag;
}

// src/pipeline/image-reader.ts
function registryClients(options) {
  let credentials = dockerConfigCredentials({ runner: options.runner, env: options.env }), clients = /* @__PURE__ */ new Map();
  return (registry) => {
    let client = clients.get(registry);
    return client || (client = createRegistryClient({
      registry,
      runner: options.runner,
      logger: options.logger,
      credentials
    }), clients.set(registry, client)), client;
  };
}
var decode = (bytes, what) => {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new Error(`${what} is not valid JSON (${error.message})`);
  }
};
function overLimit(bytes, limit, what) {
  if (!(bytes <= limit))
    return `The file-level analysis was skipped: the ${what} are ${formatBytes(bytes)}, over report-contents-limit (${formatBytes(limit)}).`;
}
async function readRegistryImage(client, target, options) {
  let top = target.manifest ?? await client.getManifest(target.repository, target.reference), document = decode(top.bytes, `the manifest ${top.digest}`), manifest, digest = top.digest, index, others = /* @__PURE__ */ new Map(), analysed = { digest, mediaType: top.mediaType, size: top.bytes.length };
  if (isIndex(document)) {
    index = { digest: top.digest, document };
    let chosen = selectPlatform(document, options.platform), wanted = options.platformSizes === !1 ? [chosen] : platformManifests(document);
    for (let entry of wanted) {
      let bytes = await client.getManifest(target.repository, entry.digest);
      others.set(entry.digest, decode(bytes.bytes, `the manifest ${entry.digest}`)), entry.digest === chosen.digest && (analysed = { digest: entry.digest, mediaType: bytes.mediaType, size: bytes.bytes.length });
    }
    digest = chosen.digest, manifest = others.get(chosen.digest);
  } else
    manifest = document;
  let layerBytes = manifest.layers.reduce((sum, layer) => sum + layer.size, 0), skipped = overLimit(layerBytes, options.contentsLimitBytes, "compressed layers to read"), stored = options.storedAnalysis, storedManifest = options.contents && !skipped && stored ? fetchStoredAnalysisManifest(client, target.repository, digest) : void 0, config = decode(
    await client.getBlob(target.repository, manifest.config.digest),
    `the image config ${manifest.config.digest}`
  ), model = imageModelFromMetadata({
    image: options.image,
    manifest,
    config,
    digest,
    index,
    base: options.base
  });
  index && model.platforms && (model.platforms = platformManifests(index.document).map(
    (entry) => summarisePlatform(entry, others.get(entry.digest))
  ));
  let notices = [];
  if (!options.contents) return { model, notices };
  if (skipped) return { model, notices: [skipped] };
  let context = { baseLayerCount: model.base?.layerCount };
  if (stored) {
    let contents2 = await readStoredAnalysis(
      client,
      target.repository,
      { ...context, imageDigest: digest, layerCount: manifest.layers.length },
      stored.logger,
      storedManifest
    );
    if (contents2) return { model, contents: contents2, notices, contentsStoredAt: storedAnalysisTag(digest) };
  }
  let contents = await analyzeLayers(
    manifest.layers.map((layer, position) => ({
      digest: layer.digest,
      diffId: model.layers[position]?.diffId
    })),
    (layer, position) => client.openBlob(target.repository, layer.digest ?? "", {
      expectedBytes: manifest.layers[position].size
    }),
    analyzeOptions(model, `${options.image}@${digest}`)
  );
  return stored?.write && await writeStoredAnalysis(client, target.repository, analysed, contents, context).then(
    (tag) => tag ? stored.logger.debug(`report: stored the analysis of ${options.image}@${digest} as ${tag}`) : stored.logger.debug(`report: the analysis of ${options.image}@${digest} is too large to store`),
    (error) => stored.logger.warning(
      `report: the analysis of ${options.image}@${digest} was not stored in its registry: ${error.message ?? String(error)}`
    )
  ), { model, contents, notices };
}
function analyzeOptions(model, sourceLabel) {
  return { baseLayerCount: model.base?.layerCount, sourceLabel };
}
async function readRegistryReference(clientFor, reference, options) {
  let ref = parseReference(reference), image = `${ref.registry}/${ref.repository}`;
  return readRegistryImage(
    clientFor(ref.registry),
    { image, repository: ref.repository, reference: ref.digest ?? ref.tag ?? "latest" },
    { ...options, image }
  );
}
async function readEngineSource(reference, engine, options) {
  let notices = [], analyze = options.contents;
  if (analyze) {
    let inspected = await engine.runner.run(
      engine.docker,
      ["image", "inspect", "--format", "{{.Size}}", reference],
      { env: engine.env }
    ), size = Number(inspected.stdout.trim()), skipped = inspected.exitCode === 0 && Number.isFinite(size) ? overLimit(size, options.contentsLimitBytes, "layers on disk") : void 0;
    skipped && (notices.push(skipped), analyze = !1);
  }
  return { ...await readEngineImage(reference, {
    runner: engine.runner,
    docker: engine.docker,
    env: engine.env,
    tmpDir: engine.tmpDir,
    image: options.image,
    platform: options.platform,
    base: options.base,
    ...analyze ? {} : { analyze: !1 }
  }), notices };
}
async function readLocalImage(path, options) {
  let info = await stat(path).catch(() => {
  }), directory = !!info?.isDirectory(), read = (analyze) => {
    let readOptions = {
      image: options.image,
      platform: options.platform,
      base: options.base,
      ...analyze ? {} : { analyze: !1 }
    };
    return directory ? readOciLayout(path, readOptions) : readDockerSave(path, readOptions);
  };
  if (!options.contents) return withPlatformSizes(path, directory, { ...await read(!1), notices: [] });
  let bytes = directory ? (await read(!1)).model.layers.reduce(
    (sum, layer) => sum + (layer.compressedBytes ?? layer.uncompressedBytes ?? 0),
    0
  ) : info?.size ?? 0, skipped = overLimit(bytes, options.contentsLimitBytes, directory ? "layer blobs" : "tarball");
  return skipped ? withPlatformSizes(path, directory, { ...await read(!1), notices: [skipped] }) : withPlatformSizes(path, directory, { ...await read(!0), notices: [] });
}
async function withPlatformSizes(dir, directory, read) {
  let { model } = read;
  if (!directory || !model.platforms || model.compressedBytes === void 0) return read;
  let platforms = await Promise.all(
    model.platforms.map(async (platform) => {
      let [algorithm, hex] = platform.digest.split(":");
      if (platform.compressedBytes !== void 0 || !/^sha(256|512)$/.test(algorithm) || !/^[a-f0-9]+$/.test(hex ?? ""))
        return platform;
      let text = await readFile(join2(dir, "blobs", algorithm, hex), "utf8").catch(() => {
      }), manifest = text === void 0 ? void 0 : JSON.parse(text);
      return manifest?.layers ? { ...platform, compressedBytes: pullBytes(manifest), layerCount: manifest.layers.length } : platform;
    })
  );
  return { ...read, model: { ...model, platforms } };
}

// src/pipeline/report-baseline.ts
var import_semver = __toESM(require_semver(), 1);
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function baseBranchTag(inputs, context, branch) {
  let rule = inputs.tags.find((entry) => entry.type === "ref" && entry.attrs.event === "branch");
  if (rule)
    try {
      let computed = computeMetadata(
        { ...inputs, tags: [rule], images: [], environment: void 0, references: void 0, warnings: [] },
        { ...context, eventName: "push", ref: `refs/heads/${branch}`, payload: {} },
        { name: "", description: null, html_url: "", default_branch: branch, license: null },
        { now: /* @__PURE__ */ new Date(), logger: silentLogger }
      );
      if (computed.tagNames[0]) return computed.tagNames[0];
    } catch {
    }
  return fixTagForRegistry(sanitizeTag(branch));
}
function previousVersionTag(tagNames, version, existingTags) {
  let current = import_semver.default.parse(version);
  if (!current) return;
  let family = findRelease(tagNames, current)?.family ?? { prefix: "", suffix: "" }, best;
  for (let tag of existingTags) {
    let other = familyVersion(tag, family);
    !other || !import_semver.default.lt(other, current) || other.prerelease.length > 0 && current.prerelease.length === 0 || (!best || import_semver.default.gt(other, best.version)) && (best = { tag, version: other });
  }
  return best?.tag;
}
function chooseBaseline(facts) {
  let { choice, image } = facts;
  if (choice.kind === "none") return;
  if (choice.kind === "reference")
    return { reference: choice.reference, label: shortName(choice.reference), why: "report-baseline" };
  if (!image) return;
  let at = (tag, why) => ({
    reference: `${image}:${tag}`,
    label: shortName(`${image}:${tag}`),
    why
  });
  if (choice.kind === "tag") return at(choice.tag, "report-baseline");
  if (PULL_REQUEST_EVENTS.has(facts.context.eventName)) {
    let pull = facts.context.payload.pull_request, branch = facts.baseRef || (typeof pull?.base?.ref == "string" ? pull.base.ref : "");
    return branch ? at(baseBranchTag(facts.metadataInputs, facts.context, branch), `the base branch ${branch}`) : void 0;
  }
  let version = facts.metadata.semanticVersion;
  if (version && facts.existingTags) {
    let tag = previousVersionTag(facts.metadata.tagNames, version, facts.existingTags);
    if (tag) return at(tag, `the previous version ${tag}`);
  }
}
function shortName(reference) {
  return reference.slice(reference.lastIndexOf("/") + 1);
}
function isMissingImage(error) {
  return error instanceof RegistryError && (error.status === 404 || error.hasCode("MANIFEST_UNKNOWN") || error.hasCode("NAME_UNKNOWN"));
}
async function withBaselineLayerSizes(baseline, current, open, limitBytes) {
  let known = /* @__PURE__ */ new Map();
  current.model.layers.forEach((layer, index) => {
    let size = current.contents.layers[index]?.uncompressedBytes;
    layer.diffId && size !== void 0 && known.set(layer.diffId, size);
  });
  let sizeOf = (layer) => layer.diffId === void 0 ? void 0 : known.get(layer.diffId), bytes = baseline.layers.filter((layer) => sizeOf(layer) === void 0).reduce((sum, layer) => sum + (layer.compressedBytes ?? 0), 0);
  if (bytes > limitBytes)
    return {
      model: baseline,
      notice: `The baseline's other layers (${formatBytes(bytes)}) were not read, over report-contents-limit: its deltas are compressed sizes only.`
    };
  let layers = [];
  for (let layer of baseline.layers) {
    let size = sizeOf(layer) ?? (await analyzeLayers(
      [{ digest: layer.digest, diffId: layer.diffId }],
      (ref) => open(ref, layer.index),
      {
        verifyDuplicates: !1
      }
    )).layers[0].uncompressedBytes;
    layers.push({ ...layer, uncompressedBytes: size });
  }
  return { model: { ...baseline, layers } };
}
async function readRegistryBaseline(clientFor, reference, current, contentsLimitBytes) {
  let read = await readRegistryReference(clientFor, reference, {
    platform: current.model.platform,
    contents: !1,
    contentsLimitBytes: 0,
    platformSizes: !1
  });
  if (!current.contents) return { model: read.model };
  let ref = parseReference(reference), client = clientFor(ref.registry);
  return withBaselineLayerSizes(
    read.model,
    { model: current.model, contents: current.contents },
    (layer, index) => client.openBlob(ref.repository, layer.digest ?? "", {
      expectedBytes: read.model.layers[index].compressedBytes
    }),
    contentsLimitBytes
  );
}

// src/pipeline/report.ts
import { readFileSync } from "node:fs";
import { mkdtemp, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join as join3, resolve } from "node:path";

// src/graph/dockerfile-bases.ts
function globalArgs(dockerfile) {
  let args = /* @__PURE__ */ new Map(), lines = dockerfile.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index].trim();
    for (; line.endsWith("\\") && index + 1 < lines.length; )
      line = `${line.slice(0, -1)} ${lines[++index].trim()}`;
    if (!line || line.startsWith("#")) continue;
    let match = /^(\w+)\s*(.*)$/.exec(line), keyword = match?.[1].toUpperCase();
    if (keyword === "FROM") break;
    if (!(keyword !== "ARG" || !match))
      for (let word of match[2].match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []) {
        let equals = word.indexOf("="), name = equals < 0 ? word : word.slice(0, equals), value = equals < 0 ? void 0 : word.slice(equals + 1).replace(/^(["'])(.*)\1$/, "$2");
        args.set(name, value);
      }
  }
  return args;
}
function expandArgs(text, values) {
  let unresolved = [];
  return { text: text.replace(
    /\$(?:\{(\w+)(?:(:?[-+])([^}]*))?\}|(\w+))/g,
    (_match, braced, operator, word, bare) => {
      let name = braced ?? bare, value = values.get(name), set = value !== void 0, nonEmpty = set && value !== "";
      return operator === ":-" ? nonEmpty ? value : word ?? "" : operator === "-" ? set ? value : word ?? "" : operator === ":+" ? nonEmpty ? word ?? "" : "" : operator === "+" ? set ? word ?? "" : "" : (set || unresolved.push(name), value ?? "");
    }
  ), unresolved };
}
function externalBases(dockerfile, info, target, buildArgs) {
  let declared = globalArgs(dockerfile), values = /* @__PURE__ */ new Map();
  for (let [name, fallback] of declared)
    values.set(name, buildArgs.has(name) ? buildArgs.get(name) : fallback);
  let final = target ? info.stages.find((stage) => stage.name === target.toLowerCase() || String(stage.index) === target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  let stages = [...stageDependencies(info, target), final], bases = [];
  for (let stage of stages) {
    let { text, unresolved } = expandArgs(stage.base, values);
    info.stages.some(
      (other) => other.index < stage.index && other.name === text.toLowerCase()
    ) || text.toLowerCase() === "scratch" || bases.some((base) => base.written === stage.base) || bases.push({ written: stage.base, reference: unresolved.length ? void 0 : text, unresolved });
  }
  return bases;
}

// src/pipeline/report.ts
var OUTCOME = {
  pushed: "pushed",
  written: "tagged",
  unchanged: "unchanged",
  "held-back": "held-back",
  superseded: "held-back"
};
function reportTags(result) {
  return result.publish ? result.publish.registries.flatMap(
    (registry) => registry.tags.map((tag) => ({
      reference: `${registry.image}:${tag.tag}`,
      outcome: OUTCOME[tag.status] ?? "tagged",
      reason: tag.reason
    }))
  ) : result.metadata.tags.map((reference) => ({ reference, outcome: "local" }));
}
function imageName(result, source) {
  if (source.kind === "registry") return source.image;
  let tagged = result.metadata.tags[0];
  return result.metadata.images[0] ?? (tagged ? tagged.replace(/:[^:/]*$/, "") : "image");
}
function message2(error) {
  return error instanceof Error ? error.message : String(error);
}
async function reportRun(result, inputs, deps) {
  let { logger, runner } = deps, settings = inputs.report, env = {
    ...deps.env,
    ...result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }
  }, clientFor = deps.registryClient ?? registryClients({ runner, logger, env }), source = reportImageSource(result, inputs.build), image = imageName(result, source), notices = [], dockerfile = result.build && deps.dockerfile !== !1 ? readDockerfile(inputs, deps.cwd ?? process.cwd(), env) : void 0, options = {
    image,
    contents: settings.contents,
    contentsLimitBytes: settings.contentsLimitBytes,
    base: dockerfile?.base ? await baseHint(dockerfile.base, inputs, clientFor, logger) : void 0,
    ...deps.storedAnalysis && source.kind === "registry" && {
      // Written after its layers were read, for an image this run published (built, or reused with
      // new tags): once per image, so its next no-op run reads one manifest instead of every layer.
      // An image published before analyses were stored, or whose stored one was not trusted, gets it then.
      storedAnalysis: { write: result.publish !== void 0, logger }
    }
  }, readFrom = (contents) => readSource(source, { ...options, contents }, clientFor, { runner, env }), read;
  try {
    read = await readFrom(settings.contents).catch(async (error) => {
      if (!settings.contents) throw error;
      return notices.push(`The file-level analysis failed: ${message2(error)}`), readFrom(!1);
    });
  } catch (error) {
    logger.warning(`report: could not read the image: ${message2(error)}`), notices.push(`The image could not be read (${message2(error)}): the report has no sizes.`);
  } finally {
    source.kind === "oci-layout" && await rm2(source.dir, { recursive: !0, force: !0 });
  }
  source.kind === "unavailable" && notices.push(`No sizes: ${source.reason}.`);
  let baseline = read ? await readBaseline(result, inputs, read, clientFor, env, notices) : void 0, smokeTest = settings.smokeTest ? await smokeTestRun(result, inputs, source, read, env, deps, notices) : void 0, scan = result.scans[0], storedNote = read?.contentsStoredAt && storedAnalysisNote(read.contentsStoredAt), input = {
    model: read?.model ?? unavailableImageModel(image),
    contents: read?.contents,
    tags: reportTags(result),
    build: result.build ? { steps: result.build.result.steps, totalSeconds: result.buildSeconds } : void 0,
    baseline,
    ...scan && { scan: { status: scan.status, counts: severityCounts(scan.counts) } },
    smokeTest,
    fromReferences: dockerfile?.fromReferences,
    policy: settings.policy,
    pricePerGbMonth: settings.pricePerGbMonth,
    notices: [...read?.notices ?? [], ...storedNote ? [storedNote] : [], ...notices]
  }, report = buildImageReport(input);
  for (let notice of report.notices)
    notice === storedNote ? logger.debug(`report: ${notice}`) : logger.notice(`report: ${notice}`);
  return report;
}
function storedAnalysisNote(tag) {
  return `The file-level analysis was read from the analysis stored with this unchanged image (tag ${tag}), not recomputed from its layers.`;
}
async function readSource(source, options, clientFor, engine) {
  switch (source.kind) {
    case "registry": {
      let ref = parseReference(source.image);
      return readRegistryImage(
        clientFor(ref.registry),
        {
          image: source.image,
          repository: ref.repository,
          reference: source.digest,
          manifest: source.manifest
        },
        options
      );
    }
    case "engine":
      return readEngineSource(
        source.reference,
        { ...engine, docker: source.docker, tmpDir: engine.env.RUNNER_TEMP || void 0 },
        options
      );
    case "oci-layout":
      return readLocalImage(source.dir, options);
    case "unavailable":
      return;
  }
}
async function readBaseline(result, inputs, current, clientFor, env, notices) {
  let target = chooseBaseline({
    choice: inputs.report.baseline,
    image: result.publish?.registries[0]?.image ?? result.metadata.images[0],
    context: result.context,
    metadataInputs: inputs.metadata,
    metadata: result.metadata,
    existingTags: result.existingTags,
    baseRef: env.GITHUB_BASE_REF
  });
  if (target)
    try {
      let { model, notice } = await readRegistryBaseline(
        clientFor,
        target.reference,
        inputs.report.contents ? current : { ...current, contents: void 0 },
        inputs.report.contentsLimitBytes
      );
      return notice && notices.push(notice), { model, label: target.label };
    } catch (error) {
      notices.push(
        isMissingImage(error) ? `No comparison: the baseline ${target.label} (${target.why}) does not exist yet.` : `No comparison: the baseline ${target.label} (${target.why}) could not be read: ${message2(error)}`
      );
      return;
    }
}
async function smokeTestRun(result, inputs, source, read, env, deps, notices) {
  let settings = inputs.report.smokeTest;
  if (!settings) return;
  let image = source.kind === "engine" ? source.reference : source.kind === "registry" ? `${source.image}@${source.digest}` : void 0;
  if (!image) {
    notices.push("The smoke test did not run: the image is not in the engine; set `load: true` or push.");
    return;
  }
  deps.logger.info(`report: smoke test of ${image}`);
  try {
    return await runSmokeTest({
      runner: deps.runner,
      docker: source.kind === "engine" ? source.docker : result.build?.builder.docker ?? "docker",
      env,
      image,
      network: settings.network,
      timeoutSeconds: settings.timeoutSeconds,
      ...settings.command && { command: settings.command },
      healthcheck: read?.model.hasHealthcheck ?? !1
    });
  } catch (error) {
    notices.push(`The smoke test could not run: ${message2(error)}`);
    return;
  }
}
function readDockerfile(inputs, cwd, env) {
  let { build } = inputs, file = build.file || join3(build.context, "Dockerfile"), text;
  try {
    text = readFileSync(isAbsolute(file) ? file : resolve(cwd, file), "utf8");
  } catch {
    return;
  }
  let args = /* @__PURE__ */ new Map();
  for (let item of build.buildArgs) {
    let equals = item.value.indexOf("=");
    equals < 0 ? args.set(item.value, env[item.value]) : args.set(item.value.slice(0, equals), item.value.slice(equals + 1));
  }
  let info = parseDockerfile(text), target = build.target || void 0, fromReferences = externalBases(text, info, target, args).map(
    (base) => base.reference ?? base.written
  ), values = new Map(globalArgs(text));
  for (let [name, value] of args) values.has(name) && values.set(name, value);
  let stage = target ? info.stages.find(
    (candidate) => candidate.name === target.toLowerCase() || String(candidate.index) === target
  ) : info.stages.at(-1);
  for (; stage; ) {
    let from = expandArgs(stage.base, values), index = stage.index, earlier = info.stages.find(
      (other) => other.index < index && other.name === from.text.toLowerCase()
    );
    if (!earlier) {
      let image = from.unresolved.length || from.text.toLowerCase() === "scratch" ? void 0 : from.text;
      return { fromReferences, ...image && { base: image } };
    }
    stage = earlier;
  }
  return { fromReferences };
}
async function baseHint(reference, inputs, clientFor, logger) {
  try {
    let { model } = await readRegistryReference(clientFor, reference, {
      platform: inputs.build.platforms[0],
      contents: !1,
      contentsLimitBytes: 0,
      platformSizes: !1
    }), diffIds = model.layers.map((layer) => layer.diffId ?? "");
    return { name: reference, digest: model.indexDigest ?? model.digest, diffIds };
  } catch (error) {
    logger.debug(`report: the base image ${reference} was not read: ${message2(error)}`);
    return;
  }
}
function reportOutputs(report, files) {
  return {
    size: report.sizes.compressedBytes?.toString() ?? "",
    "size-uncompressed": report.sizes.uncompressedBytes?.toString() ?? "",
    efficiency: report.contents ? report.contents.efficiency.toFixed(4) : "",
    report: files.json,
    "report-markdown": files.markdown
  };
}
async function writeReportJson(report, where) {
  let dir = "dir" in where ? where.dir : await mkdtemp(join3(where.tempRoot || tmpdir(), "image-build-report-")), path = join3(dir, "image-build-report.json");
  return await replaceFile(path, renderReportJson(report)), path;
}
function failedChecksMessage(report, doneFirst) {
  let failed = report.checks.filter((check) => check.status === "fail");
  if (failed.length === 0) return;
  let what = failed.length === 1 ? "a check" : `${failed.length} checks`, after = doneFirst ? ` (the image was ${doneFirst} first)` : "";
  return `${what} of ${report.image} failed${after}: ${failed.map((check) => `${check.name}: ${check.detail}`).join("; ")}`;
}
async function renderRunReport(result, inputs, deps) {
  return renderSummaryMarkdown(await reportRun(result, inputs, deps));
}

export {
  globalArgs,
  expandArgs,
  externalBases,
  replaceFile,
  registryClients,
  readRegistryReference,
  readEngineSource,
  readLocalImage,
  isMissingImage,
  readRegistryBaseline,
  reportRun,
  storedAnalysisNote,
  reportOutputs,
  writeReportJson,
  failedChecksMessage,
  renderRunReport
};
