import type { EntryKind, LayerEntry } from './entries.js';
import type { LayerContents } from './types.js';

const enum Kind {
  File,
  Directory,
  Link,
  Other,
}

/**
 * One path ever seen, with dive's per-path accounting. A deleted path keeps its node (not `present`)
 * so its history still counts when a later layer brings it back.
 */
export class PathNode {
  children: Map<string, PathNode> | undefined;
  kind = Kind.Directory;
  present = false;
  /** Size of the visible version. */
  bytes = 0;
  /** Layer of the visible version (or of the last deletion). */
  layer = -1;
  occurrences = 0;
  cumulative = 0;
  smallest = 0;
  fingerprint: string | undefined;
  /** Where the visible version's content starts in its layer's source, when known. */
  offset: number | undefined;

  constructor(readonly name: string) {}

  get isFile(): boolean {
    return this.kind === Kind.File;
  }
}

const KINDS: Partial<Record<EntryKind, Kind>> = {
  file: Kind.File,
  directory: Kind.Directory,
  link: Kind.Link,
  other: Kind.Other,
};

/**
 * The image's filesystem, built layer by layer, bottom first: the union of layers with overlayfs'
 * rules (a later path replaces an earlier one, `.wh.name` deletes, `.wh..wh..opq` hides a directory's
 * lower contents). Memory grows with the number of distinct paths, never with file sizes.
 */
export class LayeredFilesystem {
  readonly root = new PathNode('');
  readonly layers: LayerContents[] = [];

  /** Starts a layer; entries are then applied with `apply`, in tar order. */
  beginLayer(index: number): LayerContents {
    const layer: LayerContents = {
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
      reclaimableBytes: 0,
    };
    this.layers[index] = layer;
    return layer;
  }

  apply(layer: LayerContents, entry: LayerEntry): void {
    if (entry.kind === 'whiteout' || entry.kind === 'opaque') {
      this.delete(layer, entry);
      return;
    }
    const node = this.node(entry.path, layer);
    const kind = KINDS[entry.kind] ?? Kind.Other;
    if (kind === Kind.File) {
      layer.files++;
      layer.uncompressedBytes += entry.bytes;
    } else if (kind === Kind.Directory) layer.directories++;
    else if (kind === Kind.Link) {
      layer.links++;
      layer.uncompressedBytes += entry.bytes;
    }

    const replacesLower = node.present && node.layer < layer.index;
    if (node.present && kind !== Kind.Directory && node.children) {
      // A file replacing a directory hides everything that was under it.
      layer.removed += hide(node, layer.index, true);
      node.children = undefined;
    }
    if (kind !== Kind.Directory || !node.present) {
      if (replacesLower) layer.modified++;
      else if (!node.present) layer.added++;
    }
    // Only file contents count in dive's accounting; a link's target length is disk use, not waste.
    const bytes = kind === Kind.File ? entry.bytes : 0;
    node.kind = kind;
    node.present = true;
    node.bytes = bytes;
    node.layer = layer.index;
    node.fingerprint = entry.fingerprint;
    node.offset = entry.offset;
    this.occur(node, bytes, layer);
  }

  private delete(layer: LayerContents, entry: LayerEntry): void {
    const opaque = entry.kind === 'opaque';
    if (opaque) layer.opaqueDirectories++;
    else layer.whiteouts++;
    const node = this.find(entry.path);
    if (!node?.present) return;
    let hidden = 0;
    let removedFiles = 0;
    const visit = (current: PathNode, removeSelf: boolean) => {
      // Only lower layers are hidden: what this layer wrote stays, even inside a deleted directory.
      if (removeSelf && current.layer < layer.index) {
        hidden += current.kind === Kind.File ? current.bytes : 0;
        removedFiles += current.kind === Kind.File ? 1 : 0;
        current.present = false;
        current.layer = layer.index;
      }
      for (const child of current.children?.values() ?? []) {
        if (child.present) visit(child, true);
      }
    };
    visit(node, !opaque);
    layer.removed += removedFiles;
    // dive's rule: the deletion is an occurrence of the deleted path, as big as what it deleted.
    this.occur(node, hidden, layer);
  }

  /**
   * Records one write or deletion of a path. The layer that re-touches a path is charged the growth of
   * that path's reclaimable bytes (cumulative − smallest), so the per-layer figures add up to the total.
   */
  private occur(node: PathNode, bytes: number, layer: LayerContents): void {
    if (node.occurrences > 0) {
      const growth = Math.max(bytes, node.smallest);
      layer.reclaimableBytes += growth;
      node.smallest = Math.min(node.smallest, bytes);
    } else node.smallest = bytes;
    node.cumulative += bytes;
    node.occurrences++;
  }

  private node(path: string, layer: LayerContents): PathNode {
    const names = path.split('/');
    let current = this.root;
    names.forEach((name, depth) => {
      current.children ??= new Map();
      let child = current.children.get(name);
      if (!child) {
        child = new PathNode(name);
        current.children.set(name, child);
      }
      if (depth < names.length - 1 && !child.present) {
        // A parent directory implied by a deeper entry (layers need not list every directory).
        child.kind = Kind.Directory;
        child.present = true;
        child.layer = layer.index;
        this.occur(child, 0, layer);
      }
      current = child;
    });
    return current;
  }

  private find(path: string): PathNode | undefined {
    let current: PathNode | undefined = this.root;
    for (const name of path ? path.split('/') : []) current = current?.children?.get(name);
    return current;
  }
}

/** Marks everything under `node` deleted; returns how many files that was. */
function hide(node: PathNode, layerIndex: number, childrenOnly: boolean): number {
  let files = 0;
  if (!childrenOnly && node.present) {
    node.present = false;
    node.layer = layerIndex;
    if (node.isFile) files++;
  }
  for (const child of node.children?.values() ?? []) files += hide(child, layerIndex, false);
  return files;
}
