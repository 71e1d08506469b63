import { type ImageFromSource, type ReadImageOptions } from './oci-layout.js';
/**
 * A `docker save` / `docker image save` tarball: the legacy layout (`<id>/layer.tar`, `manifest.json`)
 * and the OCI layout newer engines write (`blobs/sha256/…`, `index.json`), plain or gzip'd layers.
 * The tarball is read in place: its members' headers first (the manifest comes last, in name order),
 * then each layer in image order, a plain one by its tar headers alone (contents skipped; duplicate
 * candidates are read later), a gzip'd one streamed. Memory follows the number of paths.
 */
export declare function readDockerSave(path: string, options?: ReadImageOptions): Promise<ImageFromSource>;
