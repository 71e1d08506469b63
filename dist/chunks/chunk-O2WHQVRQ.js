import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  exportsLayoutForReport
} from "./chunk-LDRL4NVG.js";
import {
  buildImage,
  buildsIntoEngine,
  commitTag,
  completePublish,
  decideReuse,
  detectBuilder,
  diskFiles,
  dockerConfigCredentials,
  dockerPushPrimary,
  ensureRemoteBuilder,
  outputField,
  parseDockerfile,
  parseImages,
  planCache,
  planPublish,
  preparePublish,
  promote,
  pushCacheImages,
  registryWriters,
  releaseAnnotations,
  validateBuild
} from "./chunk-D24LKZC6.js";
import {
  actionsCacheClient,
  githubCacheContext
} from "./chunk-Q7USVIHK.js";
import {
  parseEcrReference
} from "./chunk-GRZBPOVS.js";
import {
  computeRunTags
} from "./chunk-MUA3NJ56.js";
import {
  automaticBuildArgs,
  leveledAnnotations,
  runRelease,
  sourceDateEpoch
} from "./chunk-IWQOLGT7.js";
import {
  formatReference
} from "./chunk-H5I7P22Y.js";
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/pipeline/local-cache.ts
import { readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join as join2 } from "node:path";

// src/util/cache-dir.ts
import { isAbsolute, join } from "node:path";
function userCacheDir(env) {
  let xdg = env.XDG_CACHE_HOME;
  return xdg && isAbsolute(xdg) ? join(xdg, "image-build") : env.HOME ? join(env.HOME, ".cache", "image-build") : void 0;
}

// src/pipeline/local-cache.ts
function localCacheRoot(env) {
  return env.RUNNER_TEMP ? join2(env.RUNNER_TEMP, "image-build-cache") : userCacheDir(env) ?? join2(homedir(), ".cache", "image-build");
}
var onDiskCacheClient = {
  async restoreCache(paths) {
    let [dir] = paths;
    return hasEntries(dir) ? `on disk (${dir})` : void 0;
  },
  async saveCache() {
    return 0;
  }
};
function localCacheClient(env) {
  return githubCacheContext(env) ? actionsCacheClient : onDiskCacheClient;
}
function hasEntries(dir) {
  if (!dir) return !1;
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return !1;
  }
}

// src/pipeline/image-build.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join5 } from "node:path";

// src/pipeline/image-build-types.ts
var POST_STATE = /* @__PURE__ */ Symbol("image-build post state");
function withPostState(error, state) {
  return typeof error == "object" && error !== null && Object.isExtensible(error) && Object.defineProperty(error, POST_STATE, { value: { ...state }, enumerable: !1 }), error;
}

// src/pipeline/publish-build.ts
async function publishBuild(options) {
  let { builder, prepared, phase, cacheRefs } = options;
  if (buildsIntoEngine(builder)) {
    phase("build");
    let build = await options.build(options.tags, !1), pushPrimary2 = dockerPushPrimary({
      runner: options.runner,
      docker: builder.docker,
      env: options.env,
      sourceImage: build.result.imageId
    });
    phase("push");
    let published2 = await completePublish(prepared, phased(pushPrimary2, phase), {
      localConfigDigest: build.result.imageId,
      cacheRefs
    });
    return await pushCacheImages(build, options), { published: published2, build };
  }
  let built;
  return { published: await completePublish(prepared, phased(async (reference) => {
    built || phase("build", reference), built ??= options.build(prepared.references, !0);
    let outcome = await built, digest = outcome.result.pushed.find((p) => p.ref === reference)?.digest ?? outcome.result.digest;
    if (!digest) throw new Error(`the builder reported no digest for ${reference}`);
    return { digest };
  }, phase, "build"), { cacheRefs }), build: built && await built };
}
function phased(pushPrimary, phase, pushedBy = "push") {
  let pushes = 0;
  return async (reference) => {
    pushedBy === "push" && pushes++ > 0 && phase("push");
    let pushed = await pushPrimary(reference);
    return phase("tags-written", reference.slice(0, reference.lastIndexOf(":"))), pushed;
  };
}

// src/pipeline/registries.ts
import { homedir as homedir2 } from "node:os";
import { join as join3 } from "node:path";
async function registrySession(options) {
  let { images, env, deps } = options, { runner, logger } = deps, ecrModule = images.some((image) => parseEcrReference(image)) ? await import("./prepare-TJWK5MTF.js") : void 0, ecr = { targets: [] }, prepared, prepareOnce = async (docker) => (ecrModule && (ecr = await ecrModule.prepareEcr({
    images,
    inputs: options.ecr,
    runner,
    logger,
    env,
    tempRoot: env.RUNNER_TEMP,
    ...docker !== void 0 && { docker },
    // The runner's own logins (docker/login-action) and buildx builders must stay visible.
    inheritConfigFrom: env.DOCKER_CONFIG || join3(homedir2(), ".docker"),
    ...deps.ecrClientFor && { clientFor: deps.ecrClientFor }
  }), ecr.login && (env.DOCKER_CONFIG = ecr.login.dockerConfig, options.onPostState({ ecrLogin: ecr.login }))), { ...options.publish, images, writers: writerFactory(ecr, runner, logger, env), logger });
  return {
    // Once per run: a release that looked for its commit's image and found none builds on the same login.
    prepare: (docker) => prepared ??= prepareOnce(docker),
    collectScans: async (digest) => ecrModule ? ecrModule.collectEcrScanFindings(ecr, digest, { inputs: options.ecr, logger }).catch((error) => (logger.warning(`ECR scan findings unavailable: ${error.message}`), [])) : []
  };
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

// src/pipeline/release.ts
import { isAbsolute as isAbsolute2, join as join4, resolve } from "node:path";
var RELEASE_ARGS = ["VERSION", "ENVIRONMENT"];
function releaseHoldReason(context) {
  let release = runRelease(context);
  if (release?.draft) return `the GitHub release ${release.tag} is a draft`;
  if (release?.prerelease) return `the GitHub release ${release.tag} is marked as a pre-release`;
}
function decideReleaseReuse(inputs, metadata, context, options = {}) {
  let { publish } = inputs, release = runRelease(context) !== void 0, wantsArgs = publish.reuseCommit === "auto" && release && publish.push && !publish.promoteFrom;
  return decideReuse({
    mode: publish.reuseCommit,
    push: publish.push,
    promoteFrom: publish.promoteFrom,
    release,
    commitTag: commitTag(metadata.tagNames, context.sha),
    commit: context.sha.slice(0, 7),
    releaseArgs: wantsArgs ? releaseArgsDeclared(inputs, options) : []
  });
}
function releaseArgsDeclared(inputs, { cwd = process.cwd(), files = diskFiles }) {
  let file = inputs.build.file || join4(inputs.build.context, "Dockerfile"), path = isAbsolute2(file) ? file : resolve(cwd, file);
  try {
    if (!files.isFile(path)) return;
    let { args } = parseDockerfile(files.readText(path));
    return RELEASE_ARGS.filter((name) => args.has(name));
  } catch {
    return;
  }
}
async function findCommitImage(images, tag, writers) {
  let refs = parseImages(images), digest;
  for (let ref of refs) {
    let image = `${ref.registry}/${ref.repository}`, here = await writers(ref.registry).resolveTag(ref.repository, tag);
    if (!here) return { reason: `${image}:${tag} does not exist` };
    if (digest && here !== digest) return { reason: `${image}:${tag} is ${here}, not ${digest}` };
    digest = here;
  }
  let found = digest;
  return { found: { source: formatReference({ ...refs[0], digest: found }), reference: formatReference({ ...refs[0], tag }), tag, digest: found } };
}
function releasePromote(reused, inputs, metadata, context, env) {
  let { publish } = inputs, { source } = reused, tags = metadata.tagNames.filter((tag) => tag !== reused.tag);
  if (!publish.releaseAnnotations || tags.length === 0)
    return { source, tags: metadata.tagNames, primaryTag: publish.primaryTag };
  let created = (sourceDateEpoch(env) ?? runRelease(context)?.publishedAt ?? context.commitDate).toISOString();
  return {
    source,
    tags,
    primaryTag: publish.primaryTag === reused.tag ? void 0 : publish.primaryTag,
    annotations: releaseAnnotations(metadata.annotations, created)
  };
}

// src/pipeline/image-build.ts
async function runImageBuild(inputs, deps) {
  let state = {}, keep = (more) => {
    Object.assign(state, more), deps.saveState?.({ ...state });
  };
  try {
    return await run(inputs, deps, state, keep);
  } catch (error) {
    throw withPostState(error, state);
  }
}
async function run(inputs, deps, state, keep) {
  let { logger, runner } = deps, env = { ...deps.env }, phase = deps.onPhase ?? (() => {
  });
  phase("tags");
  let { metadata, context } = await computeTags(inputs, deps);
  phase("checks");
  let publishing = inputs.publish.push || inputs.publish.promoteFrom !== void 0, images = [...metadata.images, ...inputs.publish.extraImages], publishOptions = {
    tags: metadata.tagNames,
    version: metadata.semanticVersion,
    primaryTag: inputs.publish.primaryTag,
    guardFloatingTags: inputs.publish.guardFloatingTags,
    // A GitHub release marked pre-release (or a draft) moves no floating tag, whatever its version.
    prerelease: releaseHoldReason(context)
  };
  publishing && checkPublish(images, publishOptions);
  let reuse = decideReleaseReuse(inputs, metadata, context, { cwd: deps.cwd }), registries = publishing ? await registrySession({
    images,
    ecr: inputs.ecr,
    publish: publishOptions,
    env,
    deps,
    onPostState: keep
  }) : void 0, buildSeconds, result = (fields) => finish(metadata, context, state, registries, { buildSeconds, ...fields });
  if (registries && inputs.publish.promoteFrom) {
    let options = await registries.prepare();
    return phase("tags-written", options.images.join(", ")), result({
      published: await promote({
        ...options,
        source: inputs.publish.promoteFrom,
        lookFirst: inputs.publish.lookFirst
      })
    });
  }
  let builderName = await builderToUse(inputs, deps, env), builder = deps.builder ?? await detectBuilder(runner, env, { builder: builderName }), buildInputs = (tags, push, layout) => ({
    ...inputs.build,
    builder: builderName ?? "",
    ...layout && { outputs: [{ value: `type=oci,${outputField(`dest=${layout}`)},tar=false`, line: 0 }] },
    tags,
    push,
    labels: metadata.labels.map((value, index) => ({ value, line: index + 1 })),
    annotations: annotationsFor(inputs, metadata, builder)
  }), cacheImage = images[0] ? formatReference(parseImages([images[0]])[0]) : void 0, cacheOptions = {
    cacheImage,
    github: githubCacheContext(env, defaultBranch(context)),
    localRoot: localCacheRoot(env),
    reproducible: sourceDateEpoch(env) !== void 0,
    publishing: inputs.publish.push
  }, { cache: cachePlan } = planCache(
    validateBuild(buildInputs(metadata.tags, inputs.publish.push), builder, diskFiles, deps.cwd),
    builder,
    cacheOptions
  ), buildFor = async (tags, push, existingTags2, layout) => {
    let started = performance.now(), outcome = await buildImage({
      inputs: buildInputs(tags, push, layout),
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
      cwd: deps.cwd,
      // Recorded before the build runs: a failed or interrupted build still gets its post step.
      onLocalCache: (localCache) => keep({ localCache })
    });
    return buildSeconds = (performance.now() - started) / 1e3, outcome;
  };
  if (registries && reuse.look) {
    let options = await registries.prepare(builder.docker), lookup = await findCommitImage(images, reuse.tag, options.writers);
    if ("found" in lookup) {
      logger.info(`reusing ${lookup.found.reference} (${lookup.found.digest}): nothing is built`);
      let release = releasePromote(lookup.found, inputs, metadata, context, env);
      return phase("tags-written", options.images.join(", ")), result({ published: await promote({ ...options, ...release }), reused: lookup.found });
    }
    logger.notice(`no image to reuse for this release (${lookup.reason}): building`);
  } else !reuse.look && publishing && runRelease(context) && logger.info(`not reusing an image for this release: ${reuse.reason}`);
  if (!registries || !inputs.publish.push) {
    phase("build");
    let layout = exportsLayoutForReport(inputs.build, builder, !1) ? mkdtempSync(join5(env.RUNNER_TEMP || tmpdir(), "image-build-oci-")) : void 0, build2 = await buildFor(metadata.tags, !1, void 0, layout).catch((error) => {
      throw layout && rmSync(layout, { recursive: !0, force: !0 }), error;
    });
    return result({ build: build2, ...layout && { layout } });
  }
  let prepared = await preparePublish(await registries.prepare(builder.docker)), existingTags = prepared.targets[0]?.existingTags, { published, build } = await publishBuild({
    builder,
    prepared,
    build: (tags, push) => buildFor(tags, push, existingTags),
    cacheRefs: cacheRefsOf(cachePlan, cacheImage),
    tags: metadata.tags,
    runner,
    logger,
    env,
    phase
  });
  return result({ published, build, existingTags });
}
async function builderToUse(inputs, deps, env) {
  let { builder, buildkitEndpoint, buildkitDriverOpts } = inputs.build;
  if (!buildkitEndpoint) {
    if (buildkitDriverOpts.length)
      throw new InputError("buildkit-driver-opts", "options of a remote builder need buildkit-endpoint");
    return builder || void 0;
  }
  if (builder)
    throw new InputError(
      "buildkit-endpoint",
      `builder "${builder}" and buildkit-endpoint both name the builder to use: give one of them`
    );
  if (!deps.builder)
    return ensureRemoteBuilder(deps.runner, env, {
      endpoint: buildkitEndpoint,
      driverOpts: buildkitDriverOpts
    });
}
function checkPublish(images, options) {
  if (options.tags.length === 0)
    throw new InputError("tags", "no tag was computed for this run, so there is nothing to publish");
  parseImages(images), planPublish({ ...options, existingTags: [] });
}
function cacheRefsOf(cache, cacheImage) {
  let ref = cache.tagPublished;
  return ref && cacheImage ? [{ image: cacheImage, tag: ref.slice(ref.lastIndexOf(":") + 1) }] : [];
}
async function finish(metadata, context, state, registries, fields) {
  let { published, ...rest } = fields, scans = published && registries ? await registries.collectScans(published.digest) : [];
  return {
    ...rest,
    metadata,
    context,
    ...published && { publish: published, reportSource: reportSource(published) },
    scans,
    state: { ...state }
  };
}
async function computeTags(inputs, deps) {
  deps.logger.startGroup("Tags");
  let computed = await computeRunTags(inputs.metadata, deps);
  return computed.metadata.tags.forEach((tag) => deps.logger.info(tag)), deps.logger.endGroup(), computed;
}
function annotationsFor(inputs, metadata, builder) {
  let userGave = inputs.metadata.annotations.length > 0;
  return buildsIntoEngine(builder) && !userGave ? [] : leveledAnnotations(metadata).map((value, index) => ({ value, line: index + 1 }));
}
function defaultBranch(context) {
  return context.payload.repository?.default_branch;
}
function reportSource(published) {
  let first = published.registries[0];
  return first ? { image: first.image, digest: published.digest } : void 0;
}

export {
  userCacheDir,
  localCacheRoot,
  localCacheClient,
  runImageBuild,
  computeTags
};
