import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/ecr/inputs.ts
var ECR_INPUT_DEFAULTS = {
  "aws-region": "",
  "ecr-create-repository": "true",
  "ecr-scan-on-push": "true",
  "ecr-tag-mutability": "MUTABLE",
  "ecr-tag-mutability-exclusions": "",
  "ecr-encryption": "AES256",
  "ecr-kms-key": "",
  "ecr-repository-tags": "",
  "ecr-lifecycle-expire-untagged-days": "",
  "ecr-wait-for-scan": "120"
}, REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/, MUTABILITIES = [
  "MUTABLE",
  "IMMUTABLE",
  "MUTABLE_WITH_EXCLUSION",
  "IMMUTABLE_WITH_EXCLUSION"
], ENCRYPTIONS = ["AES256", "KMS", "KMS_DSSE"];
function readEcrInputs(getInput) {
  let read = (name) => {
    let value = getInput(name).trim();
    return value === "" ? ECR_INPUT_DEFAULTS[name] : value;
  }, region = read("aws-region") || void 0;
  if (region !== void 0 && !REGION.test(region))
    throw new InputError("aws-region", `"${region}" is not an AWS region (e.g. eu-west-1)`);
  let tagMutability = oneOf("ecr-tag-mutability", read("ecr-tag-mutability").toUpperCase(), MUTABILITIES), tagMutabilityExclusions = lines(read("ecr-tag-mutability-exclusions")).map((entry) => entry.text);
  if (tagMutability.endsWith("_WITH_EXCLUSION") !== tagMutabilityExclusions.length > 0)
    throw new InputError(
      "ecr-tag-mutability-exclusions",
      tagMutabilityExclusions.length > 0 ? `exclusion filters only apply to MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION, not ${tagMutability}` : `${tagMutability} needs at least one wildcard filter (e.g. "latest" or "dev-*")`
    );
  let encryption = oneOf("ecr-encryption", read("ecr-encryption").toUpperCase(), ENCRYPTIONS), kmsKey = read("ecr-kms-key") || void 0;
  if (kmsKey !== void 0 && encryption === "AES256")
    throw new InputError("ecr-kms-key", "a KMS key needs ecr-encryption KMS or KMS_DSSE, not AES256");
  let days = read("ecr-lifecycle-expire-untagged-days"), waitForScan = read("ecr-wait-for-scan");
  return {
    ...region !== void 0 && { region },
    createRepository: bool("ecr-create-repository", read("ecr-create-repository")),
    scanOnPush: bool("ecr-scan-on-push", read("ecr-scan-on-push")),
    tagMutability,
    tagMutabilityExclusions,
    encryption,
    ...kmsKey !== void 0 && { kmsKey },
    repositoryTags: resourceTags(read("ecr-repository-tags")),
    ...days !== "" && {
      lifecycleExpireUntaggedDays: wholeNumber("ecr-lifecycle-expire-untagged-days", days, 1)
    },
    waitForScanSeconds: wholeNumber("ecr-wait-for-scan", waitForScan, 0)
  };
}
function resolveEcrRegion(reference, inputs) {
  if (reference.kind === "public") return reference.region;
  if (inputs.region !== void 0 && inputs.region !== reference.region)
    throw new InputError(
      "aws-region",
      `"${inputs.region}" does not match the region of ${reference.registry} (${reference.region}); remove aws-region or set it to ${reference.region}`
    );
  return reference.region;
}
function oneOf(input, value, allowed) {
  let found = allowed.find((candidate) => candidate === value);
  if (!found) throw new InputError(input, `"${value}" is not one of ${allowed.join(", ")}`);
  return found;
}
function bool(input, value) {
  return parseBoolean(input, value, !1);
}
function wholeNumber(input, value, minimum) {
  if (!/^\d+$/.test(value) || Number(value) < minimum)
    throw new InputError(input, `"${value}" is not a whole number of at least ${minimum}`);
  return Number(value);
}
function lines(value) {
  return value.split(/\r?\n/).flatMap((text, index) => text.split(",").map((part) => ({ text: part.trim(), line: index + 1 }))).filter((entry) => entry.text !== "");
}
function resourceTags(value) {
  let tags = [];
  for (let { text, line } of lines(value)) {
    let equals = text.indexOf("=");
    if (equals <= 0) throw new InputError("ecr-repository-tags", `"${text}" is not Key=Value`, { line });
    let key = text.slice(0, equals).trim(), tagValue = text.slice(equals + 1).trim();
    if (key.length > 128)
      throw new InputError("ecr-repository-tags", "keys are at most 128 characters", { line, field: key });
    if (tagValue.length > 256)
      throw new InputError("ecr-repository-tags", "values are at most 256 characters", { line, field: key });
    if (/^aws:/i.test(key))
      throw new InputError("ecr-repository-tags", "the aws: prefix is reserved", { line, field: key });
    if (tags.some((tag) => tag.key === key))
      throw new InputError("ecr-repository-tags", "the key is given twice", { line, field: key });
    tags.push({ key, value: tagValue });
  }
  return tags;
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

export {
  ECR_INPUT_DEFAULTS,
  readEcrInputs,
  resolveEcrRegion,
  MEDIA_TYPES,
  MANIFEST_ACCEPT,
  sha256Digest,
  manifestBlobs,
  indexManifests,
  isIndexMediaType,
  detectMediaType,
  manifestConfigDigest
};
