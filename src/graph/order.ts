import { ImagesFileError } from './file-error.js';
import type { ImagesFile, GraphImageSpec } from './images-file.js';

/** The images in an order that puts every parent before its children, and each image's level. */
export interface GraphOrder {
  /** Topological order; among images whose parents are all earlier, the file's order. */
  order: GraphImageSpec[];
  /** 0 for images with no parent, else one more than the highest parent. */
  levels: Map<string, number>;
  /** Names per level: every image of a level can build in parallel once the levels before it are done. */
  byLevel: string[][];
}

/**
 * Checks `depends-on` (every name is an image of the file, no image depends on itself through any
 * chain) and orders the graph. A cycle is named in full (`a → b → c → a`) at the first edge of it.
 */
export function orderGraph(file: ImagesFile): GraphOrder {
  const byName = new Map(file.images.map((image) => [image.name, image]));
  for (const image of file.images) {
    for (const parent of image.dependsOn) {
      if (!byName.has(parent.name)) {
        throw new ImagesFileError(
          file.path,
          `image "${image.name}" depends on "${parent.name}", which is not an image of this file (images: ${[...byName.keys()].join(', ')})`,
          parent.position,
        );
      }
    }
  }
  const cycle = findCycle(file.images, byName);
  if (cycle) {
    const [first, second] = cycle;
    const edge = byName.get(first)?.dependsOn.find((parent) => parent.name === second);
    throw new ImagesFileError(
      file.path,
      `depends-on makes a cycle: ${[...cycle].reverse().join(' → ')} (each image must be built after the one before it)`,
      edge?.position,
    );
  }

  const levels = new Map<string, number>();
  const order: GraphImageSpec[] = [];
  const remaining = [...file.images];
  while (remaining.length > 0) {
    const index = remaining.findIndex((image) => image.dependsOn.every((parent) => levels.has(parent.name)));
    const [image] = remaining.splice(index, 1);
    levels.set(
      image.name,
      Math.max(-1, ...image.dependsOn.map((parent) => levels.get(parent.name) ?? 0)) + 1,
    );
    order.push(image);
  }
  const byLevel: string[][] = [];
  for (const image of order) (byLevel[levels.get(image.name) ?? 0] ??= []).push(image.name);
  return { order, levels, byLevel };
}

/**
 * A cycle as a path child → parent → … → child, or undefined. Depth-first over the parents, in file
 * order, so the same file always names the same cycle.
 */
function findCycle(
  images: readonly GraphImageSpec[],
  byName: Map<string, GraphImageSpec>,
): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (name: string): string[] | undefined => {
    if (onPath.has(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return undefined;
    path.push(name);
    onPath.add(name);
    for (const parent of byName.get(name)?.dependsOn ?? []) {
      const found = visit(parent.name);
      if (found) return found;
    }
    path.pop();
    onPath.delete(name);
    done.add(name);
    return undefined;
  };
  for (const image of images) {
    const found = visit(image.name);
    if (found) return found;
  }
  return undefined;
}
