import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  asCredentialsError,
  checkEcrCredentials,
  createEcrClient,
  ecrClientOptionsFor
} from "./chunk-DUHKCMUE.js";
import {
  require_dist_cjs
} from "./chunk-GB3EZ7WS.js";
import {
  resolveEcrRegion,
  sha256Digest
} from "./chunk-P24YWDYR.js";
import {
  ecrLogin
} from "./chunk-HDGPXKQO.js";
import {
  ecrRepositoryNameProblem,
  ecrRepositoryUri,
  parseEcrReference
} from "./chunk-GRZBPOVS.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import {
  __toESM
} from "./chunk-EHNN3ETZ.js";

// src/ecr/prepare.ts
import { rmSync } from "node:fs";

// src/ecr/repository.ts
var import_client_ecr = __toESM(require_dist_cjs(), 1);
async function ensureEcrRepository(options) {
  let { client, logger, repository, settings } = options, problem = ecrRepositoryNameProblem(repository);
  if (problem) throw new InputError("images", problem);
  let registry = options.registryId !== void 0 ? { registryId: options.registryId } : {}, found, created = !1;
  try {
    if (found = await describe(client, repository, registry), !found) {
      if (!settings.createRepository)
        throw new InputError(
          "ecr-create-repository",
          `ECR repository "${repository}" does not exist and ecr-create-repository is false`
        );
      if (found = await create(options, registry), created = found !== void 0, found ??= await describe(client, repository, registry), !found) throw new Error(`ECR repository "${repository}" was neither found nor created`);
    }
  } catch (error) {
    throw asCredentialsError(error);
  }
  let info = {
    name: repository,
    uri: found.repositoryUri ?? repository,
    ...found.repositoryArn !== void 0 && { arn: found.repositoryArn },
    created,
    tagMutability: found.imageTagMutability ?? "MUTABLE",
    scanOnPush: found.imageScanningConfiguration?.scanOnPush ?? !1,
    lifecyclePolicy: "none"
  };
  return created ? logger.info(
    `Created ECR repository ${info.uri} (${info.tagMutability}, scan on push ${info.scanOnPush})`
  ) : reportDifferences(info, settings, logger), settings.lifecycleExpireUntaggedDays !== void 0 && (info.lifecyclePolicy = await ensureLifecyclePolicy(
    options,
    settings.lifecycleExpireUntaggedDays,
    created
  )), info;
}
async function describe(client, repository, registry) {
  try {
    return (await client.send(
      new import_client_ecr.DescribeRepositoriesCommand({ ...registry, repositoryNames: [repository] })
    )).repositories?.[0];
  } catch (error) {
    if (error instanceof import_client_ecr.RepositoryNotFoundException) return;
    throw error;
  }
}
async function create(options, registry) {
  let { settings } = options;
  try {
    return (await options.client.send(
      new import_client_ecr.CreateRepositoryCommand({
        ...registry,
        repositoryName: options.repository,
        imageTagMutability: settings.tagMutability,
        ...settings.tagMutabilityExclusions.length > 0 && {
          imageTagMutabilityExclusionFilters: settings.tagMutabilityExclusions.map((filter) => ({
            filterType: "WILDCARD",
            filter
          }))
        },
        imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
        encryptionConfiguration: {
          encryptionType: settings.encryption,
          ...settings.kmsKey !== void 0 && { kmsKey: settings.kmsKey }
        },
        ...settings.repositoryTags.length > 0 && {
          tags: settings.repositoryTags.map((tag) => ({ Key: tag.key, Value: tag.value }))
        }
      })
    )).repository;
  } catch (error) {
    if (error instanceof import_client_ecr.RepositoryAlreadyExistsException) return;
    throw error;
  }
}
function reportDifferences(info, settings, logger) {
  info.tagMutability !== settings.tagMutability && logger.notice(
    `ECR repository ${info.name} is ${info.tagMutability}, not ${settings.tagMutability}: left as it is`
  ), info.scanOnPush !== settings.scanOnPush && logger.notice(`ECR repository ${info.name} has scan on push ${info.scanOnPush}: left as it is`);
}
function untaggedExpiryPolicy(days) {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images after ${days} days (image-build)`,
        selection: {
          tagStatus: "untagged",
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: days
        },
        action: { type: "expire" }
      }
    ]
  });
}
async function ensureLifecyclePolicy(options, days, created) {
  let { client, repository, logger } = options, registry = options.registryId !== void 0 ? { registryId: options.registryId } : {};
  if (!created)
    try {
      return await client.send(new import_client_ecr.GetLifecyclePolicyCommand({ ...registry, repositoryName: repository })), logger.notice(`ECR repository ${repository} already has a lifecycle policy: left as it is`), "kept";
    } catch (error) {
      if (!(error instanceof import_client_ecr.LifecyclePolicyNotFoundException)) throw error;
    }
  return await client.send(
    new import_client_ecr.PutLifecyclePolicyCommand({
      ...registry,
      repositoryName: repository,
      lifecyclePolicyText: untaggedExpiryPolicy(days)
    })
  ), logger.info(`Lifecycle policy on ${repository}: untagged images expire after ${days} days`), "applied";
}

// src/ecr/scan.ts
var import_client_ecr2 = __toESM(require_dist_cjs(), 1), FINAL = /* @__PURE__ */ new Set([
  "COMPLETE",
  "ACTIVE",
  "FAILED",
  "UNSUPPORTED_IMAGE",
  "FINDINGS_UNAVAILABLE",
  "SCAN_ELIGIBILITY_EXPIRED",
  "LIMIT_EXCEEDED",
  "IMAGE_ARCHIVED"
]);
function emptySeverityCounts() {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 };
}
async function waitForScanFindings(options) {
  let now = options.now ?? Date.now, sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))), pollMs = (options.pollSeconds ?? 5) * 1e3, deadline = now() + options.timeoutSeconds * 1e3, base = { repository: options.repository, digest: options.digest }, last = {
    status: "TIMED_OUT",
    counts: emptySeverityCounts(),
    total: 0
  };
  for (; ; ) {
    try {
      let response = await options.client.send(
        new import_client_ecr2.DescribeImageScanFindingsCommand({
          ...options.registryId !== void 0 && { registryId: options.registryId },
          repositoryName: options.repository,
          imageId: { imageDigest: options.digest },
          maxResults: 1
        })
      ), status = response.imageScanStatus?.status, counts = { ...emptySeverityCounts(), ...response.imageScanFindings?.findingSeverityCounts };
      if (last = {
        status: "TIMED_OUT",
        ...status && { description: `last status ${status}` },
        counts,
        total: Object.values(counts).reduce((sum, count) => sum + count, 0)
      }, status && FINAL.has(status)) {
        let completedAt = response.imageScanFindings?.imageScanCompletedAt, description = response.imageScanStatus?.description;
        return {
          ...base,
          status,
          counts: last.counts,
          total: last.total,
          ...description !== void 0 && { description },
          ...completedAt && { completedAt: completedAt.toISOString() }
        };
      }
    } catch (error) {
      if (!(error instanceof import_client_ecr2.ScanNotFoundException)) throw error;
    }
    let remaining = deadline - now();
    if (remaining <= 0) break;
    await sleep(Math.min(pollMs, remaining));
  }
  return options.logger.warning(
    `ECR scan of ${options.repository}@${options.digest} did not finish within ${options.timeoutSeconds}s`
  ), { ...base, ...last };
}

// src/ecr/tag-writer.ts
var import_client_ecr3 = __toESM(require_dist_cjs(), 1);
var ECR_MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
], EcrImmutableTagError = class extends Error {
  constructor(repository, tag, existingDigest, newDigest) {
    super(
      `tag "${tag}" in the IMMUTABLE ECR repository "${repository}" already points to ${existingDigest}, not to this image ${newDigest}; immutable tags cannot move: publish under a new tag, or make the repository MUTABLE`
    );
    this.repository = repository;
    this.tag = tag;
    this.existingDigest = existingDigest;
    this.newDigest = newDigest;
    this.name = "EcrImmutableTagError";
  }
  repository;
  tag;
  existingDigest;
  newDigest;
};
function createEcrTagWriter(options) {
  let { client } = options, registry = options.registryId !== void 0 ? { registryId: options.registryId } : {}, fetchImage = async (repository, imageId) => {
    let response = await client.send(
      new import_client_ecr3.BatchGetImageCommand({
        ...registry,
        repositoryName: repositoryName(repository),
        imageIds: [imageId],
        acceptedMediaTypes: [...ECR_MANIFEST_MEDIA_TYPES]
      })
    ), image = response.images?.[0], failure = response.failures?.[0];
    if (!image && failure && failure.failureCode !== "ImageNotFound") {
      let id = imageId.imageTag ?? imageId.imageDigest;
      throw new Error(
        `ECR BatchGetImage for ${repositoryName(repository)}:${id} failed: ${failure.failureCode}: ${failure.failureReason ?? ""}`.trim()
      );
    }
    return image;
  }, resolveTag = async (repository, tag) => (await fetchImage(repository, { imageTag: tag }))?.imageId?.imageDigest;
  return {
    resolveTag,
    async listTags(repository) {
      let tags = [], pages = (0, import_client_ecr3.paginateListImages)(
        { client },
        { ...registry, repositoryName: repositoryName(repository), filter: { tagStatus: "TAGGED" } }
      );
      for await (let page of pages)
        for (let id of page.imageIds ?? []) id.imageTag && tags.push(id.imageTag);
      return [...new Set(tags)].sort();
    },
    async getManifest(repository, reference) {
      let imageId = reference.startsWith("sha256:") ? { imageDigest: reference } : { imageTag: reference }, image = await fetchImage(repository, imageId);
      if (!image?.imageManifest)
        throw new Error(`${repositoryName(repository)}:${reference} was not found in ECR`);
      let bytes = new TextEncoder().encode(image.imageManifest), digest = sha256Digest(bytes), reported = image.imageId?.imageDigest;
      if (reported && reported !== digest)
        throw new Error(`ECR returned manifest bytes for ${reported} that hash to ${digest}`);
      return { bytes, digest, mediaType: image.imageManifestMediaType ?? mediaTypeOf(image.imageManifest) };
    },
    async putTags(repository, manifest, tags) {
      let name = repositoryName(repository), imageManifest = new TextDecoder().decode(manifest.bytes);
      for (let tag of tags)
        try {
          await client.send(
            new import_client_ecr3.PutImageCommand({
              ...registry,
              repositoryName: name,
              imageManifest,
              imageManifestMediaType: manifest.mediaType,
              imageDigest: manifest.digest,
              imageTag: tag
            })
          );
        } catch (error) {
          if (error instanceof import_client_ecr3.ImageAlreadyExistsException) continue;
          if (!(error instanceof import_client_ecr3.ImageTagAlreadyExistsException)) throw error;
          let existing = await resolveTag(name, tag);
          if (existing === manifest.digest) continue;
          throw new EcrImmutableTagError(name, tag, existing ?? "an unknown digest", manifest.digest);
        }
    }
  };
}
function repositoryName(repository) {
  return parseEcrReference(repository)?.repository ?? repository;
}
function mediaTypeOf(manifest) {
  let parsed = JSON.parse(manifest);
  return parsed.mediaType ? parsed.mediaType : parsed.manifests ? ECR_MANIFEST_MEDIA_TYPES[0] : ECR_MANIFEST_MEDIA_TYPES[1];
}

// src/ecr/targets.ts
function planEcrTargets(images, inputs) {
  let targets = /* @__PURE__ */ new Map();
  for (let image of images) {
    let reference = parseEcrReference(image);
    if (!reference) continue;
    let repositoryUri = ecrRepositoryUri(reference);
    targets.has(repositoryUri) || targets.set(repositoryUri, {
      reference,
      region: resolveEcrRegion(reference, inputs),
      repositoryUri,
      managed: reference.kind === "private"
    });
  }
  return [...targets.values()];
}

// src/ecr/prepare.ts
async function prepareEcr(options) {
  let managed = planEcrTargets(options.images, options.inputs).filter((target) => target.managed);
  if (managed.length === 0) return { targets: [] };
  let clientFor = options.clientFor ?? ((target) => createEcrClient(ecrClientOptionsFor(target.reference, target.region))), groups = /* @__PURE__ */ new Map();
  for (let target of managed) {
    let key = `${target.region}|${target.reference.registry}`, group = groups.get(key) ?? { client: clientFor(target), targets: [] };
    group.targets.push(target), groups.set(key, group);
  }
  for (let group of groups.values()) await checkEcrCredentials(group.client);
  let prepared = [];
  for (let { client, targets } of groups.values())
    for (let target of targets) {
      let registryId = target.reference.kind === "private" ? target.reference.accountId : void 0, repository = await ensureEcrRepository({
        client,
        logger: options.logger,
        repository: target.reference.repository,
        ...registryId !== void 0 && { registryId },
        settings: options.inputs
      });
      prepared.push({
        target,
        repository,
        client,
        tagWriter: createEcrTagWriter({ client, ...registryId && { registryId } })
      });
    }
  let login;
  for (let { client, targets } of groups.values()) {
    let registries = [...new Set(targets.map((target) => target.reference.registry))], accounts = [
      ...new Set(targets.flatMap((t) => t.reference.kind === "private" ? [t.reference.accountId] : []))
    ], state;
    try {
      state = await ecrLogin({
        client,
        runner: options.runner,
        logger: options.logger,
        registries,
        registryIds: accounts,
        ...options.docker !== void 0 && { docker: options.docker },
        ...options.env !== void 0 && { env: options.env },
        ...options.tempRoot !== void 0 && { tempRoot: options.tempRoot },
        ...options.inheritConfigFrom !== void 0 && { inheritConfigFrom: options.inheritConfigFrom },
        ...login && { dockerConfig: login.dockerConfig }
      });
    } catch (error) {
      throw login && rmSync(login.dockerConfig, { recursive: !0, force: !0 }), error;
    }
    login = login ? { ...login, registries: [...login.registries, ...state.registries] } : state;
  }
  return { targets: prepared, ...login && { login } };
}
async function collectEcrScanFindings(prepared, digest, options) {
  if (options.inputs.waitForScanSeconds <= 0) return [];
  let results = [];
  for (let { target, repository, client } of prepared.targets)
    repository.scanOnPush && results.push(
      await waitForScanFindings({
        client,
        logger: options.logger,
        repository: repository.name,
        digest,
        ...target.reference.kind === "private" && { registryId: target.reference.accountId },
        timeoutSeconds: options.inputs.waitForScanSeconds,
        ...options.pollSeconds !== void 0 && { pollSeconds: options.pollSeconds }
      })
    );
  return results;
}

export {
  ensureEcrRepository,
  untaggedExpiryPolicy,
  emptySeverityCounts,
  waitForScanFindings,
  ECR_MANIFEST_MEDIA_TYPES,
  EcrImmutableTagError,
  createEcrTagWriter,
  planEcrTargets,
  prepareEcr,
  collectEcrScanFindings
};
