/**
 * The image as the report sees it: plain data, read from registry metadata, `docker save` output or an
 * OCI layout, never by pulling. Every size says what it measures: compressed (what a pull transfers,
 * what the registry stores) or uncompressed (what the layer unpacks to on disk).
 */

/**
 * Where the image was read from: the report says so, since a pull request build is often not pushed.
 * `unavailable`: it could not be read at all, so the report has no sizes.
 */
export type ImageSourceKind = 'registry' | 'engine' | 'docker-save' | 'oci-layout' | 'blobs' | 'unavailable';

export type LayerOrigin = 'base' | 'own';

export interface LayerModel {
  /** 0-based position, bottom layer first. */
  index: number;
  /** Blob digest as stored (compressed for registries and OCI layouts). */
  digest?: string;
  /** Digest of the uncompressed layer tar (config `rootfs.diff_ids`): the same content everywhere. */
  diffId?: string;
  /** Compressed blob size: what a pull transfers. Unknown when the source holds uncompressed layers. */
  compressedBytes?: number;
  /** Σ file sizes the layer unpacks to (what `docker history` shows); known once contents are read. */
  uncompressedBytes?: number;
  /** The instruction that made the layer, flags kept (`COPY --from=builder /deps /deps`). */
  instruction: string;
  /** True when the instruction text is ours (history missing), not the image's. */
  instructionInferred?: boolean;
  createdAt?: string;
  origin: LayerOrigin;
}

export interface BaseImageModel {
  name?: string;
  digest?: string;
  /** The first `layerCount` layers are the base image's; 0 when it is named (annotations) but not located. */
  layerCount: number;
  matchedBy: 'annotation' | 'diff-ids' | 'given';
}

/** One platform of a multi-platform image, as listed in its index. */
export interface PlatformSummary {
  platform: string;
  digest: string;
  /** config + Σ compressed layers; undefined until that platform's manifest is read. */
  compressedBytes?: number;
  layerCount?: number;
}

export interface ImageModel {
  /** The image name as the user gave it (`registry/repo`), without tag or digest. */
  image: string;
  source: ImageSourceKind;
  /** Manifest digest of the reported platform image. */
  digest?: string;
  /** Index digest when the image is multi-platform. */
  indexDigest?: string;
  platform?: string;
  tags: string[];
  created?: string;
  configBytes: number;
  /** config + Σ compressed layers: the bytes a cold pull transfers. Undefined when any size is unknown. */
  compressedBytes?: number;
  layers: LayerModel[];
  base?: BaseImageModel;
  user?: string;
  hasHealthcheck: boolean;
  /** Every platform of the index (the reported one included), for a multi-platform image. */
  platforms?: PlatformSummary[];
  /** History entries and layers disagreed in count: instructions were aligned from the top layer down. */
  historyMismatch?: boolean;
}
