import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRegistryClient,
  dockerConfigCredentials,
  publishedReferences
} from "./chunk-XENPY3AT.js";
import {
  metadataValueOutputs
} from "./chunk-V5NXZBP3.js";
import {
  parseReference,
  repositoryName
} from "./chunk-TJHWOVG4.js";
import {
  cacheHitRate
} from "./chunk-6P52IAYP.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
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
  BASE_DIGEST_ANNOTATION: () => BASE_DIGEST_ANNOTATION,
  BASE_NAME_ANNOTATION: () => BASE_NAME_ANNOTATION,
  CHECK_NAMES: () => CHECK_NAMES,
  COMMENT_LIMIT_CHARACTERS: () => COMMENT_LIMIT_CHARACTERS,
  ECR_PRICE_PER_GB_MONTH: () => ECR_PRICE_PER_GB_MONTH,
  ImageContentError: () => ImageContentError,
  REPORT_SCHEMA_VERSION: () => REPORT_SCHEMA_VERSION,
  SEVERITIES: () => SEVERITIES,
  SUMMARY_LIMIT_BYTES: () => SUMMARY_LIMIT_BYTES,
  alignLayers: () => alignLayers,
  analyzeLayerFiles: () => analyzeLayerFiles,
  analyzeLayers: () => analyzeLayers,
  baseFromAnnotations: () => baseFromAnnotations,
  buildFacts: () => buildFacts,
  buildImageReport: () => buildImageReport,
  cleanInstruction: () => cleanInstruction,
  codeBlock: () => codeBlock,
  compareWithBaseline: () => compareWithBaseline,
  formatBytes: () => formatBytes,
  formatDelta: () => formatDelta,
  formatPercent: () => formatPercent,
  formatSeconds: () => formatSeconds,
  historyForLayers: () => historyForLayers,
  imageModelFromMetadata: () => imageModelFromMetadata,
  isIndex: () => isIndex,
  layerBuildFacts: () => layerBuildFacts,
  mdText: () => mdText,
  monthlyStorageCost: () => monthlyStorageCost,
  overallStatus: () => overallStatus,
  platformManifests: () => platformManifests,
  platformText: () => platformText,
  pullBytes: () => pullBytes,
  readDockerSave: () => readDockerSave,
  readEngineImage: () => readEngineImage,
  readOciLayout: () => readOciLayout,
  renderPullRequestComment: () => renderPullRequestComment,
  renderReportJson: () => renderReportJson,
  renderSummaryMarkdown: () => renderSummaryMarkdown,
  renderTerminal: () => renderTerminal,
  reportCommentMarker: () => reportCommentMarker,
  reportDocument: () => reportDocument,
  resolveBase: () => resolveBase,
  row: () => row,
  runChecks: () => runChecks,
  runSmokeTest: () => runSmokeTest,
  selectPlatform: () => selectPlatform,
  severityCounts: () => severityCounts,
  smokeTestCheck: () => smokeTestCheck,
  summarisePlatform: () => summarisePlatform,
  unavailableImageModel: () => unavailableImageModel
});

// src/report/model/oci.ts
var BASE_NAME_ANNOTATION = "org.opencontainers.image.base.name", BASE_DIGEST_ANNOTATION = "org.opencontainers.image.base.digest";
function platformText(platform) {
  if (!(!platform?.os || !platform.architecture))
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function isIndex(document) {
  return Array.isArray(document.manifests);
}

// src/report/model/platforms.ts
function platformManifests(index) {
  return index.manifests.filter(
    (entry) => entry.platform?.os !== "unknown" && entry.platform?.architecture !== "unknown" && entry.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest"
  );
}
function selectPlatform(index, platform, input = "platform") {
  let candidates = platformManifests(index);
  if (!platform) {
    let first = candidates[0];
    if (!first) throw new InputError(input, "the image index has no runnable platform (only attestations)");
    return first;
  }
  let wanted = normalisePlatform(platform), found = candidates.find((entry) => normalisePlatform(platformText(entry.platform) ?? "") === wanted);
  if (found) return found;
  let available = candidates.map((entry) => platformText(entry.platform) ?? entry.digest);
  throw new InputError(
    input,
    `the image index has no ${platform} image; it has ${available.length ? available.join(", ") : "none"}`
  );
}
function normalisePlatform(text) {
  let parts = text.trim().toLowerCase().split("/"), [os, architecture, variant] = parts.length === 1 ? ["linux", parts[0]] : parts;
  return [os, architecture, architecture === "arm64" && variant === "v8" ? void 0 : variant].filter(Boolean).join("/");
}

// src/report/model/history.ts
function historyForLayers(layerCount2, history) {
  let producing = (history ?? []).filter((entry) => !entry.empty_layer), offset = producing.length - layerCount2;
  return { layers: Array.from({ length: layerCount2 }, (_, index) => {
    let entry = producing[index + offset];
    return entry ? { instruction: cleanInstruction(entry.created_by ?? entry.comment), createdAt: entry.created } : {};
  }), mismatch: history !== void 0 && offset !== 0 };
}
function cleanInstruction(createdBy) {
  if (!createdBy?.trim()) return;
  let text = createdBy.trim().replace(/\s+# buildkit$/, ""), nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return text.slice(nop[0].length).trim() || void 0;
  let shell = /^(?:RUN\s+)?(?:\|\d+\s(?:.*?\s)??)?\/bin\/sh -c\s+/s.exec(text);
  return shell && (text = `RUN ${text.slice(shell[0].length)}`), text.trim();
}

// src/report/model/base.ts
function baseFromAnnotations(...sources) {
  for (let annotations of sources) {
    let name = annotations?.[BASE_NAME_ANNOTATION], digest = annotations?.[BASE_DIGEST_ANNOTATION];
    if (name || digest) return { name, digest };
  }
}
function resolveBase(hint, diffIds) {
  if (!hint) return;
  let named = { name: hint.name, digest: hint.digest };
  return hint.diffIds?.length && hint.diffIds.every((diffId, index) => diffIds[index] === diffId) ? { ...named, layerCount: hint.diffIds.length, matchedBy: "diff-ids" } : hint.layerCount !== void 0 && hint.layerCount <= diffIds.length ? { ...named, layerCount: hint.layerCount, matchedBy: "given" } : hint.name || hint.digest ? { ...named, layerCount: 0, matchedBy: "annotation" } : void 0;
}

// src/report/model/from-metadata.ts
function imageModelFromMetadata(input) {
  let { manifest, config } = input, compressed = input.compressedLayers ?? !0, diffIds = config.rootfs?.diff_ids ?? [], descriptor = input.index?.document.manifests.find((entry) => entry.digest === input.digest), annotated = baseFromAnnotations(manifest.annotations, descriptor?.annotations), base = resolveBase(input.base ?? annotated, diffIds) ?? resolveBase(annotated, diffIds), baseLayers = base?.layerCount ?? 0, history = historyForLayers(manifest.layers.length, config.history), layers = manifest.layers.map((layer, index) => {
    let origin = index < baseLayers ? "base" : "own", { instruction, createdAt } = history.layers[index];
    return {
      index,
      digest: layer.digest,
      diffId: diffIds[index],
      compressedBytes: compressed ? layer.size : void 0,
      uncompressedBytes: compressed ? void 0 : layer.size,
      instruction: instruction ?? (origin === "base" ? `base image layer ${index + 1}` : `layer ${index + 1}`),
      ...instruction === void 0 && { instructionInferred: !0 },
      createdAt,
      origin
    };
  }), healthTest = config.config?.Healthcheck?.Test, platform = platformText(config) ?? platformText(descriptor?.platform), model = {
    image: input.image,
    source: input.source ?? "registry",
    digest: input.digest,
    indexDigest: input.index?.digest,
    platform,
    tags: [...input.tags ?? []],
    created: config.created,
    configBytes: manifest.config.size,
    compressedBytes: compressed ? pullBytes(manifest) : void 0,
    layers,
    base: base ? { ...base, name: base.name ?? annotated?.name, digest: base.digest ?? annotated?.digest } : void 0,
    user: config.config?.User,
    hasHealthcheck: !!(healthTest?.length && healthTest[0] !== "NONE"),
    historyMismatch: history.mismatch || void 0
  };
  return input.index && (model.platforms = platformManifests(input.index.document).map(
    (entry) => entry.digest === input.digest && compressed ? summarisePlatform(entry, manifest) : summarisePlatform(entry)
  )), model;
}
function pullBytes(manifest) {
  return manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.size);
}
function summarisePlatform(entry, manifest) {
  return {
    platform: platformText(entry.platform) ?? "unknown",
    digest: entry.digest,
    ...manifest && { compressedBytes: pullBytes(manifest), layerCount: manifest.layers.length }
  };
}

// src/report/contents/analyze.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { crc32 as crc322 } from "node:zlib";

// src/report/contents/filesystem.ts
var PathNode = class {
  constructor(name) {
    this.name = name;
  }
  name;
  children;
  kind = 1 /* Directory */;
  present = !1;
  /** Size of the visible version. */
  bytes = 0;
  /** Layer of the visible version (or of the last deletion). */
  layer = -1;
  occurrences = 0;
  cumulative = 0;
  smallest = 0;
  fingerprint;
  /** Where the visible version's content starts in its layer's source, when known. */
  offset;
  get isFile() {
    return this.kind === 0 /* File */;
  }
}, KINDS = {
  file: 0 /* File */,
  directory: 1 /* Directory */,
  link: 2 /* Link */,
  other: 3 /* Other */
}, LayeredFilesystem = class {
  root = new PathNode("");
  layers = [];
  /** Starts a layer; entries are then applied with `apply`, in tar order. */
  beginLayer(index) {
    let layer = {
      index,
      tarBytes: 0,
      uncompressedBytes: 0,
      files: 0,
      directories: 0,
      links: 0,
      added: 0,
      modified: 0,
      removed: 0,
      whiteouts: 0,
      opaqueDirectories: 0,
      reclaimableBytes: 0
    };
    return this.layers[index] = layer, layer;
  }
  apply(layer, entry) {
    if (entry.kind === "whiteout" || entry.kind === "opaque") {
      this.delete(layer, entry);
      return;
    }
    let node = this.node(entry.path, layer), kind = KINDS[entry.kind] ?? 3 /* Other */;
    kind === 0 /* File */ ? (layer.files++, layer.uncompressedBytes += entry.bytes) : kind === 1 /* Directory */ ? layer.directories++ : kind === 2 /* Link */ && (layer.links++, layer.uncompressedBytes += entry.bytes);
    let replacesLower = node.present && node.layer < layer.index;
    node.present && kind !== 1 /* Directory */ && node.children && (layer.removed += hide(node, layer.index, !0), node.children = void 0), (kind !== 1 /* Directory */ || !node.present) && (replacesLower ? layer.modified++ : node.present || layer.added++);
    let bytes = kind === 0 /* File */ ? entry.bytes : 0;
    node.kind = kind, node.present = !0, node.bytes = bytes, node.layer = layer.index, node.fingerprint = entry.fingerprint, node.offset = entry.offset, this.occur(node, bytes, layer);
  }
  delete(layer, entry) {
    let opaque = entry.kind === "opaque";
    opaque ? layer.opaqueDirectories++ : layer.whiteouts++;
    let node = this.find(entry.path);
    if (!node?.present) return;
    let hidden = 0, removedFiles = 0, visit = (current, removeSelf) => {
      removeSelf && current.layer < layer.index && (hidden += current.kind === 0 /* File */ ? current.bytes : 0, removedFiles += current.kind === 0 /* File */ ? 1 : 0, current.present = !1, current.layer = layer.index);
      for (let child of current.children?.values() ?? [])
        child.present && visit(child, !0);
    };
    visit(node, !opaque), layer.removed += removedFiles, this.occur(node, hidden, layer);
  }
  /**
   * Records one write or deletion of a path. The layer that re-touches a path is charged the growth of
   * that path's reclaimable bytes (cumulative − smallest), so the per-layer figures add up to the total.
   */
  occur(node, bytes, layer) {
    if (node.occurrences > 0) {
      let growth = Math.max(bytes, node.smallest);
      layer.reclaimableBytes += growth, node.smallest = Math.min(node.smallest, bytes);
    } else node.smallest = bytes;
    node.cumulative += bytes, node.occurrences++;
  }
  node(path, layer) {
    let names = path.split("/"), current = this.root;
    return names.forEach((name, depth) => {
      current.children ??= /* @__PURE__ */ new Map();
      let child = current.children.get(name);
      child || (child = new PathNode(name), current.children.set(name, child)), depth < names.length - 1 && !child.present && (child.kind = 1 /* Directory */, child.present = !0, child.layer = layer.index, this.occur(child, 0, layer)), current = child;
    }), current;
  }
  find(path) {
    let current = this.root;
    for (let name of path ? path.split("/") : []) current = current?.children?.get(name);
    return current;
  }
};
function hide(node, layerIndex, childrenOnly) {
  let files = 0;
  !childrenOnly && node.present && (node.present = !1, node.layer = layerIndex, node.isFile && files++);
  for (let child of node.children?.values() ?? []) files += hide(child, layerIndex, !1);
  return files;
}

// src/report/sources/errors.ts
var ImageContentError = class extends Error {
  constructor(message) {
    super(message), this.name = "ImageContentError";
  }
};

// src/report/contents/entries.ts
var ZSTD = [40, 181, 47, 253], OPAQUE = ".wh..wh..opq", WHITEOUT = ".wh.";
function compression(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (startsWith(head, ZSTD)) return "zstd";
}
function isFile(type) {
  return type === "File" || type === "OldFile" || type === "ContiguousFile";
}
function toEntry(name, type, size, linkpath) {
  let path = normalisePath(name);
  if (path === void 0) return;
  let slash = path.lastIndexOf("/"), base = path.slice(slash + 1);
  if (base.startsWith(WHITEOUT)) {
    let dir = slash < 0 ? "" : path.slice(0, slash);
    if (base === OPAQUE) return { path: dir, kind: "opaque", bytes: 0 };
    if (base.startsWith(`${WHITEOUT}${WHITEOUT}`)) return;
    let target = base.slice(WHITEOUT.length);
    return { path: dir ? `${dir}/${target}` : target, kind: "whiteout", bytes: 0 };
  }
  if (path)
    return isFile(type) ? { path, kind: "file", bytes: size } : type === "Directory" ? { path, kind: "directory", bytes: 0 } : type === "SymbolicLink" ? { path, kind: "link", bytes: Buffer.byteLength(linkpath ?? "") } : type === "Link" ? { path, kind: "link", bytes: 0 } : { path, kind: "other", bytes: 0 };
}
function normalisePath(name) {
  let parts = [];
  for (let part of name.split("/"))
    if (!(part === "" || part === ".")) {
      if (part === "..") return;
      parts.push(part);
    }
  return parts.join("/");
}
function startsWith(buffer, magic) {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}

// src/report/contents/fingerprint.ts
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
var SAMPLE = 4096, StreamPositions = class {
  bases = /* @__PURE__ */ new WeakMap();
  position = 0;
  /** Records the next chunk read from the source. */
  track(chunk) {
    chunk.byteOffset === 0 && chunk.length === chunk.buffer.byteLength && this.bases.set(chunk.buffer, this.position), this.position += chunk.length;
  }
  at(view) {
    let base = this.bases.get(view.buffer);
    return base === void 0 ? void 0 : base + view.byteOffset;
  }
};
function fingerprint(entry, size, positions, done) {
  let small = size <= 2 * SAMPLE, chunks = [], headCrc = 0, headBytes = 0, last, previous, offset, contiguous = !0, seen = 0;
  entry.on("data", (chunk) => {
    let at = positions?.at(chunk);
    if (seen === 0 ? offset = at : offset !== void 0 && at !== offset + seen && (contiguous = !1), seen += chunk.length, small) {
      chunks.push(chunk);
      return;
    }
    if (headBytes < SAMPLE) {
      let part = chunk.subarray(0, SAMPLE - headBytes);
      headCrc = crc32(part, headCrc), headBytes += part.length;
    }
    chunk.length >= SAMPLE ? previous = void 0 : last && (previous = last.length >= SAMPLE ? last.subarray(last.length - SAMPLE) : last), last = chunk;
  }), entry.on("end", () => {
    if (small) {
      done(
        smallFingerprint(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
        contiguous ? offset : void 0
      );
      return;
    }
    done(fingerprintText(size, headCrc, tailCrc(previous, last)), contiguous ? offset : void 0);
  });
}
function tailCrc(previous, last) {
  if (!last) return 0;
  if (last.length >= SAMPLE || !previous) return crc32(last.subarray(Math.max(0, last.length - SAMPLE)));
  let need = SAMPLE - last.length;
  return crc32(last, crc32(previous.subarray(Math.max(0, previous.length - need))));
}
function smallFingerprint(content) {
  return `${content.length}:${createHash("sha256").update(content).digest("base64")}`;
}
function fingerprintText(size, head, tail2) {
  return `${size}:${head.toString(36)}:${tail2.toString(36)}`;
}

// src/report/contents/layer-scan.ts
import { createHash as createHash2 } from "node:crypto";
import { createGunzip } from "node:zlib";

// src/report/contents/tar-walk.ts
import { readSync } from "node:fs";
var META = /* @__PURE__ */ new Set([
  "ExtendedHeader",
  "OldExtendedHeader",
  "GlobalExtendedHeader",
  "NextFileHasLongPath",
  "OldGnuLongPath",
  "NextFileHasLongLinkpath"
]), FileWindow = class {
  constructor(fd, size = 64 * 1024) {
    this.fd = fd;
    this.buffer = Buffer.allocUnsafe(size);
  }
  fd;
  buffer;
  window = Buffer.alloc(0);
  start = 0;
  /** For reads bigger than the window (metadata, the duplicate check's 1 MiB chunks), reused too. */
  large = Buffer.alloc(0);
  /** `length` bytes at `offset` (fewer at the end of the file). */
  read(offset, length) {
    return offset >= this.start && offset + length <= this.start + this.window.length ? this.window.subarray(offset - this.start, offset - this.start + length) : length > this.buffer.length ? (this.large.length < length && (this.large = Buffer.allocUnsafe(length)), this.large.subarray(0, readSync(this.fd, this.large, 0, length, offset))) : (this.window = this.buffer.subarray(0, readSync(this.fd, this.buffer, 0, this.buffer.length, offset)), this.start = offset, this.window.subarray(0, Math.min(length, this.window.length)));
  }
};
async function walkTar(file, start, end, label, onEntry) {
  let { Header, Pax } = await import("./index.min-VO4BXVFH.js"), position = start, extended, global, sawNull = !1, count = 0, corrupt = (detail) => new ImageContentError(`${label} is truncated or corrupt: ${detail}`);
  for (; position < end; ) {
    if (position + 512 > end) throw corrupt(`a header is cut off at byte ${position - start}`);
    let block = file.read(position, 512);
    if (block.length < 512) throw corrupt(`the file ends inside a header at byte ${position - start}`);
    let header;
    try {
      header = new Header(block, 0, extended, global);
    } catch (error) {
      throw corrupt(`${error.message} in the header at byte ${position - start}`);
    }
    if (position += 512, header.nullBlock) {
      if (sawNull) return;
      sawNull = !0;
      continue;
    }
    if (sawNull = !1, !header.cksumValid) throw corrupt(`checksum failure in the header at byte ${position - 512 - start}`);
    if (!header.path) throw corrupt(`a header without a path at byte ${position - 512 - start}`);
    let size = header.size ?? 0, next = position + Math.ceil(size / 512) * 512;
    if (next > end) throw corrupt(`${header.path} needs ${next - end} more bytes than there are`);
    let type = header.type;
    if (META.has(type)) {
      let text = file.read(position, size).toString("utf8");
      type === "GlobalExtendedHeader" ? global = Pax.parse(text, global, !0) : type === "ExtendedHeader" || type === "OldExtendedHeader" ? extended = Pax.parse(text, extended, !1) : extended = {
        ...extended,
        [type === "NextFileHasLongLinkpath" ? "linkpath" : "path"]: text.replace(/\0.*/s, "")
      };
    } else {
      let entry = {
        path: extended?.path ?? header.path,
        type,
        size,
        linkpath: extended?.linkpath ?? global?.linkpath ?? header.linkpath,
        offset: position
      };
      extended = void 0;
      let pending = onEntry(entry);
      pending && await pending, ++count % 4096 === 0 && await new Promise((resolve) => setImmediate(resolve));
    }
    position = next;
  }
}

// src/report/contents/layer-scan.ts
async function layerParser(label, onEntry) {
  let { Parser: TarParser } = await import("./index.min-VO4BXVFH.js"), parser = new TarParser({ strict: !0 });
  parser.on("entry", onEntry);
  let done = new Promise((resolve, reject) => {
    parser.on(
      "error",
      (error) => reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`))
    ), parser.on("end", () => resolve());
  });
  return done.catch(() => {
  }), { parser, done };
}
function layerEntryHandler(onEntry, options) {
  let minDuplicate = options.minDuplicateBytes ?? 1024;
  return { handle: (entry) => {
    let size = entry.size ?? 0, scanned = toEntry(entry.path, entry.type, size, entry.linkpath);
    if (scanned?.kind === "file" && size >= minDuplicate) {
      fingerprint(entry, size, options.positions, (print, offset) => {
        scanned.fingerprint = print, offset !== void 0 && (scanned.offset = offset), onEntry(scanned);
      });
      return;
    }
    scanned && onEntry(scanned), entry.resume();
  } };
}
async function scanLayerFile(file, range2, onEntry, label) {
  return await walkTar(file, range2.start, range2.end, label, (walked) => {
    let scanned = toEntry(walked.path, walked.type, walked.size, walked.linkpath);
    scanned && (scanned.kind === "file" && (scanned.offset = walked.offset), onEntry(scanned));
  }), { tarBytes: range2.end - range2.start };
}
async function scanLayer(blob, onEntry, options) {
  let { handle } = layerEntryHandler(onEntry, options), { parser, done } = await layerParser(options.label, handle), tarBytes = await feed(blob, parser, options.label, options.positions);
  return await done, { tarBytes };
}
async function hashLayerFiles(blob, wanted, label) {
  let hashes = /* @__PURE__ */ new Map(), { parser, done } = await layerParser(label, (entry) => {
    let path = normalisePath(entry.path);
    if (path === void 0 || !isFile(entry.type) || !wanted.has(path)) {
      entry.resume();
      return;
    }
    let hash = createHash2("sha256");
    entry.on("data", (chunk) => hash.update(chunk)), entry.on("end", () => hashes.set(path, hash.digest("hex")));
  });
  return await feed(blob, parser, label), await done, hashes;
}
async function feed(blob, parser, label, positions) {
  let head = await peek(blob);
  if (!head.length) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
  let kind = compression(head);
  if (kind === "zstd")
    throw blob.destroy(), new ImageContentError(
      `${label} is zstd-compressed, which this Node.js cannot read (gzip and plain tar can)`
    );
  let source = kind === "gzip" ? blob.pipe(createGunzip()) : blob;
  blob.on("error", (error) => source.destroy(error));
  let bytes = 0;
  return await new Promise((resolve, reject) => {
    source.on("data", (chunk) => {
      bytes += chunk.length, kind !== "gzip" && positions?.track(chunk), parser.write(chunk) || (source.pause(), parser.once("drain", () => source.resume()));
    }), source.on("end", () => resolve()), source.on(
      "error",
      (error) => reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`))
    );
  }), parser.end(), bytes;
}
function peek(stream) {
  return new Promise((resolve, reject) => {
    let done = (chunk) => {
      stream.off("readable", onReadable).off("end", onEnd).off("error", reject), chunk.length && stream.unshift(chunk), resolve(chunk);
    }, onReadable = () => {
      let chunk = stream.read();
      chunk !== null && done(chunk);
    }, onEnd = () => done(Buffer.alloc(0));
    stream.on("readable", onReadable).on("end", onEnd).on("error", reject);
  });
}

// src/report/contents/findings.ts
var BIN_DIRS = /^(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/, BUILD_TOOL = /^(?:[a-z0-9_]+-(?:linux|w64|pc|unknown)-[a-z0-9_-]*?-)?(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|make|gmake|cmake|ld|ld\.bfd|ld\.gold|gfortran|rustc|cargo|go)(?:-\d+(?:\.\d+)*)?$/, CACHES = [
  [/^var\/lib\/apt\/lists\/(?!lock$|partial\/)/, "apt lists"],
  [/^var\/cache\/apt\/(?:archives\/.*\.deb$|[^/]+\.bin$)/, "apt cache"],
  [/^var\/cache\/apk\//, "apk cache"],
  [/^var\/cache\/(?:yum|dnf)\//, "yum/dnf cache"],
  [/(?:^|\/)\.cache\/pip\//, "pip cache"],
  [/(?:^|\/)\.cache\/pypoetry\//, "poetry cache"],
  [/(?:^|\/)\.npm\/_cacache\//, "npm cache"],
  [/(?:^|\/)\.cache\/yarn\/|^usr\/local\/share\/\.cache\/yarn\//, "yarn cache"],
  [/(?:^|\/)__pycache__\/|\.py[co]$/, "python bytecode"]
], TEST_DIR = /(?:^|\/)(?:tests?|testdata|testing|fixtures)\//, SECRETS = [
  [/(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/, "dotenv file"],
  [/(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)$/, "SSH private key"],
  [/\.key$|(?:^|\/|[-_.])(?:priv)?key\.pem$|(?:^|\/)privkey[^/]*\.pem$|\.p12$|\.pfx$/, "private key"],
  [
    /(?:^|\/)\.aws\/credentials$|(?:^|\/)\.config\/gcloud\/(?:credentials\.db|application_default_credentials\.json)$|(?:^|\/)\.azure\/(?:accessTokens|msal_token_cache)\.json$/,
    "cloud credentials"
  ],
  [
    /(?:^|\/)(?:\.docker\/config\.json|\.kube\/config|\.git-credentials|\.netrc|\.npmrc|\.pypirc)$/,
    "credentials file"
  ]
], MAYBE = /bin\/|apt\/|apk\/|yum\/|dnf\/|\.cache\/|\.npm\/|__pycache__|\.py[co]$|\.env|id_|key|\.p12$|\.pfx$|\.aws\/|gcloud|\.azure\/|\.docker\/|\.kube\/|credentials|\.netrc$|\.npmrc$|\.pypirc$/;
function classifyPath(path, isFile2) {
  if (MAYBE.test(path)) {
    if (BIN_DIRS.test(path)) {
      let tool = BUILD_TOOL.exec(path.slice(path.lastIndexOf("/") + 1));
      if (tool) return { kind: "build-tool", category: tool[1] };
    }
    if (isFile2) {
      for (let [pattern, category] of CACHES)
        if (pattern.test(path)) return { kind: "package-cache", category };
      if (!TEST_DIR.test(path)) {
        for (let [pattern, category] of SECRETS) if (pattern.test(path)) return { kind: "secret", category };
      }
    }
  }
}

// src/report/contents/summary.ts
function summariseFilesystem(filesystem, options = {}) {
  let top = options.top ?? 50, baseLayers = options.baseLayerCount ?? 0, minDuplicate = options.minDuplicateBytes ?? 1024, largest = new TopList(top, (entry) => entry.bytes), wasted = new TopList(top, (entry) => entry.reclaimableBytes), findings = [], byFingerprint = /* @__PURE__ */ new Map(), smallest = 0, cumulative = 0, files = 0, bytes = 0, visit = (node, path) => {
    if (node.occurrences > 0) {
      smallest += node.smallest, cumulative += node.cumulative;
      let reclaimable = node.cumulative - node.smallest;
      reclaimable > 0 && wasted.add({
        path,
        reclaimableBytes: reclaimable,
        cumulativeBytes: node.cumulative,
        occurrences: node.occurrences,
        layer: node.layer,
        deleted: !node.present
      });
    }
    if (node.present && path) {
      let entry = { path, bytes: node.bytes, layer: node.layer };
      if (node.isFile) {
        files++, bytes += node.bytes, node.layer >= baseLayers && largest.add(entry);
        let key = node.fingerprint ?? (node.offset !== void 0 && node.bytes >= minDuplicate ? `size:${node.bytes}` : void 0);
        if (key) {
          let candidate = { ...entry, fingerprint: node.fingerprint, offset: node.offset }, group = byFingerprint.get(key);
          group ? group.push(candidate) : byFingerprint.set(key, [candidate]);
        }
      }
      let found = classifyPath(path, node.isFile);
      found && findings.push({ ...entry, ...found });
    }
    for (let [name, child] of node.children ?? []) visit(child, path ? `${path}/${name}` : name);
  };
  visit(filesystem.root, "");
  let candidates = /* @__PURE__ */ new Map();
  for (let [fingerprint2, group] of byFingerprint) group.length > 1 && candidates.set(fingerprint2, group);
  return {
    analysis: {
      layers: filesystem.layers,
      efficiency: cumulative === 0 ? 1 : smallest / cumulative,
      reclaimableBytes: cumulative - smallest,
      cumulativeBytes: cumulative,
      final: { files, bytes },
      largestOwnFiles: largest.sorted(),
      wastedPaths: wasted.sorted(),
      duplicates: [],
      findings: summariseFindings(findings, baseLayers)
    },
    candidates
  };
}
function duplicateGroups(groups, top = 50) {
  let list = new TopList(top, (group) => group.wastedBytes);
  for (let { paths, verified } of groups) {
    if (paths.length < 2) continue;
    let sorted = paths.map(({ path, bytes, layer }) => ({ path, bytes, layer })).sort((a, b) => a.path < b.path ? -1 : 1);
    list.add({
      bytes: sorted[0].bytes,
      paths: sorted,
      wastedBytes: sorted[0].bytes * (sorted.length - 1),
      verified
    });
  }
  return list.sorted();
}
function summariseFindings(findings, baseLayers) {
  let byCategory = /* @__PURE__ */ new Map();
  for (let finding of findings) {
    let key = `${finding.kind}:${finding.category}`, summary = byCategory.get(key);
    summary || (summary = {
      kind: finding.kind,
      category: finding.category,
      files: 0,
      bytes: 0,
      ownBytes: 0,
      examples: []
    }, byCategory.set(key, summary)), summary.files++, summary.bytes += finding.bytes, finding.layer >= baseLayers && (summary.ownBytes += finding.bytes), summary.examples.push({ path: finding.path, bytes: finding.bytes, layer: finding.layer });
  }
  let summaries = [...byCategory.values()];
  for (let summary of summaries)
    summary.examples = summary.examples.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, 5);
  return summaries.sort(
    (a, b) => a.kind.localeCompare(b.kind) || b.bytes - a.bytes || a.category.localeCompare(b.category)
  );
}
var TopList = class {
  constructor(size, weight) {
    this.size = size;
    this.weight = weight;
  }
  size;
  weight;
  items = [];
  add(item) {
    this.items.push(item), this.items.length >= this.size * 4 && (this.items = this.sorted());
  }
  sorted() {
    return this.items.sort((a, b) => this.weight(b) - this.weight(a)).slice(0, this.size);
  }
};

// src/report/contents/analyze.ts
async function analyzeLayers(layers, openLayer, options = {}) {
  let filesystem = new LayeredFilesystem();
  for (let [index, ref] of layers.entries()) {
    let layer = filesystem.beginLayer(index), { tarBytes } = await scanLayer(
      await openLayer(ref, index),
      (entry) => filesystem.apply(layer, entry),
      {
        label: layerLabel(ref, index, options.sourceLabel),
        minDuplicateBytes: options.minDuplicateBytes,
        positions: options.readRange ? new StreamPositions() : void 0
      }
    );
    layer.tarBytes = tarBytes;
  }
  return finishAnalysis(filesystem, layers, { open: openLayer, readRange: options.readRange }, options);
}
async function analyzeLayerFiles(layers, pathOf, options = {}) {
  let filesystem = new LayeredFilesystem();
  for (let [index, ref] of layers.entries()) {
    let layer = filesystem.beginLayer(index), label = layerLabel(ref, index, options.sourceLabel), path = pathOf(ref, index), apply = (entry) => filesystem.apply(layer, entry), handle = await open(path, "r").catch(() => {
      throw new ImageContentError(`${label}: blob ${path} is missing (incomplete layout?)`);
    });
    try {
      let { size } = await handle.stat(), file = new FileWindow(handle.fd), head = file.read(0, 4);
      layer.tarBytes = compression(head) ? (await scanLayer(createReadStream(path, { highWaterMark: 1 << 20 }), apply, { label, ...options })).tarBytes : (await scanLayerFile(file, { start: 0, end: size }, apply, label)).tarBytes;
    } finally {
      await handle.close();
    }
  }
  return finishAnalysis(filesystem, layers, { open: async (ref, index) => createReadStream(pathOf(ref, index), { highWaterMark: 1 << 20 }), readRange: async (index, offset, bytes) => {
    let handle = await open(pathOf(layers[index], index), "r");
    try {
      let buffer = Buffer.alloc(bytes), { bytesRead } = await handle.read(buffer, 0, bytes, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } }, options);
}
async function finishAnalysis(filesystem, layers, source, options = {}) {
  let { analysis, candidates } = summariseFilesystem(filesystem, options), printed = await fingerprinted(candidates, source.readRange), groups = options.verifyDuplicates !== !1 && (source.open !== void 0 || source.readRange !== void 0) ? await verifiedGroups(printed, {
    readRange: source.readRange,
    hashLayer: source.open ? async (index, wanted) => {
      let blob = await source.open(layers[index], index);
      return hashLayerFiles(blob, wanted, layerLabel(layers[index], index, options.sourceLabel));
    } : void 0
  }) : printed.map((paths) => ({ paths, verified: paths[0].bytes <= 2 * SAMPLE }));
  return analysis.duplicates = duplicateGroups(groups, options.top), analysis;
}
async function fingerprinted(candidates, readRange) {
  let byFingerprint = /* @__PURE__ */ new Map();
  for (let paths of candidates.values())
    if (!(paths.length < 2))
      for (let file of paths) {
        if (!file.fingerprint && readRange && file.offset !== void 0 && (file.fingerprint = await fingerprintInPlace(file, readRange)), !file.fingerprint) continue;
        let group = byFingerprint.get(file.fingerprint);
        group ? group.push(file) : byFingerprint.set(file.fingerprint, [file]);
      }
  return [...byFingerprint.values()].filter((group) => group.length > 1);
}
async function verifiedGroups(candidates, verifiers) {
  let groups = [], pending = [], hashes = /* @__PURE__ */ new Map(), wantedByLayer = /* @__PURE__ */ new Map();
  for (let paths of candidates)
    paths[0].bytes <= 2 * SAMPLE ? groups.push({ paths, verified: !0 }) : pending.push(paths);
  for (let file of pending.flat()) {
    let hash = verifiers.readRange && file.offset !== void 0 ? await hashInPlace(file, verifiers.readRange) : void 0;
    if (hash) hashes.set(file.path, hash);
    else if (verifiers.hashLayer) {
      let wanted = wantedByLayer.get(file.layer) ?? /* @__PURE__ */ new Set();
      wanted.add(file.path), wantedByLayer.set(file.layer, wanted);
    }
  }
  for (let [index, wanted] of [...wantedByLayer].sort((a, b) => a[0] - b[0]))
    for (let [path, hash] of await verifiers.hashLayer(index, wanted)) hashes.set(path, hash);
  for (let paths of pending) {
    let byHash = /* @__PURE__ */ new Map();
    for (let entry of paths) {
      let hash = hashes.get(entry.path);
      hash && byHash.set(hash, [...byHash.get(hash) ?? [], entry]);
    }
    for (let same of byHash.values()) groups.push({ paths: same, verified: !0 });
  }
  return groups;
}
var RANGE_CHUNK = 1 << 20;
async function fingerprintInPlace(file, readRange) {
  let offset = file.offset ?? 0;
  if (file.bytes <= 2 * SAMPLE) {
    let content = await readRange(file.layer, offset, file.bytes);
    return content.length === file.bytes ? smallFingerprint(content) : void 0;
  }
  let head = await readRange(file.layer, offset, SAMPLE);
  if (head.length < SAMPLE) return;
  let headCrc = crc322(head), tail2 = await readRange(file.layer, offset + file.bytes - SAMPLE, SAMPLE);
  if (!(tail2.length < SAMPLE))
    return fingerprintText(file.bytes, headCrc, crc322(tail2));
}
async function hashInPlace(file, readRange) {
  let offset = file.offset ?? 0, full = createHash3("sha256"), head = 0, tail2 = Buffer.alloc(0);
  for (let done = 0; done < file.bytes; ) {
    let chunk = await readRange(file.layer, offset + done, Math.min(RANGE_CHUNK, file.bytes - done));
    if (chunk.length === 0) return;
    done < SAMPLE && (head = crc322(chunk.subarray(0, SAMPLE - done), head)), full.update(chunk), tail2 = chunk.length >= SAMPLE ? chunk.subarray(chunk.length - SAMPLE) : Buffer.concat([tail2, chunk]).subarray(-SAMPLE), done += chunk.length;
  }
  if (fingerprintText(file.bytes, head, crc322(tail2)) === file.fingerprint)
    return full.digest("hex");
}
function layerLabel(ref, index, source) {
  let digest = ref.digest ?? ref.diffId;
  return `layer ${index + 1}${digest ? ` (${digest.slice(0, 19)}\u2026)` : ""}${source ? ` of ${source}` : ""}`;
}

// src/report/sources/docker-save.ts
import { createHash as createHash4 } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { open as open2, stat as stat2 } from "node:fs/promises";

// src/report/sources/oci-index.ts
var INDEX_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]), REF_NAME = "org.opencontainers.image.ref.name", DIGEST = /^sha(?:256:[a-f0-9]{64}|512:[a-f0-9]{128})$/;
function blobPath(digest, label) {
  if (!DIGEST.test(digest))
    throw new ImageContentError(`${label} names a blob by an invalid digest: ${digest.slice(0, 80)}`);
  let [algorithm, hex] = digest.split(":");
  return `blobs/${algorithm}/${hex}`;
}
async function resolveOciImage(top, readJson, options, label) {
  if (!Array.isArray(top.manifests) || top.manifests.length === 0)
    throw new ImageContentError(`${label} has an index.json without manifests`);
  let entry = pickEntry(top, options.tag, label), index, chosen = entry;
  if (entry.mediaType && INDEX_TYPES.has(entry.mediaType)) {
    let document = await readJson(entry.digest);
    chosen = selectPlatform(document, options.platform), index = { digest: entry.digest, document };
  } else platformManifests(top).filter((item) => item.platform).length > 1 && (chosen = selectPlatform(top, options.platform), index = { document: top });
  let manifest = await readJson(chosen.digest);
  if (!manifest?.config?.digest || !Array.isArray(manifest.layers))
    throw new ImageContentError(`${label}: ${chosen.digest} is not an image manifest`);
  let config = await readJson(manifest.config.digest);
  return { manifest, digest: chosen.digest, config, index, refName: entry.annotations?.[REF_NAME] };
}
function pickEntry(top, tag, label) {
  if (!tag) return top.manifests[0];
  let found = top.manifests.find((item) => {
    let name = item.annotations?.[REF_NAME] ?? item.annotations?.["io.containerd.image.name"] ?? "";
    return name === tag || name.endsWith(`:${tag}`);
  });
  if (!found) {
    let names = top.manifests.map((item) => item.annotations?.[REF_NAME]).filter(Boolean);
    throw new InputError(
      "tag",
      `${label} has no image tagged ${tag}${names.length ? `; it has ${names.join(", ")}` : ""}`
    );
  }
  return found;
}
function hasCompressedLayers(manifest) {
  return manifest.layers.length > 0 && manifest.layers.every((layer) => /gzip|zstd/.test(layer.mediaType ?? ""));
}

// src/report/sources/oci-layout.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
async function readOciLayout(dir, options = {}) {
  if (!(await stat(dir).catch(() => {
  }))?.isDirectory())
    throw new InputError("image", `${dir} is not a directory (expected an OCI image layout)`);
  let label = dir, indexText = await readFile(join(dir, "index.json"), "utf8").catch(() => {
    throw new InputError("image", `${dir} is not an OCI image layout: it has no index.json`);
  }), readJson = async (digest) => {
    let path = join(dir, blobPath(digest, label)), text = await readFile(path, "utf8").catch(() => {
      throw new ImageContentError(`${label} lacks blob ${digest} (incomplete layout?)`);
    });
    return parseJson(text, `${label} blob ${digest}`);
  }, top = parseJson(indexText, `${label}/index.json`), resolved = await resolveOciImage(top, readJson, options, label), model = imageModelFromMetadata({
    image: options.image ?? dir,
    manifest: resolved.manifest,
    config: resolved.config,
    digest: resolved.digest,
    index: resolved.index,
    tags: resolved.refName ? [resolved.refName] : [],
    base: options.base,
    source: "oci-layout",
    compressedLayers: hasCompressedLayers(resolved.manifest)
  });
  if (options.analyze === !1) return { model };
  let layers = resolved.manifest.layers.map((layer, index) => ({
    digest: layer.digest,
    diffId: model.layers[index]?.diffId
  })), contents = await analyzeLayerFiles(
    layers,
    (layer) => join(dir, blobPath(layer.digest ?? "", label)),
    {
      baseLayerCount: model.base?.layerCount,
      sourceLabel: label,
      ...options.analyze
    }
  );
  return { model, contents };
}
function parseJson(text, label) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImageContentError(`${label} is not valid JSON: ${error.message}`);
  }
}

// src/report/sources/docker-save.ts
var METADATA_LIMIT = 8 << 20;
async function readDockerSave(path, options = {}) {
  let info = await stat2(path).catch(() => {
  });
  if (!info) throw new InputError("image", `${path}: no such file (expected a \`docker save\` tarball)`);
  if (!info.isFile())
    throw new InputError("image", `${path} is not a file (expected a \`docker save\` tarball)`);
  let handle = await open2(path, "r");
  try {
    return await readSaved(path, info.size, new FileWindow(handle.fd), options);
  } finally {
    await handle.close();
  }
}
async function readSaved(path, size, file, options) {
  let metadata = /* @__PURE__ */ new Map(), links = /* @__PURE__ */ new Map(), members = /* @__PURE__ */ new Map();
  await walkTar(file, 0, size, path, (member) => {
    let name = normalisePath(member.path) ?? "";
    if (member.type === "SymbolicLink" || member.type === "Link") {
      let dir = member.type === "SymbolicLink" ? name.slice(0, Math.max(0, name.lastIndexOf("/"))) : "", target = resolveLink(dir, member.linkpath ?? "");
      target !== void 0 && links.set(name, target);
      return;
    }
    if (!isFile(member.type)) return;
    members.set(name, { offset: member.offset, size: member.size });
    let isBlob = name.startsWith("blobs/"), isMetadata = !isBlob && /(?:^|\/)(?:[^/]*\.json|repositories|oci-layout)$/.test(name), isJsonBlob = isBlob && member.size > 0 && member.size <= METADATA_LIMIT && file.read(member.offset, 1)[0] === 123;
    (isMetadata && member.size <= METADATA_LIMIT || isJsonBlob) && metadata.set(name, file.read(member.offset, member.size).toString("utf8"));
  });
  let image = await imageOf(path, metadata, members, options), model = imageModelFromMetadata({
    image: options.image ?? image.repoTags[0]?.replace(/:[^:/]+$/, "") ?? path,
    manifest: image.manifest,
    config: image.config,
    digest: image.digest,
    index: image.index,
    tags: image.repoTags,
    base: options.base,
    source: "docker-save",
    compressedLayers: image.compressed
  });
  if (options.analyze === !1) return { model };
  let memberOf = (index) => {
    let name = image.layerNames[index], member = members.get(links.get(name) ?? name);
    if (!member)
      throw new ImageContentError(`${path} lists layer ${name} but does not contain it (truncated?)`);
    return { ...member, name };
  }, filesystem = new LayeredFilesystem();
  for (let index of image.layerNames.keys()) {
    let member = memberOf(index), label = `layer ${member.name} of ${path}`;
    if (member.size === 0) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
    let layer = filesystem.beginLayer(index), apply = (entry) => filesystem.apply(layer, entry), range2 = { start: member.offset, end: member.offset + member.size };
    layer.tarBytes = compression(file.read(member.offset, 4)) ? (await scanLayer(memberStream(path, range2), apply, { label })).tarBytes : (await scanLayerFile(file, range2, apply, label)).tarBytes;
  }
  let refs = model.layers.map((layer) => ({ digest: layer.digest, diffId: layer.diffId })), contents = await finishAnalysis(
    filesystem,
    refs,
    {
      // Offsets are of the tarball itself: plain layers are read in place.
      readRange: async (_, offset, bytes) => file.read(offset, bytes),
      open: async (_, index) => {
        let member = memberOf(index);
        return memberStream(path, { start: member.offset, end: member.offset + member.size });
      }
    },
    { baseLayerCount: model.base?.layerCount, sourceLabel: path, ...options.analyze }
  );
  return { model, contents };
}
function memberStream(path, range2) {
  return createReadStream2(path, { start: range2.start, end: range2.end - 1, highWaterMark: 1 << 20 });
}
async function imageOf(path, metadata, members, options) {
  let json = (name) => {
    let content = metadata.get(name);
    if (content === void 0)
      throw new ImageContentError(`${path} has no ${name}: not a \`docker save\` tarball, or truncated`);
    return parseJson(content, `${path}: ${name}`);
  }, readBlob = async (digest) => json(blobPath(digest, path));
  if (!metadata.has("manifest.json") && metadata.has("index.json")) {
    let resolved = await resolveOciImage(json("index.json"), readBlob, options, path);
    return {
      ...resolved,
      repoTags: resolved.refName ? [resolved.refName] : [],
      layerNames: resolved.manifest.layers.map((layer) => blobPath(layer.digest, path)),
      compressed: hasCompressedLayers(resolved.manifest)
    };
  }
  let entries = json("manifest.json");
  if (!Array.isArray(entries) || entries.length === 0)
    throw new ImageContentError(`${path}: manifest.json lists no image`);
  let entry = options.tag ? entries.find(
    (item) => item.RepoTags?.some((tag) => tag === options.tag || tag.endsWith(`:${options.tag}`))
  ) : entries[0];
  if (!entry) {
    let tags = entries.flatMap((item) => item.RepoTags ?? []);
    throw new InputError(
      "tag",
      `${path} has no image tagged ${options.tag}; it has ${tags.join(", ") || "untagged images"}`
    );
  }
  let configText = metadata.get(normalisePath(entry.Config) ?? entry.Config);
  if (configText === void 0)
    throw new ImageContentError(`${path} lacks the image config ${entry.Config} (truncated?)`);
  let config = parseJson(configText, `${path}: ${entry.Config}`), layerNames = entry.Layers.map((name) => normalisePath(name) ?? name), oci = metadata.has("index.json") ? await resolveOciImage(json("index.json"), readBlob, options, path).catch(() => {
  }) : void 0, diffIds = config.rootfs?.diff_ids ?? [];
  return {
    manifest: oci?.manifest ?? {
      config: {
        size: Buffer.byteLength(configText),
        digest: `sha256:${createHash4("sha256").update(configText).digest("hex")}`
      },
      // The legacy layout has no manifest: a layer's size is its uncompressed tar's.
      layers: layerNames.map((name, index) => ({
        digest: diffIds[index] ?? "",
        size: members.get(name)?.size ?? 0
      }))
    },
    config,
    digest: oci?.digest,
    repoTags: entry.RepoTags ?? [],
    layerNames,
    compressed: oci ? hasCompressedLayers(oci.manifest) : !1
  };
}
function resolveLink(dir, target) {
  let parts = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (let part of target.split("/"))
    if (part === "..") {
      if (!parts.pop()) return;
    } else part && part !== "." && parts.push(part);
  return parts.join("/");
}

// src/report/sources/engine.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function readEngineImage(reference, options) {
  let dir = await mkdtemp(join2(options.tmpDir ?? tmpdir(), "image-build-save-"));
  try {
    let tarball = join2(dir, "image.tar"), saved = await options.runner.run(options.docker ?? "docker", ["save", "-o", tarball, reference], {
      env: options.env
    });
    if (saved.exitCode !== 0)
      throw new InputError(
        "image",
        `the engine could not save ${reference}: ${saved.stderr.trim().split(`
`)[0] ?? ""}`
      );
    let image = await readDockerSave(tarball, { image: imageName(reference), ...options });
    return { ...image, model: { ...image.model, source: "engine" } };
  } finally {
    await rm(dir, { recursive: !0, force: !0 });
  }
}
function imageName(reference) {
  try {
    return repositoryName(parseReference(reference));
  } catch {
    return reference;
  }
}

// src/report/build-facts.ts
function buildFacts(steps, totalSeconds) {
  let built = steps.filter((step) => !/^FROM\s/i.test(step.instruction)), cachedSteps = built.filter((step) => step.cached).length;
  return {
    steps: built.map((step) => ({
      name: `${step.stage || step.position ? `[${[step.stage, step.position].filter(Boolean).join(" ")}] ` : ""}${step.instruction}`,
      instruction: step.instruction,
      cached: step.cached,
      seconds: step.durationSeconds
    })),
    cachedSteps,
    cacheHitRatio: built.length ? cachedSteps / built.length : void 0,
    totalSeconds,
    stepSeconds: built.reduce((sum, step) => sum + (step.durationSeconds ?? 0), 0)
  };
}
function layerBuildFacts(layers, steps) {
  let candidates = steps.filter((step) => !/^FROM\s/i.test(step.instruction)), used = /* @__PURE__ */ new Set(), cursor = 0;
  return layers.map((layer) => {
    if (layer.origin === "base") return {};
    let find = (same) => {
      let matches = (index) => !used.has(index) && same(layer.instruction, candidates[index].instruction);
      for (let i = cursor; i < candidates.length; i++) if (matches(i)) return i;
      for (let i = 0; i < cursor; i++) if (matches(i)) return i;
      return -1;
    }, found = find((history, step2) => normalise(history) === normalise(step2));
    if (found < 0 && (found = find(sameWithoutDetail)), found < 0) return {};
    used.add(found), cursor = found + 1;
    let step = candidates[found];
    return {
      cached: step.cached,
      durationSeconds: step.durationSeconds,
      ...normalise(step.instruction) !== normalise(layer.instruction) && { instruction: step.instruction }
    };
  });
}
var CLASSIC_COPY = /^(COPY|ADD) (?:file|dir|multi):[a-f0-9]+ in (\S+)\s*$/, FLAG = /\s--[a-z-]+(?:=\S*)?/g;
function sameWithoutDetail(history, step) {
  let stepText = normalise(step), classic = CLASSIC_COPY.exec(history.trim());
  if (classic) {
    let words = stepText.split(" ");
    return words[0] === classic[1] && words[words.length - 1] === classic[2];
  }
  return /^(COPY|ADD) /.test(stepText) && normalise(history) === stepText.replace(FLAG, "");
}
function normalise(instruction) {
  let text = instruction.replace(/\\\n/g, " ").replace(/\s+/g, " ").trim(), space = text.indexOf(" ");
  return space < 0 ? text.toUpperCase() : `${text.slice(0, space).toUpperCase()}${text.slice(space)}`;
}

// src/report/baseline.ts
function compareWithBaseline(current, baseline, label, sizes = {}) {
  let now = withSizes(current.layers, sizes.current), before = withSizes(baseline.layers, sizes.baseline), pairs = alignLayers(now, before), layers = now.map((layer) => ({
    change: "added",
    compressedBytes: layer.compressedBytes,
    uncompressedBytes: layer.uncompressedBytes
  })), matchedBaseline = /* @__PURE__ */ new Set();
  for (let [index, baselineIndex] of pairs) {
    matchedBaseline.add(baselineIndex);
    let layer = now[index], old = before[baselineIndex];
    layers[index] = {
      change: layer.diffId !== void 0 && layer.diffId === old.diffId ? "unchanged" : "changed",
      baselineIndex,
      compressedBytes: difference(layer.compressedBytes, old.compressedBytes),
      uncompressedBytes: difference(layer.uncompressedBytes, old.uncompressedBytes)
    };
  }
  let removed = before.flatMap(
    (layer, baselineIndex) => matchedBaseline.has(baselineIndex) ? [] : [
      {
        baselineIndex,
        instruction: layer.instruction,
        compressedBytes: layer.compressedBytes,
        uncompressedBytes: layer.uncompressedBytes
      }
    ]
  ), uncompressed = (layers2) => layers2.every((layer) => layer.uncompressedBytes !== void 0) && layers2.length ? layers2.reduce((sum, layer) => sum + (layer.uncompressedBytes ?? 0), 0) : void 0, nowUncompressed = uncompressed(now), beforeUncompressed = uncompressed(before);
  return {
    label,
    digest: baseline.digest,
    compressedBytes: baseline.compressedBytes,
    uncompressedBytes: beforeUncompressed,
    compressedDelta: difference(current.compressedBytes, baseline.compressedBytes),
    uncompressedDelta: difference(nowUncompressed, beforeUncompressed),
    layerCountDelta: current.layers.length - baseline.layers.length,
    baseImageChanged: baseChanged(current, baseline),
    layers,
    removed
  };
}
function alignLayers(now, before) {
  let byDiffId = lcs(
    now.length,
    before.length,
    (i, j) => now[i].diffId !== void 0 && now[i].diffId === before[j].diffId
  ), pairs = [], fromNow = 0, fromBefore = 0;
  for (let anchor of [...byDiffId, [now.length, before.length]]) {
    let gapNow = range(fromNow, anchor[0]), gapBefore = range(fromBefore, anchor[1]), byInstruction = lcs(
      gapNow.length,
      gapBefore.length,
      (i, j) => normalise(now[gapNow[i]].instruction) === normalise(before[gapBefore[j]].instruction)
    );
    for (let [i, j] of byInstruction) pairs.push([gapNow[i], gapBefore[j]]);
    anchor[0] < now.length && pairs.push(anchor), fromNow = anchor[0] + 1, fromBefore = anchor[1] + 1;
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
function lcs(n, m, same) {
  let table2 = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i2 = n - 1; i2 >= 0; i2--)
    for (let j2 = m - 1; j2 >= 0; j2--)
      table2[i2][j2] = same(i2, j2) ? table2[i2 + 1][j2 + 1] + 1 : Math.max(table2[i2 + 1][j2], table2[i2][j2 + 1]);
  let pairs = [], i = 0, j = 0;
  for (; i < n && j < m; )
    same(i, j) ? (pairs.push([i, j]), i++, j++) : table2[i + 1][j] >= table2[i][j + 1] ? i++ : j++;
  return pairs;
}
function baseChanged(current, baseline) {
  if (current.base?.digest && baseline.base?.digest) return current.base.digest !== baseline.base.digest;
  let count = current.base?.layerCount ?? 0, before = baseline.base?.layerCount ?? 0;
  if (!count || !before) return;
  let ids = (model, n) => model.layers.slice(0, n).map((layer) => layer.diffId ?? "?").join(",");
  return ids(current, count) !== ids(baseline, before);
}
function withSizes(layers, uncompressed) {
  return layers.map((layer, index) => ({
    ...layer,
    uncompressedBytes: uncompressed?.[index] ?? layer.uncompressedBytes
  }));
}
function difference(a, b) {
  return a === void 0 || b === void 0 ? void 0 : a - b;
}
function range(from, to) {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

// src/report/format.ts
function formatBytes(bytes) {
  let units = ["B", "KiB", "MiB", "GiB", "TiB"], value = Math.abs(bytes), unit = 0;
  for (; value >= 1024 && unit < units.length - 1; )
    value /= 1024, unit++;
  let sign = bytes < 0 ? "-" : "";
  return unit === 0 ? `${bytes} B` : `${sign}${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}
function formatDelta(bytes) {
  return bytes === 0 ? "\xB10 B" : bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}
function formatPercent(ratio, digits = 1) {
  return `${(ratio * 100).toFixed(digits)}%`;
}
function formatSeconds(seconds) {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(1)} s`;
}

// src/report/checks/types.ts
var CHECK_NAMES = {
  "non-root": "Runs as non-root",
  healthcheck: "Has a HEALTHCHECK",
  "build-tools": "No build tools",
  "size-budget": "Size budget",
  "layer-count": "Layer count",
  efficiency: "Layer efficiency",
  vulnerabilities: "Vulnerability scan",
  "package-caches": "No package-manager caches",
  secrets: "No secret-looking files",
  "base-pinned": "Base image pinned by digest",
  "smoke-test": "Smoke test"
};
function row(id, level, outcome) {
  let status = outcome.skipped ? "skip" : outcome.violated ? level === "fail" ? "fail" : "warn" : "pass";
  return {
    id,
    name: CHECK_NAMES[id],
    status,
    detail: outcome.detail,
    level,
    ...outcome.log !== void 0 && { log: outcome.log }
  };
}
var ORDER = ["pass", "skip", "warn", "fail"];
function overallStatus(rows) {
  let worst = rows.reduce(
    (acc, r) => ORDER.indexOf(r.status) > ORDER.indexOf(acc) ? r.status : acc,
    "pass"
  );
  return worst === "skip" ? "pass" : worst;
}

// src/report/checks/rules.ts
var SEVERITIES = ["critical", "high", "medium", "low", "informational", "undefined"];
function severityCounts(counts) {
  let result = Object.fromEntries(SEVERITIES.map((name) => [name, 0]));
  for (let [key, value] of Object.entries(counts)) {
    let name = key.toLowerCase();
    SEVERITIES.includes(name) && typeof value == "number" && (result[name] = value);
  }
  return result;
}
function nonRoot(facts, policy) {
  let user = facts.model.user?.trim();
  if (facts.model.source === "unavailable")
    return row("non-root", policy.nonRoot?.level ?? "warn", {
      skipped: !0,
      detail: "image config not read"
    });
  let root = !user || /^(root|0)(:.*)?$/.test(user);
  return row("non-root", policy.nonRoot?.level ?? "warn", {
    violated: root,
    detail: root ? `runs as ${user || "root (no USER)"}` : `USER ${user}`
  });
}
function healthcheck(facts, policy) {
  let level = policy.healthcheck?.level ?? "warn";
  return facts.model.source === "unavailable" ? row("healthcheck", level, { skipped: !0, detail: "image config not read" }) : row("healthcheck", level, {
    violated: !facts.model.hasHealthcheck,
    detail: facts.model.hasHealthcheck ? "HEALTHCHECK set" : "no HEALTHCHECK in the image config"
  });
}
function findingCheck(id, kind, level, facts, allowedBytes) {
  if (!facts.contents) return row(id, level, { skipped: !0, detail: "needs layer contents (not read)" });
  let found = facts.contents.findings.filter((f) => f.kind === kind), counted = (f) => allowedBytes === void 0 ? f.files : f.ownBytes, total = found.reduce((sum, f) => sum + (allowedBytes === void 0 ? f.files : f.ownBytes), 0), violated = allowedBytes === void 0 ? total > 0 : total > allowedBytes, listed = found.filter((f) => counted(f) > 0).map(
    (f) => `${f.category} (${kind === "package-cache" ? formatBytes(f.ownBytes) : `${f.examples[0].path}${f.files > 1 ? ` +${f.files - 1}` : ""}`})`
  ).join(", ");
  return row(id, level, { violated, detail: listed || "none found" });
}
var buildTools = (facts, policy) => findingCheck("build-tools", "build-tool", policy.buildTools?.level ?? "warn", facts), secrets = (facts, policy) => findingCheck("secrets", "secret", policy.secrets?.level ?? "fail", facts), packageCaches = (facts, policy) => findingCheck(
  "package-caches",
  "package-cache",
  policy.packageCaches?.level ?? "warn",
  facts,
  policy.packageCaches?.maxBytes ?? 0
);
function layerCount(facts, policy) {
  let max = policy.layerCount?.max ?? 50, count = facts.model.layers.length, level = policy.layerCount?.level ?? "warn";
  return facts.model.source === "unavailable" ? row("layer-count", level, { skipped: !0, detail: "image not read" }) : row("layer-count", level, { violated: count > max, detail: `${count} layers (max ${max})` });
}
function efficiency(facts, policy) {
  let min = policy.efficiency?.min ?? 0.9, level = policy.efficiency?.level ?? "warn";
  if (!facts.contents)
    return row("efficiency", level, { skipped: !0, detail: "needs layer contents (not read)" });
  let { efficiency: value, reclaimableBytes } = facts.contents;
  return row("efficiency", level, {
    violated: value < min,
    detail: `${formatPercent(value)} (min ${formatPercent(min, 0)}), ${formatBytes(reclaimableBytes)} reclaimable`
  });
}
function sizeBudget(facts, policy) {
  let budget = policy.sizeBudget ?? {}, level = budget.level ?? "fail", problems = [], notes = [], compressed = facts.model.compressedBytes, uncompressed = facts.uncompressedBytes, limit = (value, max, what) => {
    max !== void 0 && (value === void 0 ? notes.push(`${what} unknown`) : value > max ? problems.push(`${what} ${formatBytes(value)} > ${formatBytes(max)}`) : notes.push(`${what} ${formatBytes(value)} \u2264 ${formatBytes(max)}`));
  };
  limit(compressed, budget.maxCompressedBytes, "compressed"), limit(uncompressed, budget.maxUncompressedBytes, "uncompressed");
  let growth = growthOf(facts);
  if (growth) {
    let floor = budget.growthFloorBytes ?? 10485760, maxPercent = budget.maxGrowthPercent ?? 10, percent = growth.before > 0 ? growth.delta / growth.before * 100 : 0, text = `${growth.what} ${formatDelta(growth.delta)} (${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%) vs ${facts.baseline?.label}`, over = growth.delta >= floor && (budget.maxGrowthBytes !== void 0 && growth.delta > budget.maxGrowthBytes || percent > maxPercent);
    (over ? problems : notes).push(
      over ? `${text} > ${budget.maxGrowthBytes !== void 0 && growth.delta > budget.maxGrowthBytes ? formatBytes(budget.maxGrowthBytes) : `${maxPercent}%`}` : text
    );
  }
  return !problems.length && !notes.length ? row("size-budget", level, {
    skipped: !0,
    detail: "no budget set and no baseline to compare with"
  }) : row("size-budget", level, {
    violated: problems.length > 0,
    detail: [...problems, ...notes].join("; ")
  });
}
function growthOf(facts) {
  let baseline = facts.baseline;
  if (baseline) {
    if (baseline.compressedDelta !== void 0 && baseline.compressedBytes !== void 0)
      return { delta: baseline.compressedDelta, before: baseline.compressedBytes, what: "compressed" };
    if (baseline.uncompressedDelta !== void 0 && baseline.uncompressedBytes !== void 0)
      return { delta: baseline.uncompressedDelta, before: baseline.uncompressedBytes, what: "uncompressed" };
  }
}
function vulnerabilities(facts, policy) {
  let options = policy.vulnerabilities ?? {}, level = options.level ?? "fail", scan = facts.scan;
  if (!scan) return row("vulnerabilities", level, { skipped: !0, detail: "no scan results" });
  if (scan.status && !["COMPLETE", "ACTIVE"].includes(scan.status.toUpperCase()))
    return row("vulnerabilities", level, {
      skipped: !0,
      detail: `scan ${scan.status.toLowerCase().replace(/_/g, " ")}`
    });
  let atOrAbove = (severity) => SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1).reduce((sum, name) => sum + scan.counts[name], 0), failing = atOrAbove(options.failAt ?? "critical"), warning = atOrAbove(options.warnAt ?? "high"), listed = SEVERITIES.filter((name) => scan.counts[name] > 0).map(
    (name) => `${scan.counts[name]} ${name}`
  ), detail = listed.length ? listed.join(", ") : "no findings";
  return failing > 0 ? row("vulnerabilities", level, { violated: !0, detail }) : { ...row("vulnerabilities", "warn", { violated: warning > 0, detail }), level };
}
function basePinned(facts, policy) {
  let level = policy.basePinned?.level ?? "warn", references = facts.fromReferences;
  if (!references)
    return row("base-pinned", level, { skipped: !0, detail: "Dockerfile FROM lines not given" });
  let floating = references.filter((reference) => !isPinned(reference)), images = references.filter((reference) => reference.trim().toLowerCase() !== "scratch");
  return row("base-pinned", level, {
    violated: floating.length > 0,
    detail: floating.length ? `by tag: ${floating.join(", ")}` : images.length ? `${images.length} FROM by digest` : "FROM scratch only"
  });
}
function isPinned(reference) {
  let text = reference.trim();
  if (text.toLowerCase() === "scratch") return !0;
  if (text.includes("$")) return !1;
  try {
    return parseReference(text).digest !== void 0;
  } catch {
    return !1;
  }
}

// src/report/checks/index.ts
var RULES = [
  ["non-root", "nonRoot", nonRoot],
  ["healthcheck", "healthcheck", healthcheck],
  ["build-tools", "buildTools", buildTools],
  ["package-caches", "packageCaches", packageCaches],
  ["secrets", "secrets", secrets],
  ["base-pinned", "basePinned", basePinned],
  ["size-budget", "sizeBudget", sizeBudget],
  ["layer-count", "layerCount", layerCount],
  ["efficiency", "efficiency", efficiency],
  ["vulnerabilities", "vulnerabilities", vulnerabilities]
];
function runChecks(facts, policy = {}) {
  return RULES.filter(([, key]) => policy[key]?.level !== "off").map(([, , rule]) => rule(facts, policy));
}

// src/report/cost.ts
var ECR_PRICE_PER_GB_MONTH = 0.1;
function monthlyStorageCost(bytes, pricePerGbMonth = 0.1) {
  return { bytes, pricePerGbMonth, monthlyUsd: bytes / 1024 ** 3 * pricePerGbMonth };
}
function formatUsd(amount) {
  return amount > 0 && amount < 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`;
}

// src/report/smoke.ts
import { randomBytes } from "node:crypto";
var LOG_LINES = 200, LOG_BYTES = 16 * 1024;
async function runSmokeTest(options) {
  let docker = options.docker ?? "docker", now = options.now ?? Date.now, sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))), timeout = options.timeoutSeconds ?? 30, name = `image-build-smoke-${randomBytes(4).toString("hex")}`, run = (args) => options.runner.run(docker, args, { env: options.env }), started = now(), elapsed = () => (now() - started) / 1e3, health = options.healthcheck && !options.command ? ["--health-interval=1s", `--health-start-period=${timeout}s`] : [], created = await run([
    "run",
    "-d",
    "--name",
    name,
    `--network=${options.network ?? "none"}`,
    ...health,
    options.image
  ]);
  try {
    if (created.exitCode !== 0)
      return {
        passed: !1,
        detail: `could not start: ${firstLine(created.stderr)}`,
        seconds: elapsed(),
        log: created.stderr
      };
    let outcome = await waitForContainer(run, name, options, timeout, elapsed, sleep);
    if (outcome.passed) return { ...outcome, seconds: elapsed() };
    let logs = await run(["logs", "--tail", String(LOG_LINES), name]);
    return { ...outcome, seconds: elapsed(), log: tail(`${logs.stdout}${logs.stderr}`) };
  } finally {
    await run(["rm", "-f", "-v", name]);
  }
}
async function waitForContainer(run, name, options, timeout, elapsed, sleep) {
  let grace = Math.min(options.graceSeconds ?? 3, timeout), last = "not started";
  for (; ; ) {
    let inspected = await run(["inspect", "--format", "{{json .State}}", name]), state = inspected.exitCode === 0 ? parseState(inspected.stdout) : {}, healthStatus = state.Health?.Status;
    if (options.command && state.Running) {
      let probe = await run(["exec", name, ...options.command]);
      if (probe.exitCode === 0)
        return { passed: !0, detail: `probe exited 0 after ${elapsed().toFixed(1)} s` };
      last = `probe exited ${probe.exitCode}`;
    } else {
      if (healthStatus === "healthy")
        return { passed: !0, detail: `healthy after ${elapsed().toFixed(1)} s` };
      if (healthStatus === "unhealthy")
        return { passed: !1, detail: `HEALTHCHECK reported unhealthy after ${elapsed().toFixed(1)} s` };
      healthStatus && (last = `health ${healthStatus}`);
    }
    if (!state.Running) {
      let code = state.ExitCode ?? -1;
      return code === 0 && !options.command && !healthStatus ? { passed: !0, detail: "ran to completion (exit 0)" } : { passed: !1, detail: `exited with code ${code} after ${elapsed().toFixed(1)} s` };
    }
    if (!options.command && !healthStatus && elapsed() >= grace)
      return { passed: !0, detail: `still running after ${grace} s (no HEALTHCHECK or probe command)` };
    if (elapsed() >= timeout) return { passed: !1, detail: `not ready within ${timeout} s (${last})` };
    await sleep((options.pollSeconds ?? 1) * 1e3);
  }
}
function smokeTestCheck(result, level = "fail") {
  return row("smoke-test", level, {
    violated: !result.passed,
    detail: result.detail,
    log: result.passed ? void 0 : result.log
  });
}
function parseState(text) {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
function firstLine(text) {
  return text.trim().split(`
`)[0]?.slice(0, 300) ?? "";
}
function tail(text) {
  return text.length > LOG_BYTES ? `\u2026
${text.slice(text.length - LOG_BYTES)}` : text;
}

// src/report/report.ts
function buildImageReport(input) {
  let { model, contents } = input, facts = input.build ? layerBuildFacts(model.layers, input.build.steps) : [], baseline = input.baseline ? compareWithBaseline(model, input.baseline.model, input.baseline.label, {
    current: contents?.layers.map((layer) => layer.uncompressedBytes),
    baseline: input.baseline.contents?.layers.map((layer) => layer.uncompressedBytes)
  }) : void 0, layers = model.layers.map((layer, index) => {
    let content = contents?.layers[index], built = facts[index] ?? {};
    return {
      ...layer,
      instruction: built.instruction ?? layer.instruction,
      uncompressedBytes: content?.uncompressedBytes ?? layer.uncompressedBytes,
      ...content && { files: content.files, reclaimableBytes: content.reclaimableBytes },
      ...built.cached !== void 0 && { cached: built.cached, durationSeconds: built.durationSeconds },
      ...baseline && { delta: baseline.layers[index] }
    };
  }), sizes = reportSizes(model, layers), policy = input.policy ?? {}, checks = runChecks(
    {
      model,
      contents,
      baseline,
      scan: input.scan,
      fromReferences: input.fromReferences,
      uncompressedBytes: sizes.uncompressedBytes
    },
    policy
  ), smokeLevel = policy.smokeTest?.level ?? "fail";
  input.smokeTest && smokeLevel !== "off" && checks.push(smokeTestCheck(input.smokeTest, smokeLevel));
  let notices = [...input.notices ?? []];
  model.historyMismatch && notices.push(
    "The image history does not match its layers one to one: instructions were aligned from the top layer down."
  );
  let { layers: _layerDeltas, ...baselineTotals } = baseline ?? { layers: [] }, { layers: _layerContents, ...contentSummary } = contents ?? { layers: [] };
  return {
    image: model.image,
    source: model.source,
    digest: model.digest,
    indexDigest: model.indexDigest,
    platform: model.platform,
    platforms: model.platforms,
    created: model.created,
    tags: input.tags ? [...input.tags] : model.tags.map((reference) => ({ reference })),
    user: model.user,
    hasHealthcheck: model.hasHealthcheck,
    base: model.base,
    sizes,
    layers,
    contents: contents ? contentSummary : void 0,
    build: input.build ? buildFacts(input.build.steps, input.build.totalSeconds) : void 0,
    baseline: baseline ? baselineTotals : void 0,
    checks,
    status: overallStatus(checks),
    cost: sizes.compressedBytes !== void 0 ? monthlyStorageCost(sizes.compressedBytes, input.pricePerGbMonth) : void 0,
    notices
  };
}
function unavailableImageModel(image, tags = []) {
  return { image, source: "unavailable", tags: [...tags], configBytes: 0, layers: [], hasHealthcheck: !1 };
}
function reportSizes(model, layers) {
  let sum = (list, pick) => list.every((layer) => pick(layer) !== void 0) ? list.reduce((total, layer) => total + (pick(layer) ?? 0), 0) : void 0, split = (list) => ({
    compressedBytes: sum(list, (layer) => layer.compressedBytes),
    uncompressedBytes: sum(list, (layer) => layer.uncompressedBytes),
    layerCount: list.length
  }), baseCount = model.base?.layerCount ?? 0;
  return {
    compressedBytes: model.compressedBytes,
    uncompressedBytes: layers.length ? sum(layers, (layer) => layer.uncompressedBytes) : void 0,
    configBytes: model.configBytes,
    layerCount: layers.length,
    ...baseCount > 0 && { base: split(layers.slice(0, baseCount)), own: split(layers.slice(baseCount)) }
  };
}

// src/report/render/escape.ts
var INVISIBLE = (
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g
), PUNCTUATION = /[\\`*_{}[\]<>()#!|~&$]/g;
function mdText(text, max = 1 / 0) {
  return truncate(text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim(), max).replace(PUNCTUATION, (char) => `\\${char}`).replace(/^[-+=>]/, "\\$&").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2").replace(/@(?=[\w-])/g, "@\u200D").replace(/#(?=\d)/g, "#\u200D").replace(/:(?=\/\/)/g, ":\u200D").replace(/\b(www)\./gi, "$1\u200D.");
}
function commentSafe(text) {
  return text.replace(/[^A-Za-z0-9._/:+=-]/g, "_").replace(/-{2,}/g, "-");
}
function codeBlock(text, language = "") {
  let clean = text.replace(/\r\n?/g, `
`).replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ""), longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length)), fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}
${clean.replace(/\n+$/, "")}
${fence}`;
}
function terminalText(text, max = 1 / 0) {
  return truncate(text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim(), max);
}
function truncate(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  return end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]) && end--, `${text.slice(0, end)}\u2026`;
}

// src/report/render/blocks.ts
var utf8Bytes = (text) => Buffer.byteLength(text, "utf8"), characters = (text) => text.length;
function fitBlocks(blocks, options) {
  let texts = blocks.map((block) => block.text), sizes = texts.map((text2) => options.measure(text2)), total = () => sizes.reduce((sum, size) => sum + (size ? size + 2 : 0), 0), join3 = () => texts.filter(Boolean).join(`

`) + `
`;
  if (total() <= options.limit) return join3();
  let cut = 0, room = () => options.limit - options.measure(options.note(Math.max(cut, 1))) - 4, set = (index, text2) => {
    texts[index] = text2, sizes[index] = options.measure(text2), cut++;
  }, order = [...blocks.keys()].sort((a, b) => blocks[b].priority - blocks[a].priority || b - a);
  for (let index of order) {
    if (total() <= room()) break;
    let short = blocks[index].short;
    short !== void 0 && texts[index] !== short && set(index, short);
  }
  for (let index of order) {
    if (total() <= room()) break;
    blocks[index].priority > 0 && texts[index] && set(index, "");
  }
  let text = join3();
  return options.measure(text) > room() && (text = cutAtLine(text, room(), options.measure)), `${text.trimEnd()}

${options.note(Math.max(cut, 1))}
`;
}
function cutAtLine(text, room, measure) {
  let lines = text.split(`
`), kept = [], size = 0, fence, details2 = 0;
  for (let line of lines) {
    let cost = measure(line) + 1, closing = (fence ? measure(fence) + 1 : 0) + details2 * 11;
    if (size + cost + closing > room) break;
    kept.push(line), size += cost;
    let fenceMatch = /^(`{3,})/.exec(line);
    fenceMatch && (fence = fence && fenceMatch[1].length >= fence.length ? void 0 : fence ?? fenceMatch[1]), !fence && line.startsWith("<details") && details2++, !fence && line.startsWith("</details>") && details2--;
  }
  for (fence && kept.push(fence); details2 > 0; details2--) kept.push("</details>");
  return kept.join(`
`);
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  let settings = options || {}, align = (settings.align || []).concat(), stringLength = settings.stringLength || defaultStringLength, alignments = [], cellMatrix = [], sizeMatrix = [], longestCellByColumn = [], mostCellsPerRow = 0, rowIndex = -1;
  for (; ++rowIndex < table2.length; ) {
    let row3 = [], sizes2 = [], columnIndex2 = -1;
    for (table2[rowIndex].length > mostCellsPerRow && (mostCellsPerRow = table2[rowIndex].length); ++columnIndex2 < table2[rowIndex].length; ) {
      let cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== !1) {
        let size = stringLength(cell);
        sizes2[columnIndex2] = size, (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) && (longestCellByColumn[columnIndex2] = size);
      }
      row3.push(cell);
    }
    cellMatrix[rowIndex] = row3, sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align == "object" && "length" in align)
    for (; ++columnIndex < mostCellsPerRow; )
      alignments[columnIndex] = toAlignment(align[columnIndex]);
  else {
    let code = toAlignment(align);
    for (; ++columnIndex < mostCellsPerRow; )
      alignments[columnIndex] = code;
  }
  columnIndex = -1;
  let row2 = [], sizes = [];
  for (; ++columnIndex < mostCellsPerRow; ) {
    let code = alignments[columnIndex], before = "", after = "";
    code === 99 ? (before = ":", after = ":") : code === 108 ? before = ":" : code === 114 && (after = ":");
    let size = settings.alignDelimiters === !1 ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    ), cell = before + "-".repeat(size) + after;
    settings.alignDelimiters !== !1 && (size = before.length + size + after.length, size > longestCellByColumn[columnIndex] && (longestCellByColumn[columnIndex] = size), sizes[columnIndex] = size), row2[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row2), sizeMatrix.splice(1, 0, sizes), rowIndex = -1;
  let lines = [];
  for (; ++rowIndex < cellMatrix.length; ) {
    let row3 = cellMatrix[rowIndex], sizes2 = sizeMatrix[rowIndex], cellsInRow = settings.fillRows === !1 ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    let line = [];
    for (; ++columnIndex < cellsInRow; ) {
      let cell = row3[columnIndex] || "", before = "", after = "";
      if (settings.alignDelimiters !== !1) {
        let size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0), code = alignments[columnIndex];
        if (code === 114)
          before = " ".repeat(size);
        else if (code === 99) {
          let half = size / 2;
          size % 2 ? (before = " ".repeat(half + 0.5), after = " ".repeat(half - 0.5)) : (before = " ".repeat(half), after = before);
        } else
          after = " ".repeat(size);
      }
      settings.delimiterStart !== !1 && !columnIndex && line.push("|"), settings.padding !== !1 && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === !1 && cell === "") && (settings.delimiterStart !== !1 || columnIndex) && line.push(" "), settings.alignDelimiters !== !1 && line.push(before), line.push(cell), settings.alignDelimiters !== !1 && line.push(after), settings.padding !== !1 && line.push(" "), (settings.delimiterEnd !== !1 || columnIndex !== cellsInRow - 1) && line.push("|");
    }
    lines.push(
      settings.delimiterEnd === !1 ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join(`
`);
}
function serialize(value) {
  return value == null ? "" : String(value);
}
function toAlignment(value) {
  let code = typeof value == "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/render/markdown-parts.ts
var STATUS_ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C", skip: "\u2796" }, SOURCE_TEXT = {
  registry: "registry (manifest and config; nothing pulled)",
  engine: "engine (after load)",
  "docker-save": "`docker save` tarball",
  "oci-layout": "OCI layout exported by the build",
  blobs: "registry blobs",
  unavailable: "not readable: no sizes"
}, bytesOrUnknown = (bytes) => bytes === void 0 ? "unknown" : formatBytes(bytes);
function table(header, rows, align) {
  return markdownTable([header, ...rows], { align, alignDelimiters: !1 });
}
function details(summary, body) {
  return `<details><summary>${summary}</summary>

${body}

</details>`;
}
function digestText(digest) {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? `\`${digest}\`` : mdText(digest, 100);
}

// src/report/render/details.ts
function largestFilesBlock(report, options) {
  let files = report.contents?.largestOwnFiles ?? [];
  if (!files.length) return { text: "", priority: 3 };
  let render = (count) => details(
    `Largest files added by the image's own layers (${Math.min(count, files.length)})`,
    table(
      ["Path", "Size", "Layer"],
      files.slice(0, count).map((file) => [mdText(file.path, 200), formatBytes(file.bytes), String(file.layer + 1)]),
      ["l", "r", "r"]
    )
  );
  return { text: render(options.condensed ? 10 : 25), short: render(5), priority: 3 };
}
function wasteBlock(report, options) {
  let contents = report.contents;
  if (!contents || !contents.wastedPaths.length) return { text: "", priority: 2 };
  let render = (count) => details(
    `Waste: ${formatBytes(contents.reclaimableBytes)} reclaimable (efficiency ${formatPercent(contents.efficiency)})`,
    table(
      ["Path", "Reclaimable", "Written/deleted", "Last by layer", "Now"],
      contents.wastedPaths.slice(0, count).map((path) => [
        mdText(path.path, 200),
        formatBytes(path.reclaimableBytes),
        `${path.occurrences}\xD7`,
        String(path.layer + 1),
        path.deleted ? "deleted" : "kept"
      ]),
      ["l", "r", "r", "r", "l"]
    )
  );
  return { text: render(options.condensed ? 10 : 25), short: render(5), priority: 2 };
}
function duplicatesBlock(report, options) {
  let groups = report.contents?.duplicates ?? [];
  if (!groups.length) return { text: "", priority: 4 };
  let total = groups.reduce((sum, group) => sum + group.wastedBytes, 0), render = (count) => details(
    `Duplicate files: ${formatBytes(total)} in extra copies`,
    table(
      ["Size", "Copies", "Paths"],
      groups.slice(0, count).map((group) => [
        formatBytes(group.bytes),
        String(group.paths.length),
        group.paths.slice(0, 5).map((file) => mdText(file.path, 120)).join("<br>") + (group.paths.length > 5 ? `<br>\u2026 ${group.paths.length - 5} more` : "")
      ]),
      ["r", "r", "l"]
    ) + (groups.some((group) => !group.verified) ? `

Unverified groups matched on size and first and last 4 KiB only.` : "")
  );
  return { text: render(options.condensed ? 5 : 20), short: render(3), priority: 4 };
}
function findingsBlock(report) {
  let findings = report.contents?.findings ?? [];
  if (!findings.length) return { text: "", priority: 3 };
  let rows = findings.map((finding) => [
    finding.kind.replace("-", " "),
    mdText(finding.category, 60),
    String(finding.files),
    formatBytes(finding.bytes),
    formatBytes(finding.ownBytes),
    mdText(finding.examples[0]?.path ?? "", 120)
  ]);
  return {
    text: details(
      "Files the checks flagged",
      table(["Kind", "What", "Files", "Bytes", "In own layers", "Largest"], rows, [
        "l",
        "l",
        "r",
        "r",
        "r",
        "l"
      ])
    ),
    priority: 3
  };
}
function stepsBlock(report) {
  let steps = report.build?.steps ?? [];
  return steps.length ? {
    text: details(
      `Build steps (${steps.length})`,
      table(
        ["Step", "Time", "Cached"],
        steps.map((step) => [
          mdText(step.name, 160),
          step.seconds === void 0 || step.cached ? "" : formatSeconds(step.seconds),
          step.cached ? "yes" : "no"
        ]),
        ["l", "r", "c"]
      )
    ),
    priority: 5
  } : { text: "", priority: 5 };
}
function logsBlock(report) {
  let logged = report.checks.filter((check) => check.log && check.status !== "pass");
  return logged.length ? {
    text: logged.map((check) => details(`${check.name}: output`, codeBlock(check.log ?? ""))).join(`

`),
    short: logged.map(
      (check) => details(`${check.name}: output (last lines)`, codeBlock(lastLines(check.log ?? "", 30)))
    ).join(`

`),
    priority: 2
  } : { text: "", priority: 2 };
}
function lastLines(text, count) {
  return text.trimEnd().split(`
`).slice(-count).join(`
`);
}

// src/report/render/headline.ts
function statusLine(report) {
  let count = (status) => report.checks.filter((check) => check.status === status).length;
  return `**Checks:** ${[
    count("fail") && `${STATUS_ICON.fail} ${count("fail")} failed`,
    count("warn") && `${STATUS_ICON.warn} ${count("warn")} ${count("warn") === 1 ? "warning" : "warnings"}`,
    count("pass") && `${count("fail") || count("warn") ? "" : `${STATUS_ICON.pass} `}${count("pass")} passed`,
    count("skip") && `${count("skip")} skipped`
  ].filter(Boolean).join(" \xB7 ") || "none run"}`;
}
function titleBlock(report) {
  let platform = report.platform ? ` (${mdText(report.platform, 40)})` : "";
  return `### Image ${mdText(report.image, 200)}${platform}

${statusLine(report)}`;
}
function headlineBlock(report, options) {
  let { sizes, baseline } = report, versus = baseline ? ` vs ${mdText(baseline.label, 80)}` : "", delta = (value) => value === void 0 || !baseline ? "" : ` (${formatDelta(value)}${versus})`, rows = [], compressedNote = sizes.compressedBytes === void 0 && report.source !== "unavailable" ? " (layers read uncompressed; known after push)" : "";
  rows.push([
    "Compressed size (pull)",
    `${bytesOrUnknown(sizes.compressedBytes)}${compressedNote}${delta(baseline?.compressedDelta)}`
  ]), rows.push([
    "Uncompressed size (on disk)",
    `${bytesOrUnknown(sizes.uncompressedBytes)}${delta(baseline?.uncompressedDelta)}`
  ]);
  let split = sizes.base && sizes.own ? ` (${sizes.base.layerCount} base, ${sizes.own.layerCount} own)` : "", layerDelta = baseline && baseline.layerCountDelta !== 0 ? ` (${baseline.layerCountDelta > 0 ? "+" : ""}${baseline.layerCountDelta}${versus})` : "";
  if (rows.push(["Layers", `${sizes.layerCount}${split}${layerDelta}`]), report.base) {
    let name = report.base.name ? mdText(report.base.name, 120) : "located by layers", share = sizes.base ? `: ${bytesOrUnknown(sizes.base.compressedBytes)} compressed, ${bytesOrUnknown(sizes.base.uncompressedBytes)} uncompressed` : "", changed = baseline?.baseImageChanged ? ` \xB7 ${STATUS_ICON.warn} changed since ${mdText(baseline.label, 80)}` : "";
    rows.push(["Base image", `${name}${share}${changed}`]);
  }
  if (report.contents && rows.push([
    "Efficiency",
    `${formatPercent(report.contents.efficiency)} \xB7 ${formatBytes(report.contents.reclaimableBytes)} reclaimable`
  ]), report.build) {
    let { build } = report, time = build.totalSeconds !== void 0 ? formatSeconds(build.totalSeconds) : `${formatSeconds(build.stepSeconds)} (\u03A3 step times)`, cache = build.cacheHitRatio !== void 0 ? `, ${build.cachedSteps}/${build.steps.length} steps cached (${formatPercent(build.cacheHitRatio, 0)})` : "";
    rows.push(["Build time", `${time}${cache}`]);
  }
  return report.cost && rows.push([
    "Storage cost",
    `${formatUsd(report.cost.monthlyUsd)}/month at $${report.cost.pricePerGbMonth.toFixed(2)} per GB-month`
  ]), report.digest && rows.push(["Digest", digestText(report.digest)]), report.platforms && report.platforms.length > 1 && rows.push([
    "Platforms",
    report.platforms.slice(0, 20).map(
      (p) => `${mdText(p.platform, 40)}${p.compressedBytes !== void 0 ? ` ${formatBytes(p.compressedBytes)}` : ""}`
    ).join(" \xB7 ") + (report.platforms.length > 20 ? ` \xB7 \u2026 ${report.platforms.length - 20} more` : "")
  ]), !options.condensed && report.tags.length && rows.push([
    "Tags",
    report.tags.slice(0, 20).map(
      (tag) => `${mdText(tag.reference, 200)}${tag.outcome ? ` (${tag.outcome}${tag.reason ? `: ${mdText(tag.reason, 120)}` : ""})` : ""}`
    ).join("<br>") + (report.tags.length > 20 ? `<br>\u2026 ${report.tags.length - 20} more` : "")
  ]), rows.push(["Read from", SOURCE_TEXT[report.source]]), table(["", ""], rows, ["l", "l"]);
}
function noticesBlock(report) {
  return report.notices.length ? ["> [!NOTE]", ...report.notices.map((notice) => `> ${mdText(notice, 500)}`)].join(`
`) : "";
}
function checksBlock(report, options) {
  if (!report.checks.length) return { text: "", priority: 1 };
  let rows = (checks) => checks.map((check) => [
    STATUS_ICON[check.status],
    check.name,
    mdText(check.detail, options.condensed ? 200 : 400)
  ]), text = `#### Checks

${table(["", "Check", "Result"], rows(report.checks), ["c", "l", "l"])}`, notPassed = report.checks.filter((check) => check.status === "fail" || check.status === "warn"), short = `#### Checks

${notPassed.length ? table(["", "Check", "Result"], rows(notPassed), ["c", "l", "l"]) : "All checks passed."}`;
  return { text, short, priority: 0 };
}
var SIZE_LEGEND = "<sub>Compressed: what a pull transfers and the registry stores (config + layers). Uncompressed: what the layers unpack to. 1 MiB = 1,048,576 bytes.</sub>";

// src/report/render/layers.ts
function layerDeltaText(layer) {
  let delta = layer.delta;
  if (!delta) return "";
  let bytes = delta.compressedBytes ?? delta.uncompressedBytes;
  return delta.change === "unchanged" ? "=" : delta.change === "added" ? `new${bytes !== void 0 ? ` ${formatDelta(bytes)}` : ""}` : bytes === void 0 ? "changed" : bytes === 0 ? "rebuilt \xB10" : formatDelta(bytes);
}
function layersBlock(report, options) {
  if (!report.layers.length) return { text: "", priority: 1 };
  let withBaseline = !!report.baseline, withBuild = report.layers.some((layer) => layer.cached !== void 0), withOrigin = !!report.sizes.base, header = ["#", "Instruction", "Compressed", "Uncompressed"], align = ["r", "l", "r", "r"], column = (title, alignment) => {
    header.push(title), align.push(alignment);
  };
  withBaseline && column(`\u0394 vs ${mdText(report.baseline?.label ?? "", 40)}`, "r"), withBuild && (column("Cached", "c"), column("Time", "r")), withOrigin && column("Origin", "l");
  let rowOf = (layer, max) => {
    let row2 = [
      String(layer.index + 1),
      mdText(layer.instruction, max),
      bytesOrUnknown(layer.compressedBytes),
      bytesOrUnknown(layer.uncompressedBytes)
    ];
    return withBaseline && row2.push(layerDeltaText(layer)), withBuild && (row2.push(layer.cached === void 0 ? "" : layer.cached ? "yes" : "no"), row2.push(
      layer.durationSeconds === void 0 || layer.cached ? "" : formatSeconds(layer.durationSeconds)
    )), withOrigin && row2.push(layer.origin), row2;
  }, render = (layers, max, note2) => `#### Layers

${table(
    header,
    layers.map((layer) => rowOf(layer, max)),
    align
  )}${note2}${removedText(report)}`, text = render(report.layers, 160, ""), changed = report.layers.filter((layer) => layer.delta && layer.delta.change !== "unchanged"), selection = withBaseline ? changed : [...report.layers].sort(
    (a, b) => (b.compressedBytes ?? b.uncompressedBytes ?? 0) - (a.compressedBytes ?? a.uncompressedBytes ?? 0)
  ).slice(0, 10).sort((a, b) => a.index - b.index), hidden = report.layers.length - selection.length, note = hidden ? `

${hidden} ${withBaseline ? "unchanged " : "smaller "}layer${hidden === 1 ? "" : "s"} not shown.` : "", short = withBaseline && !changed.length ? `#### Layers

No layer changed since ${mdText(report.baseline?.label ?? "", 80)}.${removedText(report)}` : render(selection, 100, note);
  return options.condensed ? { text: short, priority: 0 } : { text, short, priority: 0 };
}
function removedText(report) {
  let removed = report.baseline?.removed ?? [];
  if (!removed.length) return "";
  let items = removed.slice(0, 20).map(
    (layer) => `- ${mdText(layer.instruction, 120)} (${bytesOrUnknown(layer.compressedBytes ?? layer.uncompressedBytes)})`
  );
  return `

Removed since ${mdText(report.baseline?.label ?? "", 80)}:

${items.join(`
`)}${removed.length > 20 ? `
- \u2026 ${removed.length - 20} more` : ""}`;
}
function chartBlock(report) {
  let layers = report.layers, compressed = layers.every((layer) => layer.compressedBytes !== void 0), size = (layer) => compressed ? layer.compressedBytes : layer.uncompressedBytes;
  if (layers.length < 2 || layers.length > 80 || layers.some((layer) => size(layer) === void 0)) return "";
  let mib = (layer) => Number(((size(layer) ?? 0) / 1048576).toFixed(2)), series = (origin) => layers.map((layer) => layer.origin === origin ? mib(layer) : 0).join(", ");
  return `\`\`\`mermaid
${[
    "xychart-beta",
    `    title "${compressed ? "Compressed" : "Uncompressed"} size by layer (MiB)${report.sizes.base ? ": base, then own" : ""}"`,
    `    x-axis [${layers.map((layer) => `"${layer.index + 1}"`).join(", ")}]`,
    '    y-axis "MiB"',
    ...report.sizes.base ? [`    bar [${series("base")}]`] : [],
    `    bar [${series("own")}]`
  ].join(`
`)}
\`\`\``;
}

// src/report/render/markdown.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024, COMMENT_LIMIT_CHARACTERS = 65536;
function imageBlocks(report, options) {
  return [
    { text: titleBlock(report), priority: 0 },
    { text: headlineBlock(report, options), priority: 0 },
    { text: noticesBlock(report), priority: 1 },
    checksBlock(report, options),
    layersBlock(report, options),
    { text: chartBlock(report), priority: options.condensed ? 6 : 4 },
    logsBlock(report),
    wasteBlock(report, options),
    largestFilesBlock(report, options),
    findingsBlock(report),
    duplicatesBlock(report, options),
    ...options.condensed ? [] : [stepsBlock(report)]
  ];
}
function renderSummaryMarkdown(reports) {
  let blocks = (Array.isArray(reports) ? reports : [reports]).flatMap((report) => imageBlocks(report, { condensed: !1 }));
  return blocks.push({ text: SIZE_LEGEND, priority: 1 }), fitBlocks(blocks, {
    limit: SUMMARY_LIMIT_BYTES,
    measure: utf8Bytes,
    note: (cut) => `> [!NOTE]
> ${cut} section${cut === 1 ? " was" : "s were"} shortened or left out to keep this summary under GitHub's 1 MiB limit.`
  });
}
function reportCommentMarker(image) {
  return `<!-- image-build:report:${commentSafe(image)} -->`;
}
function renderPullRequestComment(report) {
  let marker = reportCommentMarker(report.image), blocks = imageBlocks(report, { condensed: !0 });
  blocks.push({ text: SIZE_LEGEND, priority: 1 });
  let body = fitBlocks(blocks, {
    limit: COMMENT_LIMIT_CHARACTERS - marker.length - 1,
    measure: characters,
    note: (cut) => `> [!NOTE]
> ${cut} section${cut === 1 ? " was" : "s were"} shortened or left out to fit GitHub's comment limit; the job summary has everything.`
  });
  return `${marker}
${body}`;
}

// src/report/render/json.ts
var REPORT_SCHEMA_VERSION = 1;
function reportDocument(reports) {
  return { schemaVersion: 1, generator: "image-build", images: Array.isArray(reports) ? [...reports] : [reports] };
}
function renderReportJson(reports) {
  return `${JSON.stringify(reportDocument(reports), null, 2)}
`;
}

// src/report/render/terminal.ts
var ANSI = {
  pass: "\x1B[32m",
  warn: "\x1B[33m",
  fail: "\x1B[31m",
  skip: "\x1B[2m",
  dim: "\x1B[2m",
  bold: "\x1B[1m"
}, MARK = { pass: "ok  ", warn: "WARN", fail: "FAIL", skip: "skip" };
function renderTerminal(reports, options = {}) {
  return (Array.isArray(reports) ? reports : [reports]).map((report) => renderOne(report, options)).join(`

`) + `
`;
}
function renderOne(report, options) {
  let paint = (style, text) => options.color ? `${ANSI[style]}${text}\x1B[0m` : text, size = (bytes) => bytes === void 0 ? "unknown" : formatBytes(bytes), lines = [];
  lines.push(
    paint(
      "bold",
      `Image ${terminalText(report.image, 200)}${report.platform ? ` (${terminalText(report.platform, 40)})` : ""}`
    )
  );
  let versus = report.baseline ? ` vs ${terminalText(report.baseline.label, 60)}` : "", delta = (value) => value === void 0 || !report.baseline ? "" : ` (${formatDelta(value)}${versus})`, facts = [
    ["Compressed (pull)", `${size(report.sizes.compressedBytes)}${delta(report.baseline?.compressedDelta)}`],
    [
      "Uncompressed (disk)",
      `${size(report.sizes.uncompressedBytes)}${delta(report.baseline?.uncompressedDelta)}`
    ],
    [
      "Layers",
      `${report.sizes.layerCount}${report.sizes.base && report.sizes.own ? ` (${report.sizes.base.layerCount} base, ${report.sizes.own.layerCount} own)` : ""}`
    ]
  ];
  if (report.base?.name && facts.push(["Base image", terminalText(report.base.name, 120)]), report.contents && facts.push([
    "Efficiency",
    `${formatPercent(report.contents.efficiency)}, ${formatBytes(report.contents.reclaimableBytes)} reclaimable`
  ]), report.build) {
    let time = report.build.totalSeconds ?? report.build.stepSeconds;
    facts.push([
      "Build",
      `${formatSeconds(time)}, ${report.build.cachedSteps}/${report.build.steps.length} steps cached`
    ]);
  }
  report.cost && facts.push(["Storage cost", `${formatUsd(report.cost.monthlyUsd)}/month`]), report.digest && facts.push(["Digest", terminalText(report.digest, 80)]);
  let labelWidth = Math.max(...facts.map(([label]) => label.length));
  for (let [label, value] of facts) lines.push(`  ${label.padEnd(labelWidth)}  ${value}`);
  if (report.notices.length && lines.push("", ...report.notices.map((notice) => `note: ${terminalText(notice, 300)}`)), report.layers.length) {
    lines.push("", paint("bold", "Layers"));
    let width = options.width ?? 120, rows = report.layers.map((layer) => layerRow(layer, report)), header = [
      "#",
      "Compressed",
      "Uncompressed",
      ...report.baseline ? ["\u0394"] : [],
      "Origin",
      "Instruction"
    ], fixed = header.length - 1, widths = header.slice(0, fixed).map((title, column) => Math.max(title.length, ...rows.map((row2) => row2[column].length))), instructionWidth = Math.max(20, width - widths.reduce((sum, w) => sum + w + 2, 2)), format = (row2, dim = !1) => {
      let text = `  ${row2.slice(0, fixed).map((cell, column) => cell.padStart(widths[column])).join("  ")}  ${terminalText(row2[fixed], instructionWidth)}`;
      return dim ? paint("dim", text) : text;
    };
    lines.push(format(header, !0), ...rows.map((row2) => format(row2)));
  }
  if (report.checks.length) {
    lines.push("", paint("bold", "Checks"));
    let nameWidth = Math.max(...report.checks.map((check) => check.name.length));
    for (let check of report.checks)
      lines.push(
        `  ${paint(check.status, MARK[check.status])}  ${check.name.padEnd(nameWidth)}  ${terminalText(check.detail, 200)}`
      );
  }
  let largest = report.contents?.largestOwnFiles.slice(0, 10) ?? [];
  if (largest.length) {
    lines.push("", paint("bold", "Largest files (own layers)"));
    for (let file of largest)
      lines.push(`  ${formatBytes(file.bytes).padStart(10)}  ${terminalText(file.path, 160)}`);
  }
  let wasted = report.contents?.wastedPaths.slice(0, 10) ?? [];
  if (wasted.length) {
    lines.push("", paint("bold", "Waste (reclaimable)"));
    for (let path of wasted)
      lines.push(
        `  ${formatBytes(path.reclaimableBytes).padStart(10)}  ${terminalText(path.path, 160)}${path.deleted ? paint("dim", " (deleted)") : ""}`
      );
  }
  return lines.join(`
`);
}
function layerRow(layer, report) {
  let size = (bytes) => bytes === void 0 ? "-" : formatBytes(bytes), delta = layer.delta, change = delta ? delta.change === "unchanged" ? "=" : delta.change === "added" ? "new" : formatDelta(delta.compressedBytes ?? delta.uncompressedBytes ?? 0) : "";
  return [
    String(layer.index + 1),
    size(layer.compressedBytes),
    size(layer.uncompressedBytes),
    ...report.baseline ? [change] : [],
    report.sizes.base ? layer.origin : "",
    layer.instruction
  ];
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
  }) : void 0, tags = result.publish ? result.publish.registries.flatMap(
    (registry) => registry.tags.map((tag) => ({
      reference: `${registry.image}:${tag.tag}`,
      outcome: OUTCOME[tag.status] ?? "tagged",
      reason: tag.reason
    }))
  ) : result.metadata.tags.map((reference) => ({ reference, outcome: "local" })), name = source?.image ?? result.metadata.images[0] ?? result.metadata.tags[0] ?? "image", model = source && image ? imageModelFromMetadata({
    image: name,
    manifest: image.manifest,
    config: image.config,
    digest: source.digest
  }) : unavailableImageModel(name);
  return buildImageReport({ model, tags, build: { steps: result.build?.result.steps ?? [] } });
}
async function renderRunReport(result, deps) {
  let env = {
    ...deps.env,
    ...result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }
  }, reader = registryImageReader({ runner: deps.runner, logger: deps.logger, env });
  return renderSummaryMarkdown(await reportFor(result, reader, deps.logger));
}

export {
  imageBuildOutputs,
  formatBytes,
  report_exports,
  registryImageReader,
  reportFor,
  renderRunReport
};
