/** What the file-level analysis found, per layer and for the final filesystem. Plain data. */

export interface LayerContents {
  index: number;
  /** Length of the uncompressed layer tar. */
  tarBytes: number;
  /** Σ file sizes (and symbolic link target lengths) in the layer: what `docker history` shows. */
  uncompressedBytes: number;
  files: number;
  directories: number;
  /** Symbolic and hard links. */
  links: number;
  /** Paths new to the filesystem at this layer. */
  added: number;
  /** Paths that replaced a lower layer's version. */
  modified: number;
  /** Paths this layer deleted (each file under a deleted directory counts). */
  removed: number;
  /** `.wh.<name>` entries. */
  whiteouts: number;
  /** `.wh..wh..opq` entries: directories whose lower contents this layer hides. */
  opaqueDirectories: number;
  /** Reclaimable bytes this layer caused by rewriting or deleting lower layers' paths. */
  reclaimableBytes: number;
}

export interface FileEntry {
  path: string;
  bytes: number;
  /** The layer the final version comes from. */
  layer: number;
}

export interface WastedPath {
  path: string;
  /** cumulative − smallest, over every layer that touched the path. */
  reclaimableBytes: number;
  /** Σ sizes of the path across layers (a deletion counts what it deleted). */
  cumulativeBytes: number;
  /** How many times layers wrote or deleted the path. */
  occurrences: number;
  /** The last layer that rewrote or deleted it. */
  layer: number;
  /** Not in the final filesystem. */
  deleted: boolean;
}

export interface DuplicateGroup {
  bytes: number;
  /** Every path with this content, in the final filesystem. */
  paths: FileEntry[];
  /** bytes × (copies − 1). */
  wastedBytes: number;
  /** Content hashed in full; false when only size and the first and last 4 KiB were compared. */
  verified: boolean;
}

export type FindingKind = 'build-tool' | 'package-cache' | 'secret';

/** A path in the final filesystem a production check cares about. */
export interface PathFinding extends FileEntry {
  kind: FindingKind;
  /** What it is: `gcc`, `apt lists`, `pip cache`, `private key`… */
  category: string;
}

export interface FindingSummary {
  kind: FindingKind;
  category: string;
  files: number;
  bytes: number;
  /** Part of bytes added by the image's own layers (not its base). */
  ownBytes: number;
  /** A few paths, largest first. */
  examples: FileEntry[];
}

export interface ContentAnalysis {
  layers: LayerContents[];
  /** Σ smallest / Σ cumulative over every path (1 when nothing repeats). */
  efficiency: number;
  reclaimableBytes: number;
  /** Σ cumulative: what the analysis saw across all layers. */
  cumulativeBytes: number;
  /** The filesystem a container starts with. */
  final: { files: number; bytes: number };
  largestOwnFiles: FileEntry[];
  wastedPaths: WastedPath[];
  duplicates: DuplicateGroup[];
  findings: FindingSummary[];
}
