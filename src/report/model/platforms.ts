import { InputError } from '../../util/errors.js';
import { platformText, type DescriptorLike, type IndexLike } from './oci.js';

/**
 * The runnable images of an index, in index order. BuildKit adds attestation manifests with platform
 * `unknown/unknown` (and a `vnd.docker.reference.type` annotation): they are not images to report on.
 */
export function platformManifests(index: IndexLike): DescriptorLike[] {
  return index.manifests.filter(
    (entry) =>
      entry.platform?.os !== 'unknown' &&
      entry.platform?.architecture !== 'unknown' &&
      entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
}

/**
 * The manifest to report on: the requested platform (`linux/arm64`, `linux/arm/v7`), or the first
 * runnable one. A platform the index lacks is the user's to fix, so the message lists what it has.
 */
export function selectPlatform(index: IndexLike, platform?: string, input = 'platform'): DescriptorLike {
  const candidates = platformManifests(index);
  if (!platform) {
    const first = candidates[0];
    if (!first) throw new InputError(input, 'the image index has no runnable platform (only attestations)');
    return first;
  }
  const wanted = normalisePlatform(platform);
  const found = candidates.find((entry) => normalisePlatform(platformText(entry.platform) ?? '') === wanted);
  if (found) return found;
  const available = candidates.map((entry) => platformText(entry.platform) ?? entry.digest);
  throw new InputError(
    input,
    `the image index has no ${platform} image; it has ${available.length ? available.join(', ') : 'none'}`,
  );
}

/** `linux/arm64/v8` and `linux/arm64` name the same platform, as do `linux/amd64` and `amd64`. */
function normalisePlatform(text: string): string {
  const parts = text.trim().toLowerCase().split('/');
  const [os, architecture, variant] = parts.length === 1 ? ['linux', parts[0]] : parts;
  const plainVariant = architecture === 'arm64' && variant === 'v8' ? undefined : variant;
  return [os, architecture, plainVariant].filter(Boolean).join('/');
}
