import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

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
  MEDIA_TYPES,
  MANIFEST_ACCEPT,
  sha256Digest,
  manifestBlobs,
  indexManifests,
  isIndexMediaType,
  detectMediaType,
  manifestConfigDigest
};
