import { createHash } from 'node:crypto';

/** Bumped when what goes into the hash changes, so old content tags are never taken for new ones. */
const HASH_FORMAT = 'image-build/graph-inputs/1';

/** The tag a published image carries for the hash of its inputs. */
export const INPUTS_TAG_PREFIX = 'inputs-';

/** Everything that decides what a build produces, as the graph sees it. */
export interface ImageInputs {
  /** The Dockerfile's text. */
  dockerfile: string;
  /** `hashContext(...).digest`: the context after the ignore file. */
  context: string;
  target?: string;
  platforms: readonly string[];
  /**
   * Every build arg the builder gets, by name: the file's, the run's, the automatic ones the Dockerfile
   * declares, and each parent as a digest-pinned reference. `null`: named but without a value.
   */
  buildArgs: Readonly<Record<string, string | null>>;
  /** External images the stages start from (as expanded) → their digest in the registry now. */
  bases: Readonly<Record<string, string>>;
  /** Other settings that change the image or what is published (provenance, sbom, labels, …). */
  options: Readonly<Record<string, string | readonly string[]>>;
}

/** sha256 hex of the canonical JSON of the inputs: key order and platform order do not matter. */
export function hashImageInputs(inputs: ImageInputs): string {
  const canonical = {
    format: HASH_FORMAT,
    ...inputs,
    target: inputs.target ?? '',
    platforms: [...inputs.platforms].sort(),
  };
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex');
}

/** `inputs-<first 16 hex digits>`: 64 bits, a valid tag, short enough to read. */
export function inputsTag(hash: string): string {
  return `${INPUTS_TAG_PREFIX}${hash.slice(0, 16)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
