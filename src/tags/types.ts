import type { TagReferences } from './tag-references.js';

/** Tag types of docker/metadata-action's `tags` input, in its default priority order. */
export type TagType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha';

/** One parsed `tags` line: its type, the attributes as written (keys lower-cased) and defaults filled in. */
export interface TagEntry {
  type: TagType;
  /** Attribute values; `prefix`/`suffix` present (even empty) means they replace the flavor's. */
  attrs: Record<string, string>;
  priority: number;
  /** 1-based line in the `tags` input (0 for the default entries used when `tags` is empty). */
  line: number;
}

export interface Flavor {
  latest: 'auto' | 'true' | 'false';
  prefix: string;
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

export interface ImageEntry {
  name: string;
  enable: boolean;
}

/** An environment's name: any lowercase name (`dev`, `staging`, `prod`, `qa`, ...). */
export type EnvironmentName = string;

/**
 * When the environment policy tags `latest`: `auto` follows the floating-tag guard (never to a
 * pre-release, and at publish time never backwards), `always` as the teams' build scripts did (and
 * the guard is off for the run), `never` not at all.
 */
export type LatestMode = 'auto' | 'always' | 'never';

/** The `environment` input: a tagging policy that replaces hand-written tag lines (docs/cli.md). */
export interface EnvironmentPolicy {
  name: EnvironmentName;
  /** Explicit version (`prod,version=1.0.0`); otherwise taken from a semver tag ref. */
  version?: string;
  latest: LatestMode;
  /** IANA time zone of the `<env>-<timestamp>` tag (default UTC). */
  timeZone: string;
}

export type ContextSource = 'workflow' | 'git';

/** Every input of the tag engine, parsed and validated. */
export interface MetadataInputs {
  context: ContextSource;
  images: ImageEntry[];
  tags: TagEntry[];
  flavor: Flavor;
  /** `key=value` entries as written (expressions rendered at compute time). */
  labels: string[];
  annotations: string[];
  sepTags: string;
  sepLabels: string;
  sepAnnotations: string;
  bakeTarget: string;
  githubToken: string;
  environment?: EnvironmentPolicy;
  /**
   * `tags` given as whole image references (build-push-action's form), read only where the caller
   * asks for it (the main action) and `images` is empty: these are the tags, as given.
   */
  references?: TagReferences;
  /** Accepted but suspicious input (an unknown attribute, a `{{placeholder}}` that renders empty). */
  warnings?: string[];
}

/** What triggered the run: the GitHub context plus the commit date. */
export interface RunContext {
  eventName: string;
  ref: string;
  sha: string;
  /** The webhook event payload (empty object when there is none). */
  payload: Record<string, unknown>;
  repo: { owner: string; repo: string };
  commitDate: Date;
  /** DOCKER_METADATA_SHORT_SHA_LENGTH, validated. */
  shortShaLength: number;
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS split on commas. */
  annotationLevels: string[];
}

/** The repository fields metadata-action reads from `GET /repos/{owner}/{repo}`. */
export interface RepoInfo {
  name: string;
  description: string | null;
  html_url: string;
  default_branch: string;
  license: { spdx_id: string | null } | null;
}

export interface MetadataResult {
  /** The first emitted value (`version` output); empty when nothing was emitted. */
  version: string;
  /** Every emitted value after the first, deduplicated. */
  partial: string[];
  latest: boolean;
  /** Full references (`image:tag`), or bare tags when no image is enabled. */
  tags: string[];
  tagNames: string[];
  images: string[];
  /** `key=value`, sorted by key. */
  labels: string[];
  /** `key=value` without level, sorted by key. */
  annotations: string[];
  annotationLevels: string[];
  created: string;
  /**
   * Semantic version found for the run (the environment policy's, else the first emitting type=semver
   * entry's, before its pattern and affixes), if any.
   */
  semanticVersion?: string;
  environment?: string;
}
