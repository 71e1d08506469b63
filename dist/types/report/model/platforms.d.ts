import { type DescriptorLike, type IndexLike } from './oci.js';
/**
 * The runnable images of an index, in index order. BuildKit adds attestation manifests with platform
 * `unknown/unknown` (and a `vnd.docker.reference.type` annotation): they are not images to report on.
 */
export declare function platformManifests(index: IndexLike): DescriptorLike[];
/**
 * The manifest to report on: the requested platform (`linux/arm64`, `linux/arm/v7`), or the first
 * runnable one. A platform the index lacks is the user's to fix, so the message lists what it has.
 */
export declare function selectPlatform(index: IndexLike, platform?: string, input?: string): DescriptorLike;
