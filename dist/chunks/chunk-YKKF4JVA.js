import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  BuilderUnavailableError,
  detectBuilder,
  githubCacheContext,
  resolveCache,
  restoreLocalCache,
  versionAtLeast
} from "./chunk-3ZRYWWEM.js";
import {
  parseEcrReference
} from "./chunk-LMFJZTF2.js";
import {
  bakeFileContents,
  bakeFileName,
  computeMetadata,
  fetchRepoInfo,
  fixTagForRegistry,
  inputTemplates,
  leveledAnnotations,
  loadDateFormatter,
  loadEngineLibs,
  loadPep440,
  metadataJson,
  metadataOutputs,
  metadataValueOutputs,
  octokitRepository,
  outputEnvName,
  parse,
  parseMetadataInputs,
  recordInputReader,
  resolveRunContext,
  runTagsAction,
  sanitizeTag,
  sourceDateEpoch,
  usesDateExpressions
} from "./chunk-CKDV4C65.js";
import {
  processRunner
} from "./chunk-AJT6XIIW.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import {
  require_semver
} from "./chunk-TAYKLYQA.js";
import {
  __export,
  __toESM
} from "./chunk-EHNN3ETZ.js";

// src/build/index.ts
var build_exports = {};
__export(build_exports, {
  AUTOMATIC_BUILD_ARGS: () => AUTOMATIC_BUILD_ARGS,
  BUILD_INPUT_NAMES: () => BUILD_INPUT_NAMES,
  BuildFailedError: () => BuildFailedError,
  BuilderUnavailableError: () => BuilderUnavailableError,
  buildImage: () => buildImage,
  cacheHitRate: () => cacheHitRate,
  defaultBuildInputs: () => defaultBuildInputs,
  defaultProvenance: () => defaultProvenance,
  detectBuilder: () => detectBuilder,
  diskFiles: () => diskFiles,
  mergeSteps: () => mergeSteps,
  parseDockerfile: () => parseDockerfile,
  parseListInput: () => parseListInput,
  parsePlainProgress: () => parsePlainProgress,
  planBuild: () => planBuild,
  planCache: () => planCache,
  readBuildInputs: () => readBuildInputs,
  runBuild: () => runBuild,
  selectAutomaticBuildArgs: () => selectAutomaticBuildArgs,
  splitImageRef: () => splitImageRef,
  stageDependencies: () => stageDependencies,
  stagesNeedingCacheImages: () => stagesNeedingCacheImages,
  validateBuild: () => validateBuild
});

// src/build/automatic-args.ts
var AUTOMATIC_BUILD_ARGS = ["VERSION", "ENVIRONMENT", "GIT_COMMIT", "BUILD_TIMESTAMP"];
function selectAutomaticBuildArgs(values, declared, userArgs) {
  let userKeys = new Set(userArgs.map((item) => item.value.split("=")[0].trim()));
  return Object.entries(values).filter((entry) => entry[1] !== void 0).filter(([name]) => declared.has(name) && !userKeys.has(name)).map(([name, value]) => `${name}=${value}`);
}

// src/build/build-image.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, resolve as resolve2 } from "node:path";

// src/build/dockerfile.ts
function instructions(text) {
  let lines = text.split(/\r?\n/), directive = /^#\s*escape\s*=\s*([`\\])\s*$/i.exec(lines[0] ?? ""), escape = directive ? directive[1] : "\\", result = [], pending = "";
  for (let raw of lines) {
    let trimmed = raw.trim();
    if (!pending && (trimmed === "" || trimmed.startsWith("#")) || pending && trimmed.startsWith("#")) continue;
    if (trimmed.endsWith(escape)) {
      pending += trimmed.slice(0, -1) + " ";
      continue;
    }
    let full = (pending + trimmed).trim();
    pending = "";
    let match = /^(\S+)\s*(.*)$/.exec(full);
    match && result.push({ keyword: match[1].toUpperCase(), rest: match[2] });
  }
  if (pending.trim()) {
    let match = /^(\S+)\s*(.*)$/.exec(pending.trim());
    match && result.push({ keyword: match[1].toUpperCase(), rest: match[2] });
  }
  return result;
}
function flagValue(rest, flag) {
  return new RegExp(`(?:^|\\s)--${flag}=(\\S+)`).exec(rest)?.[1];
}
function parseDockerfile(text) {
  let stages = [], args = /* @__PURE__ */ new Set();
  for (let { keyword, rest } of instructions(text))
    if (keyword === "FROM") {
      let words = rest.split(/\s+/).filter((word) => !word.startsWith("--")), base = words[0] ?? "", name = words.length >= 3 && words[1].toUpperCase() === "AS" ? words[2].toLowerCase() : void 0;
      stages.push({ index: stages.length, name, base, uses: [base.toLowerCase()] });
    } else if (keyword === "ARG")
      for (let word of rest.split(/\s+/)) {
        let argName = word.split("=")[0];
        argName && args.add(argName);
      }
    else if (stages.length > 0 && (keyword === "COPY" || keyword === "RUN" || keyword === "ADD")) {
      let stage = stages[stages.length - 1], from = keyword === "RUN" ? void 0 : flagValue(rest, "from");
      from && stage.uses.push(from.toLowerCase());
      for (let mount of rest.matchAll(/--mount=(\S+)/g)) {
        let mountFrom = /(?:^|,)from=([^,]+)/.exec(mount[1]);
        mountFrom && stage.uses.push(mountFrom[1].toLowerCase());
      }
    }
  return { stages, args };
}
function findStage(info, ref) {
  let lower = ref.toLowerCase();
  return /^\d+$/.test(lower) ? info.stages[Number(lower)] : info.stages.find((stage) => stage.name === lower);
}
function stageDependencies(info, target) {
  let final = target ? findStage(info, target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  let needed = /* @__PURE__ */ new Set(), visit = (stage) => {
    for (let use of stage.uses) {
      let dependency = findStage(info, use);
      !dependency || dependency.index >= stage.index || needed.has(dependency.index) || (needed.add(dependency.index), visit(dependency));
    }
  };
  return visit(final), info.stages.filter((stage) => needed.has(stage.index));
}
function ancestors(info, stage) {
  let chain = /* @__PURE__ */ new Set();
  for (let base = findStage(info, stage.base); base && !chain.has(base.index) && !(base.index >= stage.index); base = findStage(info, base.base))
    chain.add(base.index);
  return chain;
}
function stagesNeedingCacheImages(info, target) {
  let final = target ? findStage(info, target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  let needed = stageDependencies(info, target), covered = /* @__PURE__ */ new Set();
  for (let stage of [...needed, final]) for (let index of ancestors(info, stage)) covered.add(index);
  return needed.filter((stage) => !covered.has(stage.index));
}

// src/build/build-command.ts
var repeat = (flag, values) => values.flatMap((value) => [flag, value]);

// src/build/buildx-features.ts
var BUILDX_FEATURES = {
  /** `--metadata-file`: the digest and config of what was built. */
  metadataFile: { flag: "--metadata-file", since: "0.6.0" },
  /** `--build-context name=path`. */
  buildContexts: { flag: "--build-context", since: "0.8.0" },
  /** `--provenance`, `--sbom`, `--attest`. */
  attestations: { flag: "--provenance/--sbom", since: "0.10.0" },
  /** `--annotation [level:]key=value`. */
  annotations: { flag: "--annotation", since: "0.12.0" }
};
function buildxSupports(version, feature) {
  return versionAtLeast(version, BUILDX_FEATURES[feature].since);
}
function droppedFlagNotice(version, feature, what) {
  let { flag, since } = BUILDX_FEATURES[feature];
  return `${what}: buildx ${version} has no ${flag} (added in ${since}); skipped. Update buildx (docker/setup-buildx-action) to use it`;
}
function outputField(field) {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function annotationOutputAttribute(annotation) {
  let match = /^((?:manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?):(.*)$/s.exec(
    annotation
  ), levelSpec = match ? match[1] : "manifest", rest = match ? match[2] : annotation, level = levelSpec.replace(/\[.*$/, ""), platform = levelSpec.slice(level.length), prefix = level === "manifest" ? `annotation${platform}` : `annotation-${level}${platform}`;
  return { level, attribute: `${prefix}.${rest}` };
}

// src/build/plan-buildx.ts
function defaultProvenance(inputs) {
  return inputs.platforms.length > 1 ? "mode=min" : "false";
}
function exportArgs(inputs, builder, imageNames, notices) {
  let annotations = inputs.annotations.map((item) => item.value), outputs = inputs.outputs.map((item) => item.value), plain = {
    args: [
      ...repeat("--output", outputs),
      ...inputs.load ? ["--load"] : [],
      ...inputs.push ? ["--push"] : [],
      ...repeat("--tag", imageNames)
    ],
    pushes: inputs.push
  };
  if (annotations.length === 0) return plain;
  if (buildxSupports(builder.version, "annotations"))
    return { ...plain, args: [...repeat("--annotation", annotations), ...plain.args] };
  let dropped = (why) => (notices.push(`annotations: ${why}; skipped (the labels carry the same values)`), plain);
  if (builder.driver === "docker")
    return dropped(`buildx ${builder.version} has no --annotation and its docker driver cannot add them`);
  if (!inputs.push || inputs.load || outputs.length > 0)
    return dropped(
      `buildx ${builder.version} has no --annotation (added in 0.12) and this build does not push an image`
    );
  let attributes = annotations.map(annotationOutputAttribute), usable = attributes.filter(
    (attribute) => inputs.platforms.length > 1 || !attribute.level.startsWith("index")
  );
  return usable.length < attributes.length && notices.push("annotations: index-level annotations need a multi-platform build; skipped"), { args: ["--output", [
    "type=image",
    outputField(`name=${imageNames.join(",")}`),
    "push=true",
    "oci-mediatypes=true",
    ...usable.map((attribute) => outputField(attribute.attribute))
  ].join(",")], pushes: !0 };
}
function planBuildx(input) {
  let { build, builder, cache, options, buildArgs, secretArgs: secretArgs2, env, notices } = input, { inputs } = build, { version } = builder, cacheTag = cache.tagPublished && options.tagCacheRef !== !1 && inputs.push ? [cache.tagPublished] : [], imageNames = [...inputs.tags, ...cache.finalImage ? [cache.finalImage] : [], ...cacheTag], attestations = buildxSupports(version, "attestations"), provenance = inputs.provenance || (attestations ? defaultProvenance(inputs) : "");
  attestations || (inputs.provenance && notices.push(droppedFlagNotice(version, "attestations", "provenance")), inputs.sbom && notices.push(droppedFlagNotice(version, "attestations", "sbom")));
  let metadataFile = buildxSupports(version, "metadataFile") ? options.metadataFile : void 0;
  metadataFile || notices.push(
    `${droppedFlagNotice(version, "metadataFile", "metadata")} (the metadata output holds the image id only)`
  );
  let exported = exportArgs(inputs, builder, imageNames, notices), args = [
    "buildx",
    "build",
    ...repeat("--add-host", inputs.addHosts),
    ...repeat("--build-arg", buildArgs),
    ...repeat(
      "--build-context",
      inputs.buildContexts.map((item) => item.value)
    ),
    ...inputs.builder ? ["--builder", inputs.builder] : [],
    ...repeat("--cache-from", cache.cacheFrom),
    ...repeat("--cache-to", cache.cacheTo),
    ...inputs.file ? ["--file", inputs.file] : [],
    "--iidfile",
    options.iidFile,
    ...repeat(
      "--label",
      inputs.labels.map((item) => item.value)
    ),
    ...metadataFile ? ["--metadata-file", metadataFile] : [],
    ...inputs.network ? ["--network", inputs.network] : [],
    ...inputs.noCache ? ["--no-cache"] : [],
    ...repeat("--no-cache-filter", inputs.noCacheFilters),
    ...inputs.platforms.length ? ["--platform", inputs.platforms.join(",")] : [],
    "--progress",
    "plain",
    ...attestations && provenance ? ["--provenance", provenance] : [],
    ...inputs.pull ? ["--pull"] : [],
    ...attestations && inputs.sbom ? ["--sbom", inputs.sbom] : [],
    ...secretArgs2,
    ...inputs.shmSize ? ["--shm-size", inputs.shmSize] : [],
    ...repeat(
      "--ssh",
      inputs.ssh.map((item) => item.value)
    ),
    ...inputs.target ? ["--target", inputs.target] : [],
    ...repeat(
      "--ulimit",
      inputs.ulimits.map((item) => item.value)
    ),
    ...exported.args,
    inputs.context
  ];
  return {
    builder,
    commands: [{ role: "image", args }],
    tags: inputs.tags,
    pushes: [],
    pushedByBuilder: exported.pushes ? imageNames : [],
    env,
    iidFile: options.iidFile,
    ...metadataFile ? { metadataFile } : {},
    notices
  };
}

// src/build/plan-classic.ts
function planClassic(input) {
  let { build, builder, cache, options, buildArgs, secretArgs: secretArgs2, env, notices } = input, { inputs } = build, file = inputs.file ? ["--file", inputs.file] : [];
  inputs.annotations.length && notices.push("annotations: the classic builder cannot set manifest annotations; skipped"), inputs.provenance && inputs.provenance !== "false" && notices.push("provenance: the classic builder cannot attach attestations; skipped"), inputs.sbom && inputs.sbom !== "false" && notices.push("sbom: the classic builder cannot attach attestations; skipped"), inputs.builder && notices.push(`builder: "${inputs.builder}" is a buildx instance; using the engine's own BuildKit`);
  let noCache = inputs.noCache || inputs.noCacheFilters.length > 0;
  inputs.noCacheFilters.length && !inputs.noCache && notices.push(
    "no-cache-filters: the classic builder cannot skip the cache per stage; building without cache"
  );
  let common = (target, cacheFrom, skipCache = noCache, inline = cache.inline) => [
    "build",
    ...repeat("--add-host", inputs.addHosts),
    ...repeat("--build-arg", [...buildArgs, ...inline ? ["BUILDKIT_INLINE_CACHE=1"] : []]),
    ...repeat("--cache-from", cacheFrom),
    ...file,
    ...repeat(
      "--label",
      inputs.labels.map((item) => item.value)
    ),
    ...inputs.network ? ["--network", inputs.network] : [],
    ...skipCache ? ["--no-cache"] : [],
    ...inputs.platforms.length ? ["--platform", inputs.platforms[0]] : [],
    "--progress",
    "plain",
    ...inputs.pull ? ["--pull"] : [],
    ...secretArgs2,
    ...inputs.shmSize ? ["--shm-size", inputs.shmSize] : [],
    ...repeat(
      "--ssh",
      inputs.ssh.map((item) => item.value)
    ),
    ...target ? ["--target", target] : [],
    ...repeat(
      "--ulimit",
      inputs.ulimits.map((item) => item.value)
    )
  ], rawFrom = cache.cacheFrom.filter((ref) => ref !== cache.finalCacheRef && ref !== cache.finalImage), stageCommands = cache.stageImages.map(({ stage, ref, imported }) => ({
    role: "stage-cache",
    stage,
    args: [
      ...common(stage, noCache ? [] : [...imported === !1 ? [] : [ref], ...rawFrom], !1),
      "--tag",
      ref,
      inputs.context
    ]
  })), finalCache = cache.inline && cache.finalImage && inputs.tags.length > 0 ? cache.finalImage : void 0, cacheTag = cache.tagPublished && options.tagCacheRef !== !1 ? [cache.tagPublished] : [], imageTags = finalCache ? inputs.tags : [...inputs.tags, ...cache.finalImage ? [cache.finalImage] : [], ...cacheTag], imageCommand = {
    role: "image",
    args: [
      ...common(inputs.target, cache.cacheFrom, noCache, cache.inline && !finalCache),
      "--iidfile",
      options.iidFile,
      ...repeat(
        "--output",
        inputs.outputs.map((item) => item.value)
      ),
      ...repeat("--tag", imageTags),
      inputs.context
    ]
  }, finalCacheCommands = finalCache ? [
    {
      role: "stage-cache",
      stage: inputs.target || "final",
      args: [...common(inputs.target, [], !1, !0), "--tag", finalCache, inputs.context]
    }
  ] : [], commands = noCache ? [imageCommand, ...stageCommands, ...finalCacheCommands] : [...stageCommands, imageCommand, ...finalCacheCommands], cachePushes = cache.pushCacheImages && inputs.push ? [
    ...cache.stageImages.map((image) => image.ref),
    ...cache.finalImage ? [cache.finalImage] : [],
    ...cacheTag
  ] : [];
  return {
    builder,
    commands,
    tags: inputs.tags,
    pushes: [...inputs.push ? inputs.tags : [], ...cachePushes],
    pushedByBuilder: [],
    env,
    iidFile: options.iidFile,
    notices
  };
}

// src/build/validate.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
var diskFiles = {
  isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
  isFile: (path) => existsSync(path) && statSync(path).isFile(),
  readText: (path) => readFileSync(path, "utf8")
}, ULIMIT_NAMES = /* @__PURE__ */ new Set([
  "core",
  "cpu",
  "data",
  "fsize",
  "locks",
  "memlock",
  "msgqueue",
  "nice",
  "nofile",
  "nproc",
  "rss",
  "rtprio",
  "rttime",
  "sigpending",
  "stack"
]);
function splitKeyValue(item, input, what, valueRequired = !0) {
  let index = item.value.indexOf("="), key = (index < 0 ? item.value : item.value.slice(0, index)).trim(), value = index < 0 ? "" : item.value.slice(index + 1);
  if (!key || /\s/.test(key) || valueRequired && index < 0) {
    let shown = input.startsWith("secret") ? "" : ` "${item.value}"`;
    throw new InputError(input, `line${shown} must be ${what}`, { line: item.line });
  }
  return [key, value];
}
function isRemoteContext(context) {
  return /^(https?:\/\/|git@|github\.com\/)/.test(context) || context === "-";
}
function validateBuild(inputs, builder, files = diskFiles, cwd = process.cwd()) {
  let context = isAbsolute(inputs.context) ? inputs.context : resolve(cwd, inputs.context);
  if (!isRemoteContext(inputs.context) && !files.isDirectory(context))
    throw new InputError("context", `directory "${inputs.context}" does not exist`);
  let file = inputs.file || join(inputs.context, "Dockerfile"), dockerfilePath = isAbsolute(file) ? file : resolve(cwd, file);
  if (!files.isFile(dockerfilePath))
    throw new InputError("file", `Dockerfile "${file}" does not exist`);
  let dockerfile = parseDockerfile(files.readText(dockerfilePath));
  if (dockerfile.stages.length === 0) throw new InputError("file", `"${file}" has no FROM instruction`);
  if (inputs.target && !findStage(dockerfile, inputs.target)) {
    let names = dockerfile.stages.map((stage) => stage.name).filter(Boolean);
    throw new InputError(
      "target",
      `no stage named "${inputs.target}" in ${file}` + (names.length ? ` (stages: ${names.join(", ")})` : " (no named stages)")
    );
  }
  for (let item of inputs.buildArgs)
    splitKeyValue(item, "build-args", "NAME=value (or NAME to take it from the environment)", !1);
  for (let item of inputs.buildContexts) splitKeyValue(item, "build-contexts", "name=path-or-url");
  for (let item of inputs.labels) splitKeyValue(item, "labels", "key=value", !1);
  for (let item of inputs.annotations) splitKeyValue(item, "annotations", "key=value");
  for (let item of inputs.secrets) splitKeyValue(item, "secrets", "id=value");
  for (let item of inputs.secretEnvs) {
    let [, variable] = splitKeyValue(item, "secret-envs", "id=ENVIRONMENT_VARIABLE");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
      throw new InputError("secret-envs", `"${variable}" is not an environment variable name`, {
        line: item.line
      });
  }
  for (let item of inputs.secretFiles) {
    let [id, path] = splitKeyValue(item, "secret-files", "id=path");
    if (!files.isFile(isAbsolute(path) ? path : resolve(cwd, path)))
      throw new InputError("secret-files", `file for secret "${id}" does not exist: ${path}`, {
        line: item.line
      });
  }
  for (let item of inputs.ulimits) {
    let [name, limits] = splitKeyValue(item, "ulimit", "name=soft[:hard] (e.g. nofile=1024:2048)");
    if (!ULIMIT_NAMES.has(name))
      throw new InputError("ulimit", `unknown limit "${name}"`, { line: item.line, field: name });
    if (!/^-?\d+(:-?\d+)?$/.test(limits))
      throw new InputError("ulimit", `"${limits}" must be soft[:hard] integers`, {
        line: item.line,
        field: name
      });
  }
  for (let host of inputs.addHosts)
    if (!/^[^\s:=]+[:=]\S+$/.test(host)) throw new InputError("add-hosts", `"${host}" must be host:ip`);
  if (inputs.shmSize && !/^\d+(\.\d+)?[bkmg]?$/i.test(inputs.shmSize))
    throw new InputError("shm-size", `"${inputs.shmSize}" must be a size such as 2g or 512m`);
  return validateBuilderSupport(inputs, builder), { inputs, dockerfilePath, dockerfile };
}
function validateBuilderSupport(inputs, builder) {
  if (builder.platforms.length > 0) {
    for (let platform of inputs.platforms)
      if (!builder.platforms.some((known) => known === platform || known.startsWith(`${platform}/`)))
        throw new InputError(
          "platforms",
          `the builder cannot build ${platform} (it has ${builder.platforms.join(", ")})`
        );
  }
  if (builder.kind === "buildx") {
    if (inputs.buildContexts.length > 0 && !buildxSupports(builder.version, "buildContexts"))
      throw new InputError(
        "build-contexts",
        `buildx ${builder.version} has no --build-context (added in ${BUILDX_FEATURES.buildContexts.since}); update buildx`
      );
    return;
  }
  if (inputs.platforms.length > 1)
    throw new InputError(
      "platforms",
      "the classic builder builds one platform at a time; install buildx for multi-platform images"
    );
  if (inputs.buildContexts.length > 0)
    throw new InputError("build-contexts", "the classic builder has no named build contexts; install buildx");
  for (let item of inputs.outputs)
    if (/(^|,)type=(image|registry|oci|docker)(,|$)/.test(item.value))
      throw new InputError(
        "outputs",
        `the classic builder cannot export "${item.value}"; use push/load or install buildx`,
        {
          line: item.line
        }
      );
}

// src/build/plan.ts
var SECRET_ENV_PREFIX = "IB_BUILD_SECRET_";
function secretArgs(inputs) {
  let args = [], env = {};
  inputs.secrets.forEach((item, index) => {
    let [id, value] = splitKeyValue(item, "secrets", "id=value");
    env[`${SECRET_ENV_PREFIX}${index}`] = value, args.push("--secret", `id=${id},env=${SECRET_ENV_PREFIX}${index}`);
  });
  for (let item of inputs.secretFiles) {
    let [id, path] = splitKeyValue(item, "secret-files", "id=path");
    args.push("--secret", `id=${id},src=${path}`);
  }
  for (let item of inputs.secretEnvs) {
    let [id, variable] = splitKeyValue(item, "secret-envs", "id=VARIABLE");
    args.push("--secret", `id=${id},env=${variable}`);
  }
  return { args, env };
}
function planBuild(build, builder, cache, options) {
  let { inputs, dockerfile } = build, secrets = secretArgs(inputs), shared = {
    build,
    cache,
    options,
    buildArgs: [
      ...inputs.buildArgs.map((item) => item.value),
      ...selectAutomaticBuildArgs(options.automaticBuildArgs ?? {}, dockerfile.args, inputs.buildArgs)
    ],
    secretArgs: secrets.args,
    env: { DOCKER_BUILDKIT: "1", ...secrets.env },
    notices: [...cache.notices]
  };
  return builder.kind === "buildx" ? planBuildx({ ...shared, builder }) : planClassic({ ...shared, builder });
}

// src/build/push-output.ts
function splitImageRef(ref) {
  let at = ref.indexOf("@"), withoutDigest = at < 0 ? ref : ref.slice(0, at), slash = withoutDigest.lastIndexOf("/"), colon = withoutDigest.lastIndexOf(":");
  return colon > slash ? { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) } : { repository: withoutDigest };
}

// src/build/run.ts
import { readFileSync as readFileSync2 } from "node:fs";

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
function cacheHitRate(steps) {
  let built = steps.filter((step) => !/^FROM\s/i.test(step.instruction));
  return built.length === 0 ? 1 : built.filter((step) => step.cached).length / built.length;
}

// src/registry/reference.ts
var DOCKER_HUB = "docker.io", DOCKER_HUB_API = "registry-1.docker.io", InvalidReferenceError = class extends Error {
  reference;
  constructor(reference, detail) {
    super(`invalid image reference "${reference}": ${detail}`), this.name = "InvalidReferenceError", this.reference = reference;
  }
}, COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/, TAG = /^[\w][\w.-]{0,127}$/, DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/, HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/, MAX_NAME_LENGTH = 255;
function parseReference(text) {
  let fail = (detail) => {
    throw new InvalidReferenceError(text, detail);
  }, input = text.trim();
  input || fail("it is empty"), /\s/.test(input) && fail("it contains whitespace");
  let rest = input, digest, at = rest.indexOf("@");
  at >= 0 && (digest = rest.slice(at + 1), rest = rest.slice(0, at), DIGEST.test(digest) || fail(`"${digest}" is not a digest (expected algorithm:hex)`), digest.startsWith("sha256:") && !/^sha256:[a-f0-9]{64}$/.test(digest) && fail(`"${digest}" is not a sha256 digest (64 lowercase hex characters)`));
  let tag, lastSlash = rest.lastIndexOf("/"), colon = rest.lastIndexOf(":");
  colon > lastSlash && (tag = rest.slice(colon + 1), rest = rest.slice(0, colon), TAG.test(tag) || fail(`tag "${tag}" is invalid (letters, digits, _ . - up to 128 characters, not starting with . or -)`)), rest || fail("the repository name is missing");
  let parts = rest.split("/"), registry = DOCKER_HUB, first = parts[0];
  parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost") && (registry = parts.shift(), HOST.test(registry) || fail(`registry host "${registry}" is invalid`)), (registry === "index.docker.io" || registry === DOCKER_HUB_API) && (registry = DOCKER_HUB);
  for (let part of parts)
    part || fail("the repository name has an empty path component"), part !== part.toLowerCase() && COMPONENT.test(part.toLowerCase()) && fail(`repository name must be lowercase ("${part}")`), COMPONENT.test(part) || fail(`"${part}" is not a valid repository path component (lowercase letters, digits, . _ -)`);
  registry === DOCKER_HUB && parts.length === 1 && parts.unshift("library");
  let repository = parts.join("/");
  return repository.length > MAX_NAME_LENGTH && fail(`the repository name is longer than ${MAX_NAME_LENGTH} characters`), { registry, repository, tag, digest };
}
function formatReference(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
function repositoryName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function manifestReference(ref) {
  return ref.digest ?? ref.tag;
}
function isValidTag(tag) {
  return TAG.test(tag);
}
function isDigest(text) {
  return DIGEST.test(text);
}
function registryApiHost(registry) {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
function registryBaseUrl(registry) {
  let host = registryApiHost(registry), hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return `${hostname === "localhost" || hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(hostname) ? "http" : "https"}://${host}`;
}

// src/engine/push.ts
var PushFailedError = class extends Error {
  output;
  transient;
  constructor(reference, exitCode, output, transient) {
    super(`docker push ${reference} failed (exit ${exitCode}): ${lastLine(output)}`), this.name = "PushFailedError", this.output = output, this.transient = transient;
  }
}, lastLine = (text) => text.trim().split(`
`).filter((line) => line.trim()).pop() ?? "", TRANSIENT = /\b(429|500|502|503|504)\b|too many requests|toomanyrequests|service unavailable|bad gateway|gateway time-?out|internal server error|connection reset|broken pipe|\bEOF\b|i\/o timeout|TLS handshake timeout|connection refused|blob upload (unknown|invalid)|server closed idle connection|unexpected end of JSON/i, PERMANENT = /denied|unauthorized|authentication required|no basic auth credentials|forbidden|\b40[134]\b|name unknown|manifest invalid|must be lowercase|invalid reference format|does not exist locally/i;
function isTransientPushFailure(output) {
  return TRANSIENT.test(output) && !PERMANENT.test(output);
}
var defaultSleep = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
async function retryTransient(attempt, options = {}) {
  let attempts = options.attempts ?? 4, base = options.baseDelayMs ?? 1e3, wait = options.sleep ?? defaultSleep, random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    let result = await attempt();
    if (result.exitCode === 0 || n >= attempts || !isTransientPushFailure(result.output)) return result;
    let delay = Math.round(base * 2 ** (n - 1) * (0.5 + random()));
    options.onRetry?.(lastLine(result.output), delay, n + 1), await wait(delay);
  }
}
function parsePushDigest(output, tag) {
  let lines = output.split(/\r?\n/).filter((line2) => /: digest: sha256:[0-9a-f]{64}/.test(line2)), line = (tag ? lines.find((candidate) => candidate.startsWith(`${tag}: `)) : void 0) ?? lines[lines.length - 1];
  return line ? /(sha256:[0-9a-f]{64})/.exec(line)?.[1] : void 0;
}
async function dockerPush(client, reference, retry = {}) {
  let docker = client.docker ?? "docker", { tag } = parseReference(reference), result = await retryTransient(async () => {
    let run = await client.runner.run(docker, ["push", reference], {
      env: client.env,
      onStdout: client.onOutput,
      onStderr: client.onOutput
    });
    return { ...run, output: `${run.stdout}
${run.stderr}` };
  }, retry);
  if (result.exitCode !== 0)
    throw new PushFailedError(
      reference,
      result.exitCode,
      (result.stderr || result.stdout).trim(),
      isTransientPushFailure(result.output)
    );
  let digest = parsePushDigest(result.stdout, tag);
  if (!digest) throw new Error(`docker push printed no digest for ${reference}`);
  return { digest };
}
async function dockerTag(client, source, target) {
  let result = await client.runner.run(client.docker ?? "docker", ["tag", source, target], {
    env: client.env
  });
  if (result.exitCode !== 0)
    throw new Error(`docker tag ${source} ${target} failed: ${result.stderr.trim()}`);
}

// src/build/run.ts
var BuildFailedError = class extends Error {
  output;
  steps;
  constructor(message, output, steps) {
    super(message), this.name = "BuildFailedError", this.output = output, this.steps = steps;
  }
};
function readIfPresent(path) {
  try {
    return readFileSync2(path, "utf8");
  } catch {
    return;
  }
}
function lineWriter(logger) {
  let pending = "";
  return {
    write(chunk) {
      pending += chunk;
      let lines = pending.split(`
`);
      pending = lines.pop() ?? "";
      for (let line of lines) logger.info(line);
    },
    flush() {
      pending && logger.info(pending), pending = "";
    }
  };
}
function pushFailure(stderr) {
  let lines = stderr.split(`
`).filter((line) => /push|commit on ref|do request|export(ing)? (to image|cache)/i.test(line));
  return lines.some(isTransientPushFailure) ? lines.join(`
`) : "";
}
async function runBuild(plan, options) {
  let { runner, logger } = options, read = options.readFile ?? readIfPresent, env = { ...options.env, ...plan.env }, docker = plan.builder.docker;
  for (let [name, value] of Object.entries(plan.env))
    name.startsWith("IB_BUILD_SECRET_") && logger.setSecret(value);
  for (let notice of plan.notices) logger.notice(notice);
  let stepLists = [], pushed = [];
  logger.startGroup(
    `Building with ${plan.builder.kind === "buildx" ? `buildx (${plan.builder.driver})` : "the engine builder"}`,
    { untrusted: !0 }
  );
  try {
    for (let command of plan.commands) {
      command.role === "stage-cache" && logger.info(`\u2014 cache image for stage ${command.stage}`);
      let pushes = command.role === "image" && plan.pushedByBuilder.length > 0, result = await retryTransient(
        async () => {
          let out = lineWriter(logger), run = await runner.run(docker, command.args, {
            env,
            cwd: options.cwd,
            onStdout: out.write,
            onStderr: out.write
          });
          return out.flush(), { ...run, output: pushes && run.exitCode !== 0 ? pushFailure(run.stderr) : "" };
        },
        {
          ...options.retry,
          onRetry: (reason, delay, attempt) => {
            logger.warning(
              `the push failed (${reason}); attempt ${attempt} in ${Math.round(delay / 1e3)} s`
            ), options.retry?.onRetry?.(reason, delay, attempt);
          }
        }
      ), steps = parsePlainProgress(result.stderr + `
` + result.stdout);
      if (stepLists.push(steps), result.exitCode !== 0) {
        let tail = (result.stderr || result.stdout).trim().split(`
`).slice(-15).join(`
`);
        throw new BuildFailedError(
          `the build failed (exit ${result.exitCode})${command.stage ? ` in stage ${command.stage}` : ""}`,
          tail,
          mergeSteps(stepLists)
        );
      }
    }
    for (let ref of plan.pushes) {
      let out = lineWriter(logger);
      try {
        let { digest: digest2 } = await dockerPush({ runner, docker, env, onOutput: out.write }, ref, options.retry);
        pushed.push({ ref, digest: digest2 });
      } catch (error) {
        throw new BuildFailedError(
          error.message,
          error.output ?? "",
          mergeSteps(stepLists)
        );
      } finally {
        out.flush();
      }
    }
  } finally {
    logger.endGroup();
  }
  let imageId = (read(plan.iidFile) ?? "").trim(), metadataText = plan.metadataFile ? read(plan.metadataFile) : void 0, metadata;
  if (metadataText)
    metadata = JSON.parse(metadataText);
  else {
    let imageArgs = plan.commands.find((command) => command.role === "image")?.args ?? [], names = imageArgs.flatMap((arg, index) => imageArgs[index - 1] === "--tag" ? [arg] : []);
    metadata = {
      "containerimage.config.digest": imageId,
      ...pushed[0]?.digest ? { "containerimage.digest": pushed[0].digest } : {},
      "image.name": names.join(",")
    };
  }
  let digest = typeof metadata["containerimage.digest"] == "string" ? metadata["containerimage.digest"] : pushed[0]?.digest;
  for (let ref of plan.pushedByBuilder) pushed.push({ ref, digest });
  return { imageId, digest, metadata, steps: mergeSteps(stepLists), pushed };
}

// src/build/build-image.ts
function planCache(validated, builder, options) {
  let { inputs } = validated, image = options.cacheImage ?? (inputs.tags[0] ? splitImageRef(inputs.tags[0]).repository : ""), stages = stagesNeedingCacheImages(validated.dockerfile, inputs.target || void 0).map(
    (stage) => stage.name ?? String(stage.index)
  );
  if (!image) {
    let cache2 = resolveCache(
      { ...inputs, cache: "none" },
      { image: "", builder, stages: [], push: !1, localRoot: "" }
    );
    return ["auto", "none"].includes(inputs.cache) || cache2.notices.push(
      `cache "${inputs.cache}": no tags to derive a cache image from; building without cache`
    ), { image, cache: cache2 };
  }
  let cache = resolveCache(inputs, {
    image,
    builder,
    stages,
    push: inputs.push || !!options.publishing,
    github: options.github,
    localRoot: options.localRoot ?? join2(tmpdir(), "image-build-cache"),
    reproducible: options.reproducible,
    existingTags: options.existingTags
  });
  return { image, cache };
}
async function buildImage(options) {
  let { inputs, runner, logger, env } = options, cwd = options.cwd ?? process.cwd(), builder = options.builder ?? await detectBuilder(runner, env, { builder: inputs.builder || void 0 }), validated = validateBuild(inputs, builder, diskFiles, cwd), { image, cache } = planCache(validated, builder, options), workDir = mkdtempSync(join2(tmpdir(), "image-build-")), plan = planBuild(validated, builder, cache, {
    automaticBuildArgs: options.automaticBuildArgs,
    iidFile: join2(workDir, "iid"),
    metadataFile: join2(workDir, "metadata.json"),
    tagCacheRef: !options.callerTagsCacheRef
  });
  logger.info(`cache: ${cache.summary}`);
  let localCache = cache.local && options.actionsCache ? await restoreLocalCache(
    cache,
    {
      image,
      dockerfile: diskFiles.readText(validated.dockerfilePath),
      context: resolve2(cwd, inputs.context)
    },
    { client: options.actionsCache, runner, env, logger, docker: builder.docker }
  ) : void 0;
  try {
    let result = await runBuild(plan, { runner, logger, env, cwd });
    return { builder, cache, plan, result, localCache };
  } finally {
    rmSync(workDir, { recursive: !0, force: !0 });
  }
}

// src/build/list-input.ts
function parseListInput(text, ignoreComma = !1) {
  let items = [];
  return text.split(/\r?\n/).forEach((raw, index) => {
    let line = raw.trim();
    if (!line) return;
    if (ignoreComma) {
      items.push({ value: line, line: index + 1 });
      return;
    }
    let [fields = []] = parse(line, { relax_quotes: !0, trim: !0 });
    for (let field of fields) field && items.push({ value: field, line: index + 1 });
  }), items;
}

// src/build/inputs.ts
var BUILD_INPUT_NAMES = [
  "context",
  "file",
  "target",
  "build-args",
  "build-contexts",
  "labels",
  "annotations",
  "tags",
  "platforms",
  "push",
  "load",
  "outputs",
  "network",
  "no-cache",
  "no-cache-filters",
  "pull",
  "secrets",
  "secret-envs",
  "secret-files",
  "ssh",
  "add-hosts",
  "shm-size",
  "ulimit",
  "provenance",
  "sbom",
  "builder",
  "cache",
  "cache-from",
  "cache-to"
];
function readBuildInputs(getInput) {
  let text = (name) => getInput(name).trim(), lines = (name) => parseListInput(getInput(name), !0), csv = (name) => parseListInput(getInput(name)).map((item) => item.value);
  return {
    context: text("context") || ".",
    file: text("file"),
    target: text("target"),
    buildArgs: lines("build-args"),
    buildContexts: lines("build-contexts"),
    labels: lines("labels"),
    annotations: lines("annotations"),
    tags: csv("tags"),
    platforms: csv("platforms"),
    push: parseBoolean("push", getInput("push"), !1),
    load: parseBoolean("load", getInput("load"), !1),
    outputs: lines("outputs"),
    network: text("network"),
    noCache: parseBoolean("no-cache", getInput("no-cache"), !1),
    noCacheFilters: csv("no-cache-filters"),
    pull: parseBoolean("pull", getInput("pull"), !1),
    secrets: lines("secrets"),
    secretEnvs: lines("secret-envs"),
    secretFiles: lines("secret-files"),
    ssh: lines("ssh"),
    addHosts: csv("add-hosts"),
    shmSize: text("shm-size"),
    ulimits: lines("ulimit"),
    provenance: text("provenance"),
    sbom: text("sbom"),
    builder: text("builder"),
    cache: text("cache").toLowerCase() || "auto",
    cacheFrom: lines("cache-from"),
    cacheTo: lines("cache-to")
  };
}
function defaultBuildInputs(overrides = {}) {
  return { ...readBuildInputs(() => ""), ...overrides };
}

// src/util/log.ts
function createConsoleLogger(stream = process.stderr, verbose = !1) {
  let secrets = [], mask = (message) => secrets.reduce((text, secret) => text.split(secret).join("***"), message), write = (prefix, message) => stream.write(`${prefix}${mask(message)}
`);
  return {
    debug: (m) => verbose && write("debug: ", m),
    info: (m) => write("", m),
    notice: (m) => write("notice: ", m),
    warning: (m) => write("warning: ", m),
    error: (m) => write("error: ", m),
    startGroup: (t) => write("\u25B8 ", t),
    endGroup: () => {
    },
    setSecret: (s) => {
      s && secrets.push(s);
    }
  };
}
var silentLogger = {
  debug: () => {
  },
  info: () => {
  },
  notice: () => {
  },
  warning: () => {
  },
  error: () => {
  },
  startGroup: () => {
  },
  endGroup: () => {
  },
  setSecret: () => {
  }
};

// src/publish/index.ts
var publish_exports = {};
__export(publish_exports, {
  PublishError: () => PublishError,
  applyPlan: () => applyPlan,
  classifyTag: () => classifyTag,
  completePublish: () => completePublish,
  dockerPushPrimary: () => dockerPushPrimary,
  guardFloatingTag: () => guardFloatingTag,
  highestInRange: () => highestInRange,
  parseImageInput: () => parseImageInput,
  parseImages: () => parseImages,
  parsePromoteSource: () => parsePromoteSource,
  planPublish: () => planPublish,
  preparePublish: () => preparePublish,
  promote: () => promote,
  publish: () => publish,
  publishedReferences: () => publishedReferences,
  readBoolean: () => readBoolean,
  readPublishInputs: () => readPublishInputs,
  registryWriters: () => registryWriters,
  splitList: () => splitList,
  splitReferences: () => splitReferences,
  tagVersion: () => tagVersion
});

// src/publish/classify.ts
var import_semver = __toESM(require_semver(), 1);
function tagVersion(tag) {
  let text = tag.replace(/^v(?=\d)/, "");
  if (/^\d+\.\d+\.\d+/.test(text))
    return import_semver.default.parse(text) ?? void 0;
}
var PINNED = [
  /(?:^|[-_.])(?:sha|git|commit)-?[0-9a-f]{7,64}$/i,
  /^[0-9a-f]{7,64}$/,
  /(?:^|\D)\d{8}(?:[-_T]?\d{4,6})?(?:\D|$)/
];
function classifyTag(tag, version) {
  if (tag === "latest") return { tag, kind: "floating", range: "latest" };
  if (tagVersion(tag)) return { tag, kind: "version" };
  if (version) {
    let bare = tag.replace(/^v(?=\d)/, "");
    if (bare === `${version.major}`) return { tag, kind: "floating", range: "major" };
    if (bare === `${version.major}.${version.minor}`) return { tag, kind: "floating", range: "minor" };
  }
  return PINNED.some((pattern) => pattern.test(tag)) && /\d/.test(tag) ? { tag, kind: "pinned" } : { tag, kind: "moving" };
}

// src/publish/guard.ts
var import_semver2 = __toESM(require_semver(), 1);
function highestInRange(range, version, existingTags) {
  let highest;
  for (let tag of existingTags) {
    let other = tagVersion(tag);
    !other || other.prerelease.length > 0 || range !== "latest" && other.major !== version.major || range === "minor" && other.minor !== version.minor || (!highest || import_semver2.default.gt(other, highest)) && (highest = other);
  }
  return highest;
}
function guardFloatingTag(tag, version, existingTags) {
  if (tag.kind !== "floating" || !tag.range || !version) return;
  if (version.prerelease.length > 0)
    return {
      tag: tag.tag,
      reason: `${version.version} is a pre-release; pre-releases never move floating tags`
    };
  let highest = highestInRange(tag.range, version, existingTags);
  if (highest && import_semver2.default.lt(version, highest)) {
    let scope = tag.range === "latest" ? "the repository" : `the ${tag.tag} range`;
    return {
      tag: tag.tag,
      reason: `${version.version} is lower than ${highest.version} already in ${scope}`,
      higher: highest.version
    };
  }
}

// src/publish/plan.ts
var ORDER = { version: 0, pinned: 1, moving: 2, minor: 3, major: 4, latest: 5 }, rank = (tag) => ORDER[tag.range ?? tag.kind];
function planPublish(input) {
  let tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  if (tags.length === 0) throw new InputError("tags", "no tags to publish");
  for (let tag of tags)
    if (!isValidTag(tag))
      throw new InputError(
        "tags",
        `"${tag}" is not a valid tag (letters, digits, _ . -, up to 128, not starting with . or -)`
      );
  let version = input.version !== void 0 ? parseVersion(input.version) : firstVersion(tags), classified = tags.map((tag) => {
    let c = classifyTag(tag, version);
    return { ...c, immutable: c.kind === "version" || c.kind === "pinned" };
  }), primary;
  if (input.primaryTag !== void 0) {
    if (primary = classified.find((t) => t.tag === input.primaryTag), !primary)
      throw new InputError("primary-tag", `"${input.primaryTag}" is not one of the tags to publish`);
  } else
    primary = mostSpecific(classified, version);
  let guard = input.guardFloatingTags ?? !0, primaryHeld = guard ? guardFloatingTag(primary, version, input.existingTags) : void 0;
  if (primaryHeld) {
    let primaryInput = input.primaryTag !== void 0 ? "primary-tag" : "tags";
    throw new InputError(
      primaryInput,
      `the builder would push "${primary.tag}", which the floating-tag guard holds back (${primaryHeld.reason}); add a version or sha tag`
    );
  }
  let heldBack = [], rest = [];
  for (let tag of classified) {
    if (tag === primary) continue;
    let held = guard ? guardFloatingTag(tag, version, input.existingTags) : void 0;
    held ? heldBack.push(held) : rest.push(tag);
  }
  return rest.sort((a, b) => rank(a) - rank(b)), { primary, tags: rest, heldBack, version: version?.version };
}
function parseVersion(text) {
  let parsed = tagVersion(text.trim());
  if (!parsed) throw new InputError("version", `"${text}" is not a semantic version (e.g. 1.4.3 or v1.4.3)`);
  return parsed;
}
function firstVersion(tags) {
  for (let tag of tags) {
    let parsed = tagVersion(tag);
    if (parsed) return parsed;
  }
}
function mostSpecific(tags, version) {
  return tags.find(
    (t) => t.kind === "version" && version && tagVersion(t.tag)?.compare(version) === 0
  ) ?? tags.find((t) => t.kind === "pinned") ?? tags.find((t) => t.immutable) ?? tags.find((t) => t.kind !== "floating") ?? [...tags].sort((a, b) => rank(a) - rank(b))[0];
}

// src/publish/apply.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/publish/errors.ts
var PublishError = class extends Error {
  image;
  constructor(image, detail, options) {
    super(`publish to ${image}: ${detail}`, options), this.name = "PublishError", this.image = image;
  }
};

// src/publish/apply.ts
async function applyPlan(options) {
  let { writer, repository, manifest, plan, logger, image } = options, existing = new Set(options.existingTags), outcomes = /* @__PURE__ */ new Map(), toWrite = [], candidates = options.primary === "write" ? [plan.primary, ...plan.tags] : plan.tags;
  options.primary !== "write" && outcomes.set(plan.primary.tag, { tag: plan.primary.tag, status: options.primary });
  for (let tag of candidates) {
    if (existing.has(tag.tag) && (tag.immutable || options.primary === "unchanged")) {
      let current = await writer.resolveTag(repository, tag.tag);
      if (current === manifest.digest) {
        outcomes.set(tag.tag, { tag: tag.tag, status: "unchanged" });
        continue;
      }
      current && logger.warning(`${image}:${tag.tag} moves from ${current} to ${manifest.digest}`);
    }
    toWrite.push(tag);
  }
  try {
    await writer.putTags(
      repository,
      manifest,
      toWrite.map((t) => t.tag)
    );
  } catch (error) {
    throw new PublishError(
      image,
      `writing tags ${toWrite.map((t) => t.tag).join(", ")}: ${error.message}`,
      {
        cause: error
      }
    );
  }
  for (let tag of toWrite) outcomes.set(tag.tag, { tag: tag.tag, status: "written" });
  for (let held of plan.heldBack)
    outcomes.set(held.tag, { tag: held.tag, status: "held-back", reason: held.reason }), logger.notice(`${image}:${held.tag} held back: ${held.reason}`);
  return await settle(options, outcomes), [...outcomes.values()];
}
async function settle(options, outcomes) {
  let { writer, repository, manifest, plan, logger, image } = options, planned = new Map([plan.primary, ...plan.tags].map((t) => [t.tag, t]));
  for (let outcome of outcomes.values())
    outcome.status !== "held-back" && (outcome.digest = manifest.digest);
  let version = plan.version ? import_semver3.default.parse(plan.version) : null, floating = [...outcomes.values()].filter(
    (o) => o.status !== "held-back" && planned.get(o.tag)?.kind === "floating"
  );
  if (options.guardFloatingTags && version && floating.length > 0) {
    let tagsNow = await writer.listTags(repository);
    for (let outcome of floating) {
      let range = planned.get(outcome.tag)?.range, highest = range ? highestInRange(range, version, tagsNow) : void 0;
      if (!highest || !import_semver3.default.gt(highest, version)) continue;
      let owner = tagsNow.find((t) => tagVersion(t)?.compare(highest) === 0), theirs = await writer.getManifest(repository, owner);
      await writer.resolveTag(repository, outcome.tag) !== theirs.digest && await writer.putTags(repository, theirs, [outcome.tag]), outcome.status = "superseded", outcome.digest = theirs.digest, outcome.reason = `${highest.version} was published meanwhile`, logger.notice(`${image}:${outcome.tag} follows ${highest.version}, published while this publish ran`);
    }
  }
  if (options.verify === "full")
    for (let outcome of outcomes.values()) {
      if (outcome.status === "held-back" || outcome.status === "superseded") continue;
      let resolved = await writer.resolveTag(repository, outcome.tag);
      if (outcome.digest = resolved, resolved !== manifest.digest) {
        if (!planned.get(outcome.tag)?.immutable) {
          outcome.status = "superseded", outcome.reason = `another publish moved it to ${resolved ?? "nothing"}`, logger.notice(`${image}:${outcome.tag} was moved by another publish to ${resolved}`);
          continue;
        }
        throw new PublishError(
          image,
          `tag ${outcome.tag} resolves to ${resolved ?? "nothing"}, not ${manifest.digest}`
        );
      }
    }
}

// src/registry/manifest.ts
import { createHash } from "node:crypto";
var MEDIA_TYPES = {
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json"
}, MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(", ");
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function manifestBlobs(bytes) {
  let parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
  return [...parsed.config ? [parsed.config] : [], ...parsed.layers ?? []];
}
function indexManifests(bytes) {
  return JSON.parse(Buffer.from(bytes).toString("utf8")).manifests ?? [];
}
function isIndexMediaType(mediaType) {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
}
function detectMediaType(bytes, contentType) {
  let fromHeader = contentType?.split(";")[0].trim();
  if (fromHeader && fromHeader !== "application/json" && fromHeader !== "application/octet-stream")
    return fromHeader;
  try {
    let parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
    return parsed.mediaType ? parsed.mediaType : parsed.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
  } catch {
    return fromHeader ?? MEDIA_TYPES.ociManifest;
  }
}
function manifestConfigDigest(bytes) {
  try {
    let parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
    return typeof parsed.config?.digest == "string" ? parsed.config.digest : void 0;
  } catch {
    return;
  }
}

// src/registry/transport/errors.ts
var RegistryError = class extends Error {
  status;
  method;
  url;
  errors;
  constructor(method, url, status, errors, detail) {
    let codes = errors.map((e) => `${e.code}${e.message ? `: ${e.message}` : ""}`).join("; "), what = status === void 0 ? "failed" : `answered ${status}`;
    super(`${method} ${url} ${what}${codes ? ` (${codes})` : ""}${detail ? `: ${detail}` : ""}`), this.name = "RegistryError", this.status = status, this.method = method, this.url = url, this.errors = errors;
  }
  hasCode(code) {
    return this.errors.some((e) => e.code === code);
  }
};
function parseErrorBody(body) {
  if (body.length === 0) return [];
  try {
    let parsed = JSON.parse(Buffer.from(body).toString("utf8"));
    return Array.isArray(parsed.errors) ? parsed.errors.filter((e) => typeof e == "object" && e !== null).map((e) => ({
      code: String(e.code ?? "UNKNOWN"),
      message: typeof e.message == "string" ? e.message : ""
    })) : [];
  } catch {
    return [];
  }
}
function redactUrl(url) {
  return url.replace(/\/\/[^/@]*@/, "//");
}

// src/publish/image-input.ts
function parseImageInput(text, input, line) {
  try {
    return parseReference(text);
  } catch (error) {
    throw error instanceof InvalidReferenceError ? new InputError(input, error.message, { line }) : error;
  }
}
function parsePromoteSource(text) {
  let ref = parseImageInput(text, "promote-from");
  if (!ref.tag && !ref.digest) throw new InputError("promote-from", `"${text}" needs a tag or a digest`);
  return ref;
}

// src/registry/transport/basic.ts
function basicAuthorization(username, password) {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}

// src/registry/transport/bearer.ts
async function fetchBearerToken(http, request) {
  let url = new URL(request.realm), headers = {}, response;
  if (request.credential && "identityToken" in request.credential) {
    let form = new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: request.credential.identityToken,
      client_id: "image-build"
    });
    request.service && form.set("service", request.service), request.scopes.length && form.set("scope", request.scopes.join(" ")), response = await http.send({
      method: "POST",
      url: url.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString()
    });
  } else {
    request.service && url.searchParams.set("service", request.service);
    for (let scope of request.scopes) url.searchParams.append("scope", scope);
    request.credential && (headers.authorization = basicAuthorization(request.credential.username, request.credential.password)), response = await http.send({ method: "GET", url: url.toString(), headers });
  }
  if (response.status !== 200)
    throw new RegistryError(
      "GET",
      redactUrl(request.realm),
      response.status,
      parseErrorBody(response.body),
      response.status === 401 ? "the token service rejected the credentials" : "could not get a token"
    );
  let body = JSON.parse(Buffer.from(response.body).toString("utf8")), token = body.token ?? body.access_token;
  if (!token)
    throw new RegistryError("GET", redactUrl(request.realm), 200, [], "the token response has no token");
  return token;
}

// src/registry/transport/challenge.ts
function parseChallenge(header) {
  if (!header) return;
  let match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  if (!match) return;
  let name = match[1].toLowerCase(), scheme = name === "basic" || name === "bearer" ? name : "other", params = {}, pattern = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/gy, rest = match[2];
  pattern.lastIndex = 0;
  let param;
  for (; pattern.lastIndex < rest.length && (param = pattern.exec(rest)) !== null; ) {
    let value = param[2] !== void 0 ? param[2].replace(/\\(.)/g, "$1") : param[3];
    params[param[1].toLowerCase()] = value;
  }
  return { scheme, params };
}

// src/registry/transport/http.ts
function createFetchClient(options = {}) {
  let timeoutMs = options.timeoutMs ?? 3e4;
  return {
    async send(request) {
      let response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: typeof request.body == "string" || request.body === void 0 ? request.body : Buffer.from(request.body),
        redirect: "follow",
        signal: AbortSignal.timeout(timeoutMs)
      }), headers = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      let body = request.method === "HEAD" ? new Uint8Array() : new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers, body };
    }
  };
}

// src/registry/transport/retry.ts
var RETRY_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]), sleep = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return;
  let trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1e3);
  let date = Date.parse(trimmed);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function isTransientNetworkError(error) {
  if (!(error instanceof Error)) return !1;
  if (error.name === "TimeoutError" || error.name === "AbortError") return !0;
  let code = error.cause?.code ?? error.code;
  return code && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|UND_ERR_\w+)$/.test(code) ? !0 : error.message === "fetch failed" || /socket hang up|other side closed/i.test(error.message);
}
function withRetry(client, options = {}) {
  let attempts = options.attempts ?? 5, base = options.baseDelayMs ?? 200, max = options.maxDelayMs ?? 1e4, wait = options.sleep ?? sleep, random = options.random ?? Math.random, backoff = (attempt) => Math.min(max, base * 2 ** (attempt - 1) * (0.5 + random()));
  return {
    async send(request) {
      for (let attempt = 1; ; attempt++) {
        let response;
        try {
          response = await client.send(request);
        } catch (error) {
          if (attempt >= attempts || !isTransientNetworkError(error)) throw error;
          let delay2 = backoff(attempt);
          options.onRetry?.(error.message, delay2, attempt), await wait(delay2);
          continue;
        }
        if (!RETRY_STATUS.has(response.status) || attempt >= attempts) return response;
        let delay = Math.min(max, parseRetryAfter(response.headers["retry-after"]) ?? backoff(attempt));
        options.onRetry?.(`status ${response.status}`, delay, attempt), await wait(delay);
      }
    }
  };
}

// src/registry/transport/transport.ts
var RegistryAuthError = class extends Error {
  registry;
  constructor(registry, detail) {
    super(`registry ${registry}: ${detail}`), this.name = "RegistryAuthError", this.registry = registry;
  }
};
function createTransport(options) {
  let { registry, logger } = options, baseUrl = options.baseUrl ?? registryBaseUrl(registry), count = 0, raw = options.http ?? createFetchClient({ timeoutMs: options.timeoutMs }), http = withRetry({
    send: (request) => (count++, raw.send(request))
  }, {
    ...options.retry,
    onRetry: (reason, delay, attempt) => {
      logger?.debug(`registry ${registry}: retry ${attempt} after ${reason} in ${Math.round(delay)} ms`), options.retry?.onRetry?.(reason, delay, attempt);
    }
  }), challenge, credential, tokens = /* @__PURE__ */ new Map(), getCredential = () => credential ??= (options.credentials?.get(registry) ?? Promise.resolve(void 0)).then((found) => (found && logger?.setSecret("password" in found ? found.password : found.identityToken), found));
  async function authorization(scopes) {
    if (!challenge || challenge.scheme === "other") return;
    let found = await getCredential();
    if (challenge.scheme === "basic") {
      if (!found) throw missingCredentials();
      if (!("password" in found))
        throw new RegistryAuthError(registry, "basic auth needs a user and password");
      return basicAuthorization(found.username, found.password);
    }
    let key = [...scopes].sort().join(" "), token = tokens.get(key);
    if (!token) {
      let { realm, service } = challenge.params;
      if (!realm) throw new RegistryAuthError(registry, "the bearer challenge has no realm");
      token = fetchBearerToken(http, { realm, service, scopes, credential: found }).then((value) => (logger?.setSecret(value), value)), tokens.set(key, token), token.catch(() => tokens.delete(key));
    }
    return `Bearer ${await token}`;
  }
  let missingCredentials = () => new RegistryAuthError(
    registry,
    `requires credentials and none were found (run "docker login ${registry}" or pass credentials)`
  );
  async function sendOnce(request, scopes) {
    let auth = await authorization(scopes), headers = { ...request.headers, ...auth ? { authorization: auth } : {} };
    return http.send({ method: request.method, url: baseUrl + request.path, headers, body: request.body });
  }
  return {
    registry,
    baseUrl,
    requestCount: () => count,
    async send(request, scopes) {
      let response = await sendOnce(request, scopes);
      if (response.status !== 401) return response;
      let hadChallenge = challenge, offered = parseChallenge(response.headers["www-authenticate"]);
      if (!offered || offered.scheme === "other")
        throw new RegistryError(request.method, baseUrl + request.path, 401, parseErrorBody(response.body));
      if (hadChallenge && hadChallenge.scheme === offered.scheme && offered.scheme === "basic") throw rejected();
      if (challenge = offered, tokens.clear(), response = await sendOnce(request, scopes), response.status === 401)
        throw await getCredential() ? rejected() : missingCredentials();
      return response;
    }
  };
  function rejected() {
    return new RegistryAuthError(
      registry,
      "rejected the credentials (401 Unauthorized): wrong password or token, or no access to this repository"
    );
  }
}

// src/registry/credentials.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join3 } from "node:path";
var DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";
function normaliseConfigKey(key) {
  let host = key.replace(/^[a-z]+:\/\//i, "").split("/")[0];
  return host === "index.docker.io" || host === "registry-1.docker.io" ? DOCKER_HUB : host;
}
function givenCredentials(byRegistry) {
  let normalised = new Map(
    Object.entries(byRegistry).map(([key, value]) => [normaliseConfigKey(key), value])
  );
  return { get: async (registry) => normalised.get(registry) };
}
function chainCredentials(...sources) {
  return {
    async get(registry) {
      for (let source of sources) {
        let found = await source.get(registry);
        if (found) return found;
      }
    }
  };
}
function dockerConfigCredentials(options) {
  let env = options.env ?? process.env, dir = options.configDir ?? env.DOCKER_CONFIG ?? join3(homedir(), ".docker"), config, load = () => config ??= readDockerConfig(join3(dir, "config.json"));
  return {
    async get(registry) {
      let loaded = await load(), helper = findHelper(loaded, registry);
      if (helper) {
        let fromHelper = await runCredentialHelper(
          options.runner,
          helper,
          serverUrlFor(registry, loaded),
          env
        );
        if (fromHelper) return fromHelper;
      }
      return fromAuths(loaded, registry);
    }
  };
}
async function readDockerConfig(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return {};
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the Docker config ${path} is not valid JSON: ${error.message}`);
  }
}
function findHelper(config, registry) {
  for (let [key, helper] of Object.entries(config.credHelpers ?? {}))
    if (normaliseConfigKey(key) === registry) return helper;
  return config.credsStore || void 0;
}
function serverUrlFor(registry, config) {
  return Object.keys({ ...config.auths, ...config.credHelpers }).find(
    (k) => normaliseConfigKey(k) === registry
  ) ?? (registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEY : registry);
}
function fromAuths(config, registry) {
  for (let [key, entry] of Object.entries(config.auths ?? {}))
    if (normaliseConfigKey(key) === registry) {
      if (entry.identitytoken) return { identityToken: entry.identitytoken };
      if (entry.auth) {
        let decoded = Buffer.from(entry.auth, "base64").toString("utf8"), colon = decoded.indexOf(":");
        if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
      }
      if (entry.username && entry.password) return { username: entry.username, password: entry.password };
    }
}
async function runCredentialHelper(runner, helper, serverUrl, env) {
  let program = `docker-credential-${helper}`, result;
  try {
    result = await runner.run(program, ["get"], { input: serverUrl, env });
  } catch (error) {
    throw new Error(`credential helper ${program} could not be run: ${error.message}`);
  }
  if (result.exitCode !== 0) {
    if (/credentials not found/i.test(result.stdout + result.stderr)) return;
    throw new Error(`credential helper ${program} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`credential helper ${program} printed something that is not JSON`);
  }
  if (parsed.Secret)
    return parsed.Username === "<token>" ? { identityToken: parsed.Secret } : { username: parsed.Username ?? "", password: parsed.Secret };
}

// src/registry/operations/session.ts
function createSession(transport) {
  return {
    baseUrl: transport.baseUrl,
    send: (request, scopes) => transport.send(request, scopes),
    fail(request, response, detail) {
      throw new RegistryError(
        request.method,
        transport.baseUrl + request.path,
        response.status,
        parseErrorBody(response.body),
        detail
      );
    }
  };
}
var pullScope = (repository) => `repository:${repository}:pull`, pushScope = (repository) => `repository:${repository}:pull,push`;

// src/registry/operations/blobs.ts
async function blobExists(session, repository, digest) {
  let request = { method: "HEAD", path: `/v2/${repository}/blobs/${digest}` }, response = await session.send(request, [pullScope(repository)]);
  return response.status === 404 ? !1 : (response.status !== 200 && session.fail(request, response), !0);
}
async function mountBlob(session, repository, digest, fromRepository) {
  let query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`, request = {
    method: "POST",
    path: `/v2/${repository}/blobs/uploads/?${query}`,
    headers: { "content-length": "0" }
  }, response = await session.send(request, [pushScope(repository), pullScope(fromRepository)]);
  if (response.status === 201) return !0;
  response.status !== 202 && session.fail(request, response);
  let location = response.headers.location;
  if (location) {
    let url = new URL(location, session.baseUrl);
    await session.send({ method: "DELETE", path: url.pathname + url.search }, [pushScope(repository)]).catch(() => {
    });
  }
  return !1;
}
async function getBlob(session, repository, digest) {
  let request = { method: "GET", path: `/v2/${repository}/blobs/${digest}` }, response = await session.send(request, [pullScope(repository)]);
  return response.status === 404 && session.fail(request, response, `blob ${digest} does not exist in ${repository}`), response.status !== 200 && session.fail(request, response), digest.startsWith("sha256:") && sha256Digest(response.body) !== digest && session.fail(request, response, `the registry sent bytes that do not match ${digest}`), response.body;
}

// src/registry/operations/manifests.ts
var manifestPath = (repository, reference) => `/v2/${repository}/manifests/${reference}`;
async function getManifest(session, repository, reference) {
  let request = {
    method: "GET",
    path: manifestPath(repository, reference),
    headers: { accept: MANIFEST_ACCEPT }
  }, response = await session.send(request, [pullScope(repository)]);
  response.status === 404 && session.fail(request, response, `manifest ${repository}:${reference} does not exist`), response.status !== 200 && session.fail(request, response);
  let digest = sha256Digest(response.body);
  return isDigest(reference) && reference.startsWith("sha256:") && reference !== digest && session.fail(
    request,
    response,
    `the registry sent bytes with digest ${digest}, not the ${reference} asked for`
  ), {
    bytes: response.body,
    mediaType: detectMediaType(response.body, response.headers["content-type"]),
    digest
  };
}
async function headManifest(session, repository, reference) {
  let request = {
    method: "HEAD",
    path: manifestPath(repository, reference),
    headers: { accept: MANIFEST_ACCEPT }
  }, response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404) return;
  response.status !== 200 && session.fail(request, response);
  let digest = response.headers["docker-content-digest"];
  if (!digest) {
    let manifest = await getManifest(session, repository, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
  }
  return {
    digest,
    mediaType: detectMediaType(new Uint8Array(), response.headers["content-type"]),
    size: Number(response.headers["content-length"] ?? 0)
  };
}
async function putManifest(session, repository, reference, manifest, tags = []) {
  let query = tags.length ? `?${tags.map((t) => `tag=${encodeURIComponent(t)}`).join("&")}` : "", request = {
    method: "PUT",
    path: manifestPath(repository, reference) + query,
    headers: { "content-type": manifest.mediaType },
    body: manifest.bytes
  }, response = await session.send(request, [pushScope(repository)]);
  response.status !== 201 && response.status !== 200 && session.fail(request, response);
  let digest = response.headers["docker-content-digest"] ?? manifest.digest;
  digest !== manifest.digest && session.fail(request, response, `the registry stored digest ${digest}, expected ${manifest.digest}`);
  let ociTags = response.headers["oci-tag"]?.split(",").map((t) => t.trim()).filter(Boolean);
  return { digest, ociTags };
}

// src/registry/operations/tags.ts
async function listTags(session, repository, pageSize = 1e3) {
  let tags = [], path = `/v2/${repository}/tags/list?n=${pageSize}`;
  for (; path; ) {
    let request = { method: "GET", path }, response = await session.send(request, [pullScope(repository)]);
    if (response.status === 404) return tags;
    response.status !== 200 && session.fail(request, response);
    let body = JSON.parse(Buffer.from(response.body).toString("utf8"));
    tags.push(...body.tags ?? []), path = nextPage(response.headers.link, session.baseUrl);
  }
  return tags;
}
function nextPage(link, baseUrl) {
  if (!link) return;
  let match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!match) return;
  let url = new URL(match[1], baseUrl);
  return url.pathname + url.search;
}

// src/registry/client.ts
function createRegistryClient(options) {
  let credentials = options.credentials ?? dockerConfigCredentials({ runner: options.runner ?? processRunner }), transport = createTransport({ ...options, credentials }), session = createSession(transport), supportsTagParameters = options.tagParameters === "auto" ? void 0 : !1;
  async function putTags(repository, manifest, tags) {
    if (tags.length === 0) return;
    let remaining = [...tags], worthProbing = supportsTagParameters === void 0 && tags.length >= 3;
    if (tags.length > 1 && (supportsTagParameters === !0 || worthProbing)) {
      let result = await putManifest(session, repository, manifest.digest, manifest, tags);
      supportsTagParameters = result.ociTags !== void 0, result.ociTags && (remaining = remaining.filter((t) => !result.ociTags?.includes(t)));
    }
    for (let tag of remaining) await putManifest(session, repository, tag, manifest);
  }
  return {
    registry: options.registry,
    requestCount: () => transport.requestCount(),
    async ping(repository, push = !1) {
      let request = { method: "GET", path: "/v2/" }, scopes = repository ? [push ? pushScope(repository) : pullScope(repository)] : [], response = await session.send(request, scopes);
      response.status !== 200 && session.fail(request, response, "the registry API is not available here");
    },
    getManifest: (repository, reference) => getManifest(session, repository, reference),
    headManifest: (repository, reference) => headManifest(session, repository, reference),
    putManifest: (repository, reference, manifest, tags) => putManifest(session, repository, reference, manifest, tags),
    putTags,
    listTags: (repository) => listTags(session, repository, options.tagPageSize),
    resolveTag: async (repository, tag) => (await headManifest(session, repository, tag))?.digest,
    blobExists: (repository, digest) => blobExists(session, repository, digest),
    getBlob: (repository, digest) => getBlob(session, repository, digest),
    mountBlob: (repository, digest, from) => mountBlob(session, repository, digest, from)
  };
}

// src/publish/targets.ts
function registryWriters(options) {
  let clients = /* @__PURE__ */ new Map();
  return (registry) => {
    let client = clients.get(registry);
    return client || (client = createRegistryClient({ ...options, registry }), clients.set(registry, client)), client;
  };
}
function parseImages(images, input = "images") {
  let names = images.map((i) => i.trim()).filter(Boolean);
  if (names.length === 0) throw new InputError(input, "no image to publish to");
  let seen = /* @__PURE__ */ new Set();
  return names.map((name, index) => {
    let ref = parseImageInput(name, input, index + 1);
    if (ref.tag || ref.digest)
      throw new InputError(
        input,
        `"${name}" names a tag or digest; give the image name only, tags come from "tags"`,
        {
          line: index + 1
        }
      );
    let key = `${ref.registry}/${ref.repository}`;
    if (seen.has(key)) throw new InputError(input, `"${name}" is listed twice`, { line: index + 1 });
    return seen.add(key), ref;
  });
}
function splitReferences(references, input = "tags") {
  let byImage = /* @__PURE__ */ new Map();
  references.map((r) => r.trim()).filter(Boolean).forEach((text, index) => {
    let ref = parseImageInput(text, input, index + 1);
    if (!ref.tag || ref.digest)
      throw new InputError(input, `"${text}" needs a tag (and no digest)`, { line: index + 1 });
    let image = `${ref.registry}/${ref.repository}`;
    byImage.set(image, [...byImage.get(image) ?? [], ref.tag]);
  });
  let images = [...byImage.keys()];
  if (images.length === 0) throw new InputError(input, "no image references to publish");
  let tags = byImage.get(images[0]);
  for (let image of images) {
    let these = byImage.get(image);
    if (these.length !== tags.length || these.some((t) => !tags.includes(t)))
      throw new InputError(
        input,
        `${image} has tags ${these.join(", ")} but ${images[0]} has ${tags.join(", ")}: publish them separately`
      );
  }
  return { images, tags };
}

// src/publish/prepare.ts
async function preparePublish(options) {
  let targets = await prepareTargets(options), primaryTag = targets[0].plan.primary.tag;
  return {
    primaryTag,
    references: targets.map((t) => formatReference({ ...t.ref, tag: primaryTag })),
    targets,
    options
  };
}
async function prepareTargets(options) {
  let refs = parseImages(options.images);
  planPublish({ ...options, existingTags: [] });
  let targets = [];
  for (let ref of refs) {
    let image = `${ref.registry}/${ref.repository}`, writer = options.writers(ref.registry), before = writer.requestCount?.() ?? 0, existingTags;
    try {
      existingTags = await writer.listTags(ref.repository);
    } catch (error) {
      throw error instanceof RegistryAuthError ? new PublishError(image, error.message, { cause: error }) : new PublishError(image, `registry ${ref.registry} is not usable: ${describe(error)}`, {
        cause: error
      });
    }
    let plan = planPublish({ ...options, existingTags }), preflightRequests = (writer.requestCount?.() ?? 0) - before;
    targets.push({ ref, image, writer, existingTags, plan, preflightRequests });
  }
  return targets;
}
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  let cause = error.cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}

// src/publish/publish.ts
async function publish(options) {
  let { pushPrimary, ...rest } = options;
  return completePublish(await preparePublish(rest), pushPrimary);
}
async function completePublish(prepared, pushPrimary, after = {}) {
  let options = {
    ...prepared.options,
    localConfigDigest: after.localConfigDigest ?? prepared.options.localConfigDigest,
    cacheRefs: after.cacheRefs ?? prepared.options.cacheRefs
  }, logger = options.logger ?? silentLogger, registries = [];
  for (let [index, target] of prepared.targets.entries()) {
    let reference = prepared.references[index], before = target.writer.requestCount?.() ?? 0, existing = await alreadyThere(target, options.localConfigDigest);
    if (existing) {
      logger.info(`${reference} already holds this image (config ${options.localConfigDigest}): not pushing`), registries.push(await finish(target, existing, "unchanged", before, options, logger));
      continue;
    }
    logger.info(`pushing ${reference}`);
    let digest;
    try {
      ({ digest } = await pushPrimary(reference));
    } catch (error) {
      throw new PublishError(target.image, `pushing ${reference}: ${error.message}`, {
        cause: error
      });
    }
    let manifest = await readBack(target, digest);
    registries.push(await finish(target, manifest, "pushed", before, options, logger));
  }
  return summarise(registries, prepared.targets);
}
async function alreadyThere(target, localConfigDigest) {
  let tag = target.plan.primary.tag;
  if (!localConfigDigest || !target.existingTags.includes(tag)) return;
  let manifest = await target.writer.getManifest(target.ref.repository, tag).catch(() => {
  });
  return manifest && manifestConfigDigest(manifest.bytes) === localConfigDigest ? manifest : void 0;
}
async function promote(options) {
  let logger = options.logger ?? silentLogger, source = parsePromoteSource(options.source), sourceWriter = options.writers(source.registry), sourceRef = source.digest ?? source.tag, manifest = await sourceWriter.getManifest(source.repository, sourceRef).catch((error) => {
    throw error instanceof RegistryError && error.status === 404 ? new InputError("promote-from", `${options.source} does not exist in the registry`) : error;
  }), targets = await prepareTargets(options);
  for (let target of targets)
    if (target.ref.registry !== source.registry) {
      let missing = await target.writer.getManifest(target.ref.repository, manifest.digest).then(
        () => {
        },
        (error) => error.message
      );
      if (missing !== void 0)
        throw new InputError(
          "promote-from",
          `${manifest.digest} is not in ${target.image} (${missing}); promote copies no blobs between registries, publish it there first`
        );
    }
  let registries = [];
  for (let target of targets) {
    let before = target.writer.requestCount?.() ?? 0;
    target.ref.registry === source.registry && target.ref.repository !== source.repository && await mountInto(target, source, manifest.bytes), logger.info(`promoting ${options.source} (${manifest.digest}) to ${target.image}`), registries.push(await finish(target, manifest, "write", before, options, logger));
  }
  return summarise(registries, targets);
}
async function readBack(target, digest) {
  let { writer, ref, image, plan } = target;
  try {
    let byTag = await writer.getManifest(ref.repository, plan.primary.tag);
    return byTag.digest === digest ? byTag : await writer.getManifest(ref.repository, digest);
  } catch (error) {
    throw new PublishError(image, `reading back ${digest}: ${error.message}`, { cause: error });
  }
}
async function mountInto(target, source, bytes) {
  let client = target.writer;
  if (client.mountBlob) {
    for (let blob of manifestBlobs(bytes))
      if (!await client.mountBlob(target.ref.repository, blob.digest, source.repository))
        throw new PublishError(
          target.image,
          `the registry would not mount ${blob.digest} from ${source.repository}`
        );
  }
}
async function finish(target, manifest, primary, requestsBefore, options, logger) {
  let tags = await applyPlan({
    writer: target.writer,
    image: target.image,
    repository: target.ref.repository,
    manifest,
    plan: target.plan,
    existingTags: target.existingTags,
    primary,
    guardFloatingTags: options.guardFloatingTags ?? !0,
    verify: options.verify,
    logger
  }), cacheTags = (options.cacheRefs ?? []).filter((ref) => ref.image === target.image).map((ref) => ref.tag);
  cacheTags.length && await target.writer.putTags(target.ref.repository, manifest, cacheTags).catch(
    (error) => logger.warning(
      `cache ref ${target.image}:${cacheTags.join(",")} not written: ${error.message}`
    )
  );
  let after = target.writer.requestCount?.();
  return {
    image: target.image,
    registry: target.ref.registry,
    repository: target.ref.repository,
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    tags,
    ...cacheTags.length ? { cacheTags } : {},
    manifest,
    requests: after === void 0 ? void 0 : target.preflightRequests + after - requestsBefore
  };
}
function summarise(registries, targets) {
  let notices = registries.flatMap(
    (r) => r.tags.filter((t) => t.reason).map((t) => `${r.image}:${t.tag} ${t.status}: ${t.reason}`)
  );
  return { digest: registries[0]?.digest ?? "", version: targets[0]?.plan.version, registries, notices };
}

// src/publish/docker-push.ts
function dockerPushPrimary(options) {
  let client = { runner: options.runner, docker: options.docker, env: options.env };
  return async (reference) => (options.sourceImage && options.sourceImage !== reference && await dockerTag(client, options.sourceImage, reference), dockerPush(client, reference, options.retry));
}

// src/publish/inputs.ts
function readPublishInputs(get) {
  let promoteFrom = get("promote-from").trim() || void 0;
  promoteFrom && parsePromoteSource(promoteFrom);
  let extraImages = splitList(get("extra-images"));
  return extraImages.forEach((name, index) => {
    let ref = parseImageInput(name, "extra-images", index + 1);
    if (ref.tag || ref.digest)
      throw new InputError("extra-images", `"${name}" names a tag or digest; give the image name only`, {
        line: index + 1
      });
  }), {
    push: readBoolean(get, "push", !1),
    guardFloatingTags: readBoolean(get, "guard-floating-tags", !0),
    promoteFrom,
    extraImages,
    primaryTag: get("primary-tag").trim() || void 0
  };
}
function splitList(text) {
  return text.split(/[\n,]/).map((v) => v.trim()).filter(Boolean);
}
function readBoolean(get, name, fallback) {
  return parseBoolean(name, get(name), fallback);
}

// src/publish/result.ts
function publishedReferences(result) {
  return result.registries.flatMap(
    (r) => r.tags.filter((t) => t.status === "pushed" || t.status === "written" || t.status === "unchanged").map((t) => `${r.image}:${t.tag}`)
  );
}

// src/tags/build-args.ts
function automaticBuildArgs(result, context) {
  return {
    VERSION: result.semanticVersion ?? result.version,
    ENVIRONMENT: result.environment ?? "",
    GIT_COMMIT: context.sha,
    BUILD_TIMESTAMP: result.created
  };
}

// src/tags/index.ts
var tags_exports = {};
__export(tags_exports, {
  automaticBuildArgs: () => automaticBuildArgs,
  bakeFileContents: () => bakeFileContents,
  bakeFileName: () => bakeFileName,
  computeMetadata: () => computeMetadata,
  fetchRepoInfo: () => fetchRepoInfo,
  fixTagForRegistry: () => fixTagForRegistry,
  inputTemplates: () => inputTemplates,
  leveledAnnotations: () => leveledAnnotations,
  loadDateFormatter: () => loadDateFormatter,
  loadEngineLibs: () => loadEngineLibs,
  loadPep440: () => loadPep440,
  metadataJson: () => metadataJson,
  metadataOutputs: () => metadataOutputs,
  metadataValueOutputs: () => metadataValueOutputs,
  outputEnvName: () => outputEnvName,
  parseMetadataInputs: () => parseMetadataInputs,
  recordInputReader: () => recordInputReader,
  resolveRunContext: () => resolveRunContext,
  runTagsAction: () => runTagsAction,
  sanitizeTag: () => sanitizeTag,
  sourceDateEpoch: () => sourceDateEpoch,
  usesDateExpressions: () => usesDateExpressions
});

// src/registry/index.ts
var registry_exports = {};
__export(registry_exports, {
  DOCKER_HUB: () => DOCKER_HUB,
  InvalidReferenceError: () => InvalidReferenceError,
  MANIFEST_ACCEPT: () => MANIFEST_ACCEPT,
  MEDIA_TYPES: () => MEDIA_TYPES,
  RegistryAuthError: () => RegistryAuthError,
  RegistryError: () => RegistryError,
  chainCredentials: () => chainCredentials,
  createFetchClient: () => createFetchClient,
  createRegistryClient: () => createRegistryClient,
  createTransport: () => createTransport,
  detectMediaType: () => detectMediaType,
  dockerConfigCredentials: () => dockerConfigCredentials,
  formatReference: () => formatReference,
  givenCredentials: () => givenCredentials,
  indexManifests: () => indexManifests,
  isDigest: () => isDigest,
  isIndexMediaType: () => isIndexMediaType,
  isValidTag: () => isValidTag,
  manifestBlobs: () => manifestBlobs,
  manifestConfigDigest: () => manifestConfigDigest,
  manifestReference: () => manifestReference,
  nextPage: () => nextPage,
  normaliseConfigKey: () => normaliseConfigKey,
  parseChallenge: () => parseChallenge,
  parseReference: () => parseReference,
  parseRetryAfter: () => parseRetryAfter,
  registryApiHost: () => registryApiHost,
  registryBaseUrl: () => registryBaseUrl,
  repositoryName: () => repositoryName,
  sha256Digest: () => sha256Digest,
  withRetry: () => withRetry
});

// src/pipeline/run.ts
import { homedir as homedir2 } from "node:os";
import { join as join4 } from "node:path";
async function runImageBuild(inputs, deps) {
  let { logger, runner } = deps, env = { ...deps.env }, state = {}, save = () => deps.saveState?.({ ...state }), { metadata, context } = await computeTags(inputs, deps), publishing = inputs.publish.push || inputs.publish.promoteFrom !== void 0, images = [...metadata.images, ...inputs.publish.extraImages];
  if (publishing) {
    if (metadata.tagNames.length === 0)
      throw new InputError("tags", "no tag was computed for this run, so there is nothing to publish");
    parseImages(images);
  }
  let ecrModule = publishing && images.some((image) => parseEcrReference(image)) ? await import("./prepare-VBHQ7YJG.js") : void 0, ecr = { targets: [] }, prepareRegistries = async (docker) => (ecrModule && (ecr = await ecrModule.prepareEcr({
    images,
    inputs: inputs.ecr,
    runner,
    logger,
    env,
    tempRoot: env.RUNNER_TEMP,
    ...docker !== void 0 && { docker },
    // The runner's own logins (docker/login-action) and buildx builders must stay visible.
    inheritConfigFrom: env.DOCKER_CONFIG || join4(homedir2(), ".docker"),
    ...deps.ecrClientFor && { clientFor: deps.ecrClientFor }
  }), ecr.login && (state.ecrLogin = ecr.login, env.DOCKER_CONFIG = ecr.login.dockerConfig, save())), {
    images,
    tags: metadata.tagNames,
    version: metadata.semanticVersion,
    primaryTag: inputs.publish.primaryTag,
    guardFloatingTags: inputs.publish.guardFloatingTags,
    writers: writerFactory(ecr, runner, logger, env),
    logger
  }), collectScans = async (digest) => ecrModule ? ecrModule.collectEcrScanFindings(ecr, digest, { inputs: inputs.ecr, logger }).catch((error) => (logger.warning(`ECR scan findings unavailable: ${error.message}`), [])) : [], finish2 = async (published2, build) => {
    let scans = await collectScans(published2.digest);
    return {
      metadata,
      context,
      build,
      publish: published2,
      scans,
      reportSource: reportSource(published2),
      state
    };
  };
  if (inputs.publish.promoteFrom) {
    let options = await prepareRegistries();
    return finish2(await promote({ ...options, source: inputs.publish.promoteFrom }));
  }
  let builder = deps.builder ?? await detectBuilder(runner, env, { builder: inputs.build.builder || void 0 }), buildInputs = (tags, push) => ({
    ...inputs.build,
    tags,
    push,
    labels: metadata.labels.map((value, index) => ({ value, line: index + 1 })),
    annotations: annotationsFor(inputs, metadata, builder)
  }), cacheImage = images[0] ? formatReference(parseImages([images[0]])[0]) : void 0, cacheOptions = {
    cacheImage,
    github: githubCacheContext(env, defaultBranch(context)),
    localRoot: env.RUNNER_TEMP ? `${env.RUNNER_TEMP}/image-build-cache` : void 0,
    reproducible: sourceDateEpoch(env) !== void 0,
    publishing: inputs.publish.push
  }, { cache: cachePlan } = planCache(
    validateBuild(buildInputs(metadata.tags, inputs.publish.push), builder, diskFiles, deps.cwd),
    builder,
    cacheOptions
  ), buildFor = async (tags, push, existingTags2) => {
    let outcome = await buildImage({
      inputs: buildInputs(tags, push),
      runner,
      logger,
      env,
      builder,
      automaticBuildArgs: automaticBuildArgs(metadata, context),
      ...cacheOptions,
      existingTags: existingTags2,
      // The publish points the cache ref at the published image with one manifest PUT.
      callerTagsCacheRef: inputs.publish.push,
      actionsCache: deps.actionsCache,
      cwd: deps.cwd
    });
    return outcome.localCache && (state.localCache = outcome.localCache, save()), outcome;
  };
  if (!inputs.publish.push) {
    let build = await buildFor(metadata.tags, !1);
    return { metadata, context, build, scans: [], state };
  }
  let prepared = await preparePublish(await prepareRegistries(builder.docker)), existingTags = prepared.targets[0]?.existingTags, tagPublished = cachePlan.tagPublished, cacheRefs = tagPublished && cacheImage ? [{ image: cacheImage, tag: tagPublished.slice(tagPublished.lastIndexOf(":") + 1) }] : [];
  if (builder.kind === "classic") {
    let build = await buildFor(metadata.tags, !1, existingTags), pushPrimary2 = dockerPushPrimary({
      runner,
      docker: builder.docker,
      env,
      sourceImage: build.result.imageId
    }), published2 = await completePublish(prepared, pushPrimary2, {
      localConfigDigest: build.result.imageId,
      cacheRefs
    });
    return await pushCacheImages(build, { runner, logger, env }), finish2(published2, build);
  }
  let built, published = await completePublish(prepared, async (reference) => {
    built ??= buildFor(prepared.references, !0, existingTags);
    let outcome = await built, digest = outcome.result.pushed.find((p) => p.ref === reference)?.digest ?? outcome.result.digest;
    if (!digest) throw new Error(`the builder reported no digest for ${reference}`);
    return { digest };
  }, { cacheRefs });
  return finish2(published, built && await built);
}
async function pushCacheImages(build, deps) {
  if (build.cache.preset !== "inline" && build.cache.preset !== "registry") return;
  let refs = [...build.cache.stageImages.map((stage) => stage.ref), build.cache.finalImage].filter(
    (ref) => !!ref
  );
  for (let ref of refs)
    await dockerPush({ runner: deps.runner, docker: build.builder.docker, env: deps.env }, ref).catch(
      (error) => deps.logger.warning(`cache image ${ref} was not pushed: ${error.message}`)
    );
}
async function computeTags(inputs, deps) {
  let { env, logger, runner } = deps;
  logger.startGroup("Tags");
  let token = inputs.metadata.githubToken;
  token && logger.setSecret(token);
  let [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/"), github = token && owner && repo ? octokitRepository({ token, apiUrl: env.GITHUB_API_URL, owner, repo }) : void 0, context = await resolveRunContext(inputs.metadata.context, env, runner, {
    cwd: deps.cwd,
    lookupCommitDate: github ? (sha) => github.getCommitDate(sha) : void 0
  }), repoInfo = await fetchRepoInfo(context, github, logger), libs = await loadEngineLibs(inputs.metadata), metadata = computeMetadata(inputs.metadata, context, repoInfo, {
    now: deps.now ?? /* @__PURE__ */ new Date(),
    created: sourceDateEpoch(env),
    logger,
    libs
  });
  return metadata.tags.forEach((tag) => logger.info(tag)), logger.endGroup(), { metadata, context };
}
function annotationsFor(inputs, metadata, builder) {
  let userGave = inputs.metadata.annotations.length > 0;
  return builder.kind === "classic" && !userGave ? [] : leveledAnnotations(metadata).map((value, index) => ({ value, line: index + 1 }));
}
function defaultBranch(context) {
  return context.payload.repository?.default_branch;
}
function writerFactory(ecr, runner, logger, env) {
  let registries = registryWriters({
    runner,
    logger,
    credentials: dockerConfigCredentials({ runner, env })
  }), ecrWriters = /* @__PURE__ */ new Map();
  for (let prepared of ecr.targets) ecrWriters.set(prepared.target.reference.registry, prepared.tagWriter);
  return (registry) => ecrWriters.get(registry) ?? registries(registry);
}
function reportSource(published) {
  let first = published.registries[0];
  return first ? { image: first.image, digest: published.digest } : void 0;
}

export {
  cacheHitRate,
  parseReference,
  readBuildInputs,
  build_exports,
  createConsoleLogger,
  silentLogger,
  dockerConfigCredentials,
  createRegistryClient,
  readPublishInputs,
  publishedReferences,
  publish_exports,
  automaticBuildArgs,
  tags_exports,
  registry_exports,
  runImageBuild,
  computeTags
};
