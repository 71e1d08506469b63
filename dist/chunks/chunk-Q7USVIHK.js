import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  parseEcrReference
} from "./chunk-GRZBPOVS.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import {
  __export
} from "./chunk-EHNN3ETZ.js";

// src/cache/local.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join as join2, relative } from "node:path";

// src/cache/presets.ts
import { join } from "node:path";

// src/util/version.ts
function versionAtLeast(version, minimum) {
  let a = version.split(/[.+~-]/).map((part) => Number.parseInt(part, 10) || 0), b = minimum.split(".").map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < b.length; i++)
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  return !0;
}

// src/cache/spec.ts
var KNOWN_TYPES = /* @__PURE__ */ new Set(["registry", "local", "gha", "inline", "s3", "azblob"]), REQUIRED = {
  from: { registry: ["ref"], local: ["src"], s3: ["bucket", "region"], azblob: ["name"] },
  to: { registry: ["ref"], local: ["dest"], s3: ["bucket", "region"], azblob: ["name"] }
};
function parseCacheSpec(item, input) {
  let text = item.value.trim();
  if (!text.includes("=")) {
    if (input === "cache-to" || /[\s,]/.test(text))
      throw new InputError(input, `"${text}" is not "type=<backend>,key=value,\u2026"`, { line: item.line });
    return { type: "registry", attrs: { ref: text } };
  }
  let attrs = {};
  for (let field of text.split(",")) {
    let index = field.indexOf("="), key = (index < 0 ? field : field.slice(0, index)).trim().toLowerCase(), value = field.slice(index + 1).trim();
    if (index <= 0 || !value)
      throw new InputError(input, `field "${field}" must be key=value`, {
        line: item.line,
        field: key || field
      });
    attrs[key] = value;
  }
  let type = attrs.type;
  if (!type)
    throw new InputError(input, "missing type= (registry, gha, local, inline, s3, azblob)", {
      line: item.line
    });
  if (!KNOWN_TYPES.has(type))
    throw new InputError(input, `unknown cache type "${type}"`, { line: item.line, field: "type" });
  delete attrs.type;
  let direction = input === "cache-from" ? "from" : "to";
  for (let key of REQUIRED[direction][type] ?? [])
    if (!attrs[key])
      throw new InputError(input, `type=${type} needs ${key}=`, { line: item.line, field: key });
  if (attrs.mode && !["min", "max"].includes(attrs.mode))
    throw new InputError(input, `mode must be min or max, not "${attrs.mode}"`, {
      line: item.line,
      field: "mode"
    });
  return { type, attrs };
}
function formatCacheSpec(spec) {
  return [`type=${spec.type}`, ...Object.entries(spec.attrs).map(([key, value]) => `${key}=${value}`)].join(
    ","
  );
}

// src/cache/presets.ts
var CACHE_PRESETS = ["auto", "gha", "registry", "local", "inline", "none"], GHA_MIN_BUILDX = "0.21.0";
function slug(text) {
  return text.replace(/[^a-zA-Z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
}
function parseCachePreset(cache) {
  let index = cache.indexOf("="), name = (index < 0 ? cache : cache.slice(0, index)).trim().toLowerCase() || "auto", value = index < 0 ? void 0 : cache.slice(index + 1).trim();
  if (!CACHE_PRESETS.includes(name))
    throw new InputError("cache", `unknown preset "${name}"; use one of ${CACHE_PRESETS.join(", ")}`);
  let preset = name;
  if (value !== void 0 && (!value || !["gha", "registry", "local"].includes(preset)))
    throw new InputError(
      "cache",
      `"${cache}": only gha=<scope>, registry=<ref> and local=<dir> take a value`
    );
  return { preset, value };
}
function resolveCache(inputs, context) {
  let { preset, value } = parseCachePreset(inputs.cache), rawFrom = inputs.cacheFrom.map((item) => parseCacheSpec(item, "cache-from")), rawTo = inputs.cacheTo.map((item) => parseCacheSpec(item, "cache-to")), { builder } = context, canExport = builder.kind === "buildx" && builder.canExportCache;
  refuseUnexportable(preset, rawTo, builder);
  let builderName = builder.kind === "buildx" ? `buildx's ${builder.driver} driver` : "the classic builder", notices = [], plan = {
    preset: "none",
    cacheFrom: [],
    cacheTo: [],
    inline: !1,
    stageImages: [],
    pushCacheImages: !1,
    notices,
    summary: ""
  }, useInline = (reason) => {
    plan.preset = "inline";
    let ref = `${context.image}:buildcache`;
    if (builder.kind === "buildx") {
      plan.cacheFrom.push(`type=registry,ref=${ref}`), plan.cacheTo.push("type=inline"), builder.driver === "docker" && (plan.stageImages = context.stages.map((stage) => ({
        stage,
        ref: `${context.image}:buildcache-${slug(stage)}`
      })), plan.pushCacheImages = context.push);
      let separate = context.push && context.reproducible && builder.driver === "docker";
      separate ? plan.finalImage = ref : context.push && (plan.tagPublished = ref), plan.summary = (separate ? `inline cache in ${ref}, an image of its own (reproducible build)` : "inline cache in the image, " + (context.push ? `also tagged ${ref}` : `imported from ${ref}, not written without push: true`)) + (plan.stageImages.length ? ` plus one image per stage (${context.stages.join(", ")})` : "") + ` (${reason})`;
      return;
    }
    plan.inline = !0, plan.stageImages = context.stages.map((stage) => ({
      stage,
      ref: `${context.image}:buildcache-${slug(stage)}`
    })), plan.pushCacheImages = context.push, plan.cacheFrom.push(ref), plan.finalCacheRef = ref, context.reproducible ? plan.finalImage = ref : context.push && (plan.tagPublished = ref), plan.summary = (plan.finalImage ? `inline cache in ${ref}` : `inline cache in the image, also tagged ${ref}`) + (plan.stageImages.length ? ` plus one image per stage (${context.stages.join(", ")})` : "") + (context.push ? "" : ", imported only: nothing is pushed without push: true") + ` (${reason})`;
  }, chosen = preset;
  chosen === "auto" && (chosen = canExport && context.github && builder.kind === "buildx" && versionAtLeast(builder.version, GHA_MIN_BUILDX) ? "gha" : canExport && context.push && context.stages.length > 0 ? "registry" : "inline");
  let inlineReason = preset === "auto" && canExport && context.push ? "one stage chain: every cached step is a layer of the image" : void 0;
  if (chosen === "gha") {
    let reason = canExport ? context.github ? builder.kind === "buildx" && !versionAtLeast(builder.version, GHA_MIN_BUILDX) ? `buildx ${builder.version} predates the v2 cache service (needs ${GHA_MIN_BUILDX})` : void 0 : "the GitHub Actions cache service is not available here" : `${builderName} cannot export to the GitHub cache`;
    if (reason)
      notices.push(`cache "gha": ${reason}; using inline cache instead`), useInline("fallback from gha");
    else {
      plan.preset = "gha";
      let base = value ?? slug(context.image.split("/").slice(1).join("/") || context.image), branch = context.github?.branch ? `${base}-${slug(context.github.branch)}` : base, fallback = context.github?.defaultBranch ? `${base}-${slug(context.github.defaultBranch)}` : base;
      for (let scope of [.../* @__PURE__ */ new Set([branch, fallback])]) plan.cacheFrom.push(`type=gha,scope=${scope}`);
      plan.cacheTo.push(`type=gha,scope=${branch},mode=max,ignore-error=true`), plan.summary = `GitHub Actions cache, scope ${branch}` + (branch !== fallback ? `, falling back to ${fallback}` : "");
    }
  } else if (chosen === "registry") {
    let ref = value ?? `${context.image}:buildcache`;
    if (canExport && context.push) {
      plan.preset = "registry";
      let ecr = parseEcrReference(ref, "cache")?.kind === "private" ? ",image-manifest=true,oci-mediatypes=true" : "";
      plan.cacheFrom.push(`type=registry,ref=${ref}`), plan.cacheTo.push(`type=registry,ref=${ref},mode=max${ecr}`), plan.summary = `registry cache ${ref} (mode=max${ecr ? ", ECR manifest form" : ""})`;
    } else canExport ? (plan.preset = "registry", plan.cacheFrom.push(`type=registry,ref=${ref}`), plan.summary = `registry cache ${ref}, imported only (push is off)`) : ((builder.kind === "buildx" || preset === "registry") && notices.push(
      `cache "registry": ${builderName} cannot export a mode=max registry cache; ` + (builder.kind === "classic" ? "using inline cache images instead (one per stage)" : "using inline cache (final stage only)")
    ), useInline(preset === "auto" ? `best ${builderName} can do` : "fallback from registry"));
  } else if (chosen === "local") {
    let dir = value ?? join(context.localRoot, slug(context.image));
    plan.preset = "local", canExport ? (plan.local = { dir, newDir: `${dir}-new`, mode: "buildx-directory" }, plan.cacheFrom.push(`type=local,src=${dir}`), plan.cacheTo.push(`type=local,dest=${dir}-new,mode=max`), plan.summary = `local cache directory ${dir} (saved by the post step)`) : (plan.local = { dir, newDir: `${dir}-new`, mode: "engine-images" }, plan.inline = builder.kind === "classic", builder.kind === "buildx" && plan.cacheTo.push("type=inline"), plan.finalImage = `${context.image}:buildcache`, plan.stageImages = builder.kind === "classic" ? context.stages.map((stage) => ({ stage, ref: `${context.image}:buildcache-${slug(stage)}` })) : [], plan.cacheFrom.push(
      builder.kind === "classic" ? plan.finalImage : `type=registry,ref=${plan.finalImage}`
    ), notices.push(
      `cache "local": ${builderName} cannot export a cache directory; saving its inline-cache images (docker save) in the cache directory instead`
    ), plan.summary = `local cache of inline-cache images in ${dir}`);
  } else chosen === "inline" ? useInline(inlineReason ?? (preset === "auto" ? `best ${builderName} can do` : "inline requested")) : plan.summary = "no cache import or export";
  return appendRaw(plan, rawFrom, rawTo, builder, notices), skipAbsentImports(plan, context), plan;
}
function skipAbsentImports(plan, context) {
  let existing = context.existingTags;
  if (!existing) return;
  let absent = (ref) => {
    let colon = ref.lastIndexOf(":");
    return ref.slice(0, colon) === context.image && !existing.includes(ref.slice(colon + 1));
  }, refOf = (spec) => /(?:^|,)ref=([^,]+)/.exec(spec)?.[1] ?? (spec.includes("=") ? "" : spec), kept = plan.cacheFrom.filter((spec) => {
    let ref = refOf(spec);
    return !(ref && absent(ref));
  }), stages = plan.stageImages.map((image) => absent(image.ref) ? { ...image, imported: !1 } : image);
  (kept.length < plan.cacheFrom.length || stages.some((image) => image.imported === !1)) && (plan.cacheFrom = kept, plan.stageImages = stages, plan.summary += "; nothing to import yet");
}
function refuseUnexportable(preset, rawTo, builder) {
  if (builder.kind !== "buildx" || builder.canExportCache) return;
  let fix = "add docker/setup-buildx-action before this step (a docker-container builder), or use cache: auto or inline";
  if (preset === "registry" || preset === "gha")
    throw new InputError(
      "cache",
      `"${preset}" needs a builder that can export a cache; buildx's ${builder.driver} driver (builder "${builder.name}") exports inline cache only: ${fix}`
    );
  let refused = rawTo.find((spec) => spec.type !== "inline");
  if (refused)
    throw new InputError(
      "cache-to",
      `type=${refused.type} needs a builder that can export a cache; buildx's ${builder.driver} driver (builder "${builder.name}") exports inline cache only: ${fix}`
    );
}
function appendRaw(plan, rawFrom, rawTo, builder, notices) {
  if (builder.kind === "buildx") {
    plan.cacheFrom.push(...rawFrom.map(formatCacheSpec)), rawTo.length && (plan.cacheTo = rawTo.map(formatCacheSpec));
    return;
  }
  for (let spec of rawFrom)
    spec.type === "registry" ? plan.cacheFrom.push(spec.attrs.ref) : notices.push(
      `cache-from type=${spec.type}: the classic builder imports only image references; skipped`
    );
  for (let spec of rawTo)
    spec.type !== "inline" && notices.push(`cache-to type=${spec.type}: the classic builder exports inline cache only; using inline`), plan.inline = !0;
}

// src/cache/local.ts
var actionsCacheClient = {
  async restoreCache(paths, primaryKey, restoreKeys) {
    return (await import("./cache-6K6ERSPF.js")).restoreCache(paths, primaryKey, restoreKeys);
  },
  async saveCache(paths, key) {
    return (await import("./cache-6K6ERSPF.js")).saveCache(paths, key);
  }
}, LOCK_FILE = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|requirements[\w.-]*\.(txt|lock)|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|[\w.-]+\.lock)$/;
function findLockFiles(context, depth = 3) {
  let found = [], walk = (dir, level) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (let entry of entries) {
      if (entry === ".git" || entry === "node_modules" || entry === ".venv") continue;
      let path = join2(dir, entry), stat = statSync(path, { throwIfNoEntry: !1 });
      stat?.isDirectory() && level < depth ? walk(path, level + 1) : stat?.isFile() && LOCK_FILE.test(entry) && found.push(path);
    }
  };
  return walk(context, 1), found.sort();
}
function localCacheKeys(image, dockerfile, lockFiles) {
  let hash = createHash("sha256").update(dockerfile);
  for (let file of lockFiles) hash.update(`\0${file.path}\0${file.content}`);
  let prefix = `image-build-${slug(image)}-`;
  return { primaryKey: `${prefix}${hash.digest("hex").slice(0, 20)}`, restoreKeys: [prefix] };
}
var IMAGES_ARCHIVE = "images.tar";
async function restoreLocalCache(plan, keys, options) {
  let layout = plan.local;
  if (!layout) return;
  let lockFiles = findLockFiles(keys.context).map((path) => ({
    path: relative(keys.context, path),
    content: readFileSync(path, "utf8")
  })), { primaryKey, restoreKeys } = localCacheKeys(keys.image, keys.dockerfile, lockFiles), images = layout.mode === "engine-images" ? [...plan.stageImages.map((s) => s.ref), ...plan.finalImage ? [plan.finalImage] : []] : [], state = { layout, primaryKey, restoreKeys, images, docker: options.docker };
  mkdirSync(layout.dir, { recursive: !0 });
  try {
    state.matchedKey = await options.client.restoreCache([layout.dir], primaryKey, restoreKeys);
  } catch (error) {
    return options.logger.warning(`local cache: restore failed, building without it: ${error.message}`), state;
  }
  options.logger.info(
    state.matchedKey ? `local cache: restored ${state.matchedKey}` : `local cache: no entry for ${primaryKey}`
  );
  let archive = join2(layout.dir, IMAGES_ARCHIVE);
  if (layout.mode === "engine-images" && existsSync(archive)) {
    let loaded = await options.runner.run(options.docker, ["load", "--input", archive], {
      env: options.env
    });
    loaded.exitCode !== 0 && options.logger.warning(`local cache: docker load failed: ${loaded.stderr.trim()}`);
  }
  return state;
}
async function saveLocalCache(state, options) {
  let { layout, primaryKey } = state;
  if (state.matchedKey === primaryKey)
    return options.logger.info(`local cache: exact hit on ${primaryKey}; nothing new to save`), "skipped";
  if (layout.mode === "engine-images") {
    rmSync(layout.newDir, { recursive: !0, force: !0 }), mkdirSync(layout.newDir, { recursive: !0 });
    let saved = await options.runner.run(
      state.docker,
      ["save", "--output", join2(layout.newDir, IMAGES_ARCHIVE), ...state.images],
      { env: options.env }
    );
    if (saved.exitCode !== 0)
      return options.logger.warning(
        `local cache: docker save failed, keeping the old cache: ${saved.stderr.trim()}`
      ), rmSync(layout.newDir, { recursive: !0, force: !0 }), "skipped";
  } else if (!existsSync(join2(layout.newDir, "index.json")))
    return options.logger.info("local cache: the build exported no cache; keeping the old one"), "skipped";
  rmSync(layout.dir, { recursive: !0, force: !0 }), renameSync(layout.newDir, layout.dir);
  let cacheId;
  try {
    cacheId = await options.client.saveCache([layout.dir], primaryKey);
  } catch (error) {
    return options.logger.warning(`local cache: save failed: ${error.message}`), "skipped";
  }
  return cacheId === -1 ? "skipped" : (options.logger.info(`local cache: saved ${primaryKey}`), "saved");
}

// src/cache/index.ts
var cache_exports = {};
__export(cache_exports, {
  CACHE_PRESETS: () => CACHE_PRESETS,
  actionsCacheClient: () => actionsCacheClient,
  findLockFiles: () => findLockFiles,
  formatCacheSpec: () => formatCacheSpec,
  githubCacheContext: () => githubCacheContext,
  localCacheKeys: () => localCacheKeys,
  parseCachePreset: () => parseCachePreset,
  parseCacheSpec: () => parseCacheSpec,
  resolveCache: () => resolveCache,
  restoreLocalCache: () => restoreLocalCache,
  saveLocalCache: () => saveLocalCache
});

// src/cache/github.ts
function githubCacheContext(env, defaultBranch) {
  return env.GITHUB_ACTIONS !== "true" || !env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL && !env.ACTIONS_CACHE_URL ? void 0 : { branch: env.GITHUB_HEAD_REF || (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : void 0) || void 0, defaultBranch };
}

export {
  versionAtLeast,
  parseCacheSpec,
  parseCachePreset,
  resolveCache,
  actionsCacheClient,
  restoreLocalCache,
  saveLocalCache,
  githubCacheContext,
  cache_exports
};
