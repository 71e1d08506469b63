import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  PLAIN_FAMILY,
  RegistryAuthError,
  RegistryError,
  buildImage,
  buildsIntoEngine,
  classifyTag,
  createRegistryClient,
  detectBuilder,
  diskFiles,
  dockerConfigCredentials,
  dockerPush,
  dockerTag,
  ensureRemoteBuilder,
  expandImageTemplate,
  exportsLayoutForReport,
  familyVersion,
  findRelease,
  outputField,
  parseDockerfile,
  parseImageInput,
  parsePromoteSource,
  parseRegistry,
  planCache,
  pushCacheImages,
  readBuildInputs,
  readReportInputs,
  tagVersion,
  validateBuild,
  withDefaultRegistry
} from "./chunk-62PFAP5H.js";
import {
  readEcrInputs
} from "./chunk-2PT4JQTW.js";
import {
  MEDIA_TYPES,
  manifestBlobs,
  manifestConfigDigest,
  sha256Digest
} from "./chunk-BRXSFSZD.js";
import {
  githubCacheContext
} from "./chunk-JSZ6ZCTY.js";
import {
  actionsCacheClient,
  parseCachePreset,
  parseCacheSpec
} from "./chunk-VZOV2WUC.js";
import {
  parseEcrReference
} from "./chunk-GRZBPOVS.js";
import {
  computeRunTags
} from "./chunk-UF2JH5DV.js";
import {
  automaticBuildArgs,
  leveledAnnotations,
  parseEnvironment,
  parseMetadataInputs,
  runRelease,
  sourceDateEpoch
} from "./chunk-R2RM5ID2.js";
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  silentLogger
} from "./chunk-DSVLZ5QC.js";
import {
  formatReference,
  isValidTag
} from "./chunk-H5I7P22Y.js";
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

// src/publish/index.ts
var publish_exports = {};
__export(publish_exports, {
  PublishError: () => PublishError,
  annotateManifest: () => annotateManifest,
  applyPlan: () => applyPlan,
  classifyTag: () => classifyTag,
  commitTag: () => commitTag,
  completePublish: () => completePublish,
  decideReuse: () => decideReuse,
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
  readReleaseInputs: () => readReleaseInputs,
  registryWriters: () => registryWriters,
  releaseAnnotations: () => releaseAnnotations,
  splitList: () => splitList,
  splitReferences: () => splitReferences,
  tagVersion: () => tagVersion
});

// src/publish/guard.ts
var import_semver = __toESM(require_semver(), 1);
function highestReleaseInRange(floating, version, existingTags) {
  let { range } = floating;
  if (!range) return;
  let highest;
  for (let tag of existingTags)
    for (let family of floating.families ?? [PLAIN_FAMILY]) {
      let other = familyVersion(tag, family);
      !other || other.prerelease.length > 0 || range !== "latest" && other.major !== version.major || range === "minor" && other.minor !== version.minor || (!highest || import_semver.default.gt(other, highest.version)) && (highest = { tag, version: other });
    }
  return highest;
}
function highestInRange(range, version, existingTags, families = [PLAIN_FAMILY]) {
  return highestReleaseInRange({ range, families }, version, existingTags)?.version;
}
function guardFloatingTag(tag, version, existingTags) {
  if (tag.kind !== "floating" || !tag.range || !version) return;
  if (version.prerelease.length > 0)
    return {
      tag: tag.tag,
      reason: `${version.version} is a pre-release; pre-releases never move floating tags`
    };
  let highest = highestReleaseInRange(tag, version, existingTags);
  if (highest && import_semver.default.lt(version, highest.version)) {
    let scope = tag.range === "latest" ? "the repository" : `the ${tag.tag} range`, named = highest.tag === highest.version.version ? "" : ` (${highest.tag})`;
    return {
      tag: tag.tag,
      reason: `${version.version} is lower than ${highest.version.version}${named} already in ${scope}`,
      higher: highest.version.version
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
  let release = findRelease(tags, input.version !== void 0 ? parseVersion(input.version) : void 0), version = release?.version, classified = tags.map((tag) => {
    let c = classifyTag(tag, version, release?.family);
    return { ...c, immutable: c.kind === "version" || c.kind === "pinned" };
  }), primary;
  if (input.primaryTag !== void 0) {
    if (primary = classified.find((t) => t.tag === input.primaryTag), !primary)
      throw new InputError("primary-tag", `"${input.primaryTag}" is not one of the tags to publish`);
  } else
    primary = mostSpecific(classified, release);
  let guard = input.guardFloatingTags ?? !0, held = (tag) => guard ? markedPrerelease(tag, input.prerelease) ?? guardFloatingTag(tag, version, input.existingTags) : void 0, primaryHeld = held(primary);
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
    let reason = held(tag);
    reason ? heldBack.push(reason) : rest.push(tag);
  }
  return rest.sort((a, b) => rank(a) - rank(b)), { primary, tags: rest, heldBack, version: version?.version };
}
function markedPrerelease(tag, why) {
  return why && tag.kind === "floating" ? { tag: tag.tag, reason: why } : void 0;
}
function parseVersion(text) {
  let parsed = tagVersion(text.trim());
  if (!parsed) throw new InputError("version", `"${text}" is not a semantic version (e.g. 1.4.3 or v1.4.3)`);
  return parsed;
}
function mostSpecific(tags, release) {
  return tags.find(
    (t) => t.kind === "version" && release && familyVersion(t.tag, release.family)?.compare(release.version) === 0
  ) ?? tags.find((t) => t.kind === "pinned") ?? tags.find((t) => t.immutable) ?? tags.find((t) => t.kind !== "floating") ?? [...tags].sort((a, b) => rank(a) - rank(b))[0];
}

// src/publish/apply.ts
var import_semver2 = __toESM(require_semver(), 1);

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
  for (let group of [toWrite.filter((t) => t.immutable), toWrite.filter((t) => !t.immutable)])
    if (group.length !== 0) {
      try {
        await writer.putTags(
          repository,
          manifest,
          group.map((t) => t.tag)
        );
      } catch (error) {
        throw new PublishError(
          image,
          `writing tags ${group.map((t) => t.tag).join(", ")}: ${error.message}`,
          {
            cause: error
          }
        );
      }
      for (let tag of group) outcomes.set(tag.tag, { tag: tag.tag, status: "written" });
    }
  for (let held of plan.heldBack)
    outcomes.set(held.tag, { tag: held.tag, status: "held-back", reason: held.reason }), logger.notice(`${image}:${held.tag} held back: ${held.reason}`);
  return await settle(options, outcomes), [...outcomes.values()];
}
async function settle(options, outcomes) {
  let { writer, repository, manifest, plan, logger, image } = options, planned = new Map([plan.primary, ...plan.tags].map((t) => [t.tag, t]));
  for (let outcome of outcomes.values())
    outcome.status !== "held-back" && (outcome.digest = manifest.digest);
  let version = plan.version ? import_semver2.default.parse(plan.version) : null, floating = [...outcomes.values()].filter(
    (o) => o.status !== "held-back" && planned.get(o.tag)?.kind === "floating"
  );
  if (options.guardFloatingTags && version && floating.length > 0) {
    let tagsNow = await writer.listTags(repository);
    for (let outcome of floating) {
      let higher = highestReleaseInRange(planned.get(outcome.tag) ?? {}, version, tagsNow);
      if (!higher || !import_semver2.default.gt(higher.version, version)) continue;
      let { tag: owner, version: highest } = higher, theirs = await writer.getManifest(repository, owner);
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

// src/publish/release-manifest.ts
var OCI_BLOB_TYPES = {
  "application/vnd.docker.container.image.v1+json": "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.image.rootfs.diff.tar.gzip": "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.docker.image.rootfs.diff.tar": "application/vnd.oci.image.layer.v1.tar",
  "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip": "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
}, OCI_TYPES = /* @__PURE__ */ new Set([
  ...Object.values(OCI_BLOB_TYPES),
  "application/vnd.oci.image.layer.v1.tar+zstd",
  "application/vnd.oci.image.layer.nondistributable.v1.tar",
  "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"
]);
function annotateManifest(source, annotations) {
  let unchanged = (reason) => ({ manifest: source, annotated: !1, reason }), parsed;
  try {
    parsed = JSON.parse(Buffer.from(source.bytes).toString("utf8"));
  } catch {
    return unchanged("the manifest is not JSON");
  }
  let kind = manifestKind(source.mediaType, parsed);
  if (!kind) return unchanged(`a ${source.mediaType} manifest cannot carry annotations`);
  let merged = { ...asStrings(parsed.annotations) ?? {}, ...annotations }, { schemaVersion: _schema, mediaType: _type, annotations: _old, ...rest } = parsed, body;
  if (kind === "index")
    body = { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, ...rest, annotations: merged };
  else {
    let config = toOci(parsed.config), layers = parsed.layers.map(toOci), unknown = [config, ...layers].find((d) => !d.mediaType || !OCI_TYPES.has(d.mediaType));
    if (unknown)
      return unchanged(`its blob type ${unknown.mediaType ?? "(none)"} has no OCI image equivalent`);
    body = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      ...rest,
      config,
      layers,
      annotations: merged
    };
  }
  let bytes = new TextEncoder().encode(JSON.stringify(body)), mediaType = kind === "index" ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
  return { manifest: { bytes, mediaType, digest: sha256Digest(bytes) }, annotated: !0 };
}
function manifestKind(mediaType, parsed) {
  if (parsed.schemaVersion === 2) {
    if (mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList)
      return Array.isArray(parsed.manifests) ? "index" : void 0;
    if (mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest)
      return parsed.config?.digest && Array.isArray(parsed.layers) ? "image" : void 0;
  }
}
function toOci(descriptor) {
  let mediaType = descriptor.mediaType && (OCI_BLOB_TYPES[descriptor.mediaType] ?? descriptor.mediaType);
  return { ...descriptor, mediaType };
}
function asStrings(value) {
  if (!(value === null || typeof value != "object" || Array.isArray(value)))
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry) => typeof entry[1] == "string"
      )
    );
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
  let logger = options.logger ?? silentLogger, source = parsePromoteSource(options.source), sourceWriter = options.writers(source.registry), sourceRef = source.digest ?? source.tag, found = await sourceWriter.getManifest(source.repository, sourceRef).catch((error) => {
    throw error instanceof RegistryError && error.status === 404 ? new InputError("promote-from", `${options.source} does not exist in the registry`) : error;
  }), manifest = options.annotations ? annotated(found, options.annotations, logger) : found, targets = await prepareTargets(options);
  for (let target of targets)
    if (target.ref.registry !== source.registry) {
      let missing = await target.writer.getManifest(target.ref.repository, found.digest).then(
        () => {
        },
        (error) => error.message
      );
      if (missing !== void 0)
        throw new InputError(
          "promote-from",
          `${found.digest} is not in ${target.image} (${missing}); promote copies no blobs between registries, publish it there first`
        );
    }
  let registries = [];
  for (let target of targets) {
    let before = target.writer.requestCount?.() ?? 0;
    target.ref.registry === source.registry && target.ref.repository !== source.repository && await mountInto(target, source, manifest.bytes), logger.info(`promoting ${options.source} (${describePromoted(found, manifest)}) to ${target.image}`), registries.push(await finish(target, manifest, "write", before, options, logger));
  }
  return summarise(registries, targets);
}
function annotated(found, annotations, logger) {
  let result = annotateManifest(found, annotations);
  return result.annotated || logger.warning(`publishing ${found.digest} without annotations: ${result.reason}`), result.manifest;
}
function describePromoted(found, manifest) {
  return found.digest === manifest.digest ? found.digest : `${found.digest}, annotated as ${manifest.digest}`;
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

// src/publish/release.ts
function readReleaseInputs(get) {
  let text = get("reuse-commit").trim(), reuseCommit = "auto";
  if (text !== "" && text.toLowerCase() !== "auto")
    try {
      reuseCommit = parseBoolean("reuse-commit", text, !1) ? "commit" : "never";
    } catch {
      throw new InputError("reuse-commit", `"${text}" is not auto, true or false`);
    }
  return {
    reuseCommit,
    releaseAnnotations: parseBoolean("release-annotations", get("release-annotations"), !0)
  };
}
function commitTag(tags, sha) {
  let commit = sha.toLowerCase();
  if (/^[0-9a-f]{7,64}$/.test(commit))
    return tags.find(
      (tag) => [...tag.toLowerCase().matchAll(/[0-9a-f]+/g)].some(([run2]) => run2.length >= 7 && commit.startsWith(run2))
    );
}
function decideReuse(question) {
  let { mode } = question, explicit = mode === "commit", no = (reason) => {
    if (explicit) throw new InputError("reuse-commit", `reuse-commit: true ${reason}`);
    return { look: !1, reason };
  };
  if (mode === "never") return { look: !1, reason: "reuse-commit is false" };
  if (question.promoteFrom) {
    if (explicit)
      throw new InputError(
        "reuse-commit",
        "reuse-commit: true and promote-from both say which image to publish: keep one"
      );
    return { look: !1, reason: "promote-from names the image" };
  }
  if (!question.push) return no("needs push: true (nothing is published without it)");
  if (!explicit && !question.release) return { look: !1, reason: "this run is not a release" };
  if (!question.commitTag)
    return no(
      `finds the image by a tag that names the commit, and no tag names ${question.commit} (add type=sha to tags)`
    );
  if (!explicit) {
    if (question.releaseArgs === void 0)
      return { look: !1, reason: "the Dockerfile could not be read" };
    if (question.releaseArgs.length > 0)
      return {
        look: !1,
        reason: `the Dockerfile declares ${question.releaseArgs.map((name) => `ARG ${name}`).join(" and ")}, so the release's image differs from the branch build's (reuse-commit: true reuses it anyway)`
      };
  }
  return { look: !0, tag: question.commitTag };
}
function releaseAnnotations(entries, created) {
  let annotations = {};
  for (let entry of entries) {
    let index = entry.indexOf("=");
    if (index <= 0) continue;
    let value = entry.slice(index + 1);
    value && (annotations[entry.slice(0, index)] = value);
  }
  return annotations["org.opencontainers.image.created"] = created, annotations;
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
    primaryTag: get("primary-tag").trim() || void 0,
    ...readReleaseInputs(get)
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

// src/pipeline/inputs.ts
var IMAGE_INPUTS = /* @__PURE__ */ new Set(["images", "extra-images", "promote-from"]);
function readImageBuildInputs(readRaw) {
  let environment = parseEnvironment(readRaw("environment")), registry = parseRegistry(readRaw("registry")), read = (name) => IMAGE_INPUTS.has(name) ? expandImageTemplate(readRaw(name), name, environment?.name) : readRaw(name), metadata = parseMetadataInputs(
    (name) => name === "context" ? read("metadata-context") : name === "bake-target" ? "" : read(name),
    { tagReferences: !0, contextInput: "metadata-context" }
  );
  metadata.images = metadata.images.map((image) => ({
    ...image,
    name: withDefaultRegistry(image.name, registry)
  }));
  let computed = /* @__PURE__ */ new Set(["tags", "labels", "annotations", "push"]), build = readBuildInputs((name) => computed.has(name) ? "" : read(name));
  parseCachePreset(build.cache), build.cacheFrom.forEach((item) => parseCacheSpec(item, "cache-from")), build.cacheTo.forEach((item) => parseCacheSpec(item, "cache-to"));
  let publish2 = readPublishInputs(read), ecr = readEcrInputs(read);
  return {
    metadata,
    build: { ...build, push: !1 },
    publish: {
      ...publish2,
      extraImages: publish2.extraImages.map((name) => withDefaultRegistry(name, registry)),
      ...publish2.promoteFrom && { promoteFrom: withDefaultRegistry(publish2.promoteFrom, registry) },
      // `latest=always` is the build script's behaviour: nothing guards the floating tags.
      guardFloatingTags: publish2.guardFloatingTags && environment?.latest !== "always"
    },
    ecr,
    summary: parseBoolean("summary", read("summary"), !0),
    reportFile: read("report-file").trim() || void 0,
    report: readReportInputs(read, registry)
  };
}

// src/pipeline/local-cache.ts
import { readdirSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
function localCacheRoot(env) {
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, "image-build-cache");
  let xdg = env.XDG_CACHE_HOME;
  return xdg && isAbsolute(xdg) ? join(xdg, "image-build") : join(env.HOME || homedir(), ".cache", "image-build");
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
import { join as join4 } from "node:path";

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
import { join as join2 } from "node:path";
async function registrySession(options) {
  let { images, env, deps } = options, { runner, logger } = deps, ecrModule = images.some((image) => parseEcrReference(image)) ? await import("./prepare-53FGMNQY.js") : void 0, ecr = { targets: [] }, prepared, prepareOnce = async (docker) => (ecrModule && (ecr = await ecrModule.prepareEcr({
    images,
    inputs: options.ecr,
    runner,
    logger,
    env,
    tempRoot: env.RUNNER_TEMP,
    ...docker !== void 0 && { docker },
    // The runner's own logins (docker/login-action) and buildx builders must stay visible.
    inheritConfigFrom: env.DOCKER_CONFIG || join2(homedir2(), ".docker"),
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
import { isAbsolute as isAbsolute2, join as join3, resolve } from "node:path";
var RELEASE_ARGS = ["VERSION", "ENVIRONMENT"];
function releaseHoldReason(context) {
  let release = runRelease(context);
  if (release?.draft) return `the GitHub release ${release.tag} is a draft`;
  if (release?.prerelease) return `the GitHub release ${release.tag} is marked as a pre-release`;
}
function decideReleaseReuse(inputs, metadata, context, options = {}) {
  let { publish: publish2 } = inputs, release = runRelease(context) !== void 0, wantsArgs = publish2.reuseCommit === "auto" && release && publish2.push && !publish2.promoteFrom;
  return decideReuse({
    mode: publish2.reuseCommit,
    push: publish2.push,
    promoteFrom: publish2.promoteFrom,
    release,
    commitTag: commitTag(metadata.tagNames, context.sha),
    commit: context.sha.slice(0, 7),
    releaseArgs: wantsArgs ? releaseArgsDeclared(inputs, options) : []
  });
}
function releaseArgsDeclared(inputs, { cwd = process.cwd(), files = diskFiles }) {
  let file = inputs.build.file || join3(inputs.build.context, "Dockerfile"), path = isAbsolute2(file) ? file : resolve(cwd, file);
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
  let { publish: publish2 } = inputs, { source } = reused, tags = metadata.tagNames.filter((tag) => tag !== reused.tag);
  if (!publish2.releaseAnnotations || tags.length === 0)
    return { source, tags: metadata.tagNames, primaryTag: publish2.primaryTag };
  let created = (sourceDateEpoch(env) ?? runRelease(context)?.publishedAt ?? context.commitDate).toISOString();
  return {
    source,
    tags,
    primaryTag: publish2.primaryTag === reused.tag ? void 0 : publish2.primaryTag,
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
  }) : void 0, buildSeconds, result = (fields) => finish2(metadata, context, state, registries, { buildSeconds, ...fields });
  if (registries && inputs.publish.promoteFrom) {
    let options = await registries.prepare();
    return phase("tags-written", options.images.join(", ")), result({ published: await promote({ ...options, source: inputs.publish.promoteFrom }) });
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
    let layout = exportsLayoutForReport(inputs.build, builder, !1) ? mkdtempSync(join4(env.RUNNER_TEMP || tmpdir(), "image-build-oci-")) : void 0, build2 = await buildFor(metadata.tags, !1, void 0, layout).catch((error) => {
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
async function finish2(metadata, context, state, registries, fields) {
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
  registryWriters,
  parseImages,
  publishedReferences,
  publish_exports,
  readImageBuildInputs,
  localCacheRoot,
  localCacheClient,
  runImageBuild,
  computeTags
};
