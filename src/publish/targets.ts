import { createRegistryClient, type RegistryClient, type RegistryClientOptions } from '../registry/client.js';
import { type ImageReference, InvalidReferenceError, parseReference } from '../registry/reference.js';
import { InputError } from '../util/errors.js';
import type { TagWriter } from './tag-writer.js';

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
    let ref: ImageReference;
    try {
      ref = parseReference(name);
    } catch (error) {
      if (error instanceof InvalidReferenceError)
        throw new InputError(input, error.message, { line: index + 1 });
      throw error;
    }
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

/** Whether the writer can check reachability and push rights before anything is pushed. */
export function canPing(writer: TagWriter): writer is TagWriter & Pick<RegistryClient, 'ping'> {
  return typeof (writer as Partial<RegistryClient>).ping === 'function';
}
