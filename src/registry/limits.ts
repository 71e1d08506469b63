/**
 * How much a registry may send us. A hostile or broken registry can answer with a body of any size,
 * a tag list without end or a redirect loop; these bounds turn each into a clear error.
 */
const MiB = 1024 * 1024;

export const BODY_LIMITS = {
  /** distribution refuses manifests over 4 MiB on PUT; nothing larger is a real manifest. */
  manifest: 4 * MiB,
  /** One page of a tag list: 4 MiB is some 40,000 tags. */
  tagPage: 4 * MiB,
  /** A token response is a JWT or an opaque string in a small JSON object. */
  token: 1 * MiB,
  /** Config blobs are read whole (image reports): a config with hundreds of layers is well under 1 MiB. */
  configBlob: 8 * MiB,
  /**
   * Blobs we upload from memory (small artifacts such as a stored report analysis, never layers): the
   * size a single monolithic PUT can be trusted to carry.
   */
  uploadBlob: 16 * MiB,
  /** Any other successful answer (ping, PUT, mount): we read nothing from these bodies. */
  other: 1 * MiB,
  /** Error bodies are read this far for their error codes; the rest is dropped, not an error. */
  errorBody: 64 * 1024,
} as const;

/** Pages of a tag list followed before giving up: 1,000 pages of 100 tags is 100,000 tags. */
export const MAX_TAG_PAGES = 1000;

/** Redirects followed for one request (fetch's own limit is 20). */
export const MAX_REDIRECTS = 10;

/** A limit as people say it in messages: `4 MiB`, `64 KiB`, `100 bytes`. */
export function limitText(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
