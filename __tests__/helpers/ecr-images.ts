import type { EcrRegistryStore } from './ecr-registry.js';

/**
 * What ECR knows about the images of a repository beyond what the registry's tag list shows: every
 * manifest pushed (tagged or not, so ListImages can list untagged ones) and when it was first pushed.
 * Tags stay the registry's: a tag resolves to whatever the registry holds now.
 */
export interface EcrImageIndex {
  /** Notes a manifest as pushed (the first push sets the push time). */
  record(repository: string, digest: string): void;
  known(repository: string, digest: string): boolean;
  /** Epoch milliseconds of the first push the emulator saw. */
  pushedAt(repository: string, digest: string): number | undefined;
  /** A new repository of an old name starts empty. */
  forget(repository: string): void;
  /** Every image with its current tags, oldest first. */
  list(repository: string, store: EcrRegistryStore): Promise<ListedImage[]>;
}

export interface ListedImage {
  digest: string;
  tags: string[];
}

export function createEcrImageIndex(now: () => number = Date.now): EcrImageIndex {
  const pushed = new Map<string, Map<string, number | undefined>>();
  const of = (repository: string) => {
    let images = pushed.get(repository);
    if (!images) pushed.set(repository, (images = new Map()));
    return images;
  };
  return {
    record(repository, digest) {
      const images = of(repository);
      if (images.get(digest) === undefined) images.set(digest, now());
    },
    known: (repository, digest) => of(repository).has(digest),
    pushedAt: (repository, digest) => of(repository).get(digest),
    forget: (repository) => void pushed.delete(repository),
    async list(repository, store) {
      const images = of(repository);
      const tagged = new Map<string, string[]>();
      for (const tag of (await store.listTags(repository)).sort()) {
        const digest = await store.headDigest(repository, tag);
        if (!digest) continue;
        tagged.set(digest, [...(tagged.get(digest) ?? []), tag]);
        // Pushed to the registry behind the emulator's back: still an image ECR would list.
        if (!images.has(digest)) images.set(digest, undefined);
      }
      return [...images.entries()]
        .sort(([a, at], [b, bt]) => (at ?? 0) - (bt ?? 0) || a.localeCompare(b))
        .map(([digest]) => ({ digest, tags: tagged.get(digest) ?? [] }));
    },
  };
}

/** The `*_WITH_EXCLUSION` mutabilities turn tags matching a filter the other way. */
export function tagIsImmutable(
  repository: {
    imageTagMutability: string;
    imageTagMutabilityExclusionFilters?: { filterType: string; filter: string }[];
  },
  tag: string,
): boolean {
  const excluded = (repository.imageTagMutabilityExclusionFilters ?? []).some((filter) =>
    wildcard(filter.filter).test(tag),
  );
  switch (repository.imageTagMutability) {
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded;
    default:
      return false;
  }
}

function wildcard(filter: string): RegExp {
  const escaped = filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}
