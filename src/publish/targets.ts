import { createRegistryClient, type RegistryClient, type RegistryClientOptions } from '../registry/client.js';
import type { ImageReference } from '../registry/reference.js';
import { InputError } from '../util/errors.js';
import { parseImageInput } from './image-input.js';
import type { TagWriter } from '../registry/tag-writer.js';

/** Gives the tag writer for a registry host: the OCI client by default, ECR's for ECR hosts. */
export type WriterFactory = (registry: string) => TagWriter;

/** One OCI registry client per registry host, shared by every repository in it. */
export function registryWriters(
  options: Omit<RegistryClientOptions, 'registry'>,
): (registry: string) => RegistryClient {
  const clients = new Map<string, RegistryClient>();
  return (registry) => {
    let client = clients.get(registry);
    if (!client) {
      client = createRegistryClient({ ...options, registry });
      clients.set(registry, client);
    }
    return client;
  };
}

/** Parses image names (no tag, no digest: tags come from `tags`), rejecting duplicates. */
export function parseImages(images: readonly string[], input = 'images'): ImageReference[] {
  const names = images.map((i) => i.trim()).filter(Boolean);
  if (names.length === 0) throw new InputError(input, 'no image to publish to');
  const seen = new Set<string>();
  return names.map((name, index) => {
    const ref = parseImageInput(name, input, index + 1);
    if (ref.tag || ref.digest) {
      throw new InputError(
        input,
        `"${name}" names a tag or digest; give the image name only, tags come from "tags"`,
        {
          line: index + 1,
        },
      );
    }
    const key = `${ref.registry}/${ref.repository}`;
    if (seen.has(key)) throw new InputError(input, `"${name}" is listed twice`, { line: index + 1 });
    seen.add(key);
    return ref;
  });
}

/**
 * Splits full references (`ghcr.io/o/app:1.0.0`, as the tags step outputs them) into image names and
 * tag names; every image must carry the same tags, since one publish writes one tag set everywhere.
 */
export function splitReferences(
  references: readonly string[],
  input = 'tags',
): { images: string[]; tags: string[] } {
  const byImage = new Map<string, string[]>();
  references
    .map((r) => r.trim())
    .filter(Boolean)
    .forEach((text, index) => {
      const ref = parseImageInput(text, input, index + 1);
      if (!ref.tag || ref.digest)
        throw new InputError(input, `"${text}" needs a tag (and no digest)`, { line: index + 1 });
      const image = `${ref.registry}/${ref.repository}`;
      byImage.set(image, [...(byImage.get(image) ?? []), ref.tag]);
    });
  const images = [...byImage.keys()];
  if (images.length === 0) throw new InputError(input, 'no image references to publish');
  const tags = byImage.get(images[0]) as string[];
  for (const image of images) {
    const these = byImage.get(image) as string[];
    if (these.length !== tags.length || these.some((t) => !tags.includes(t))) {
      throw new InputError(
        input,
        `${image} has tags ${these.join(', ')} but ${images[0]} has ${tags.join(', ')}: publish them separately`,
      );
    }
  }
  return { images, tags };
}
