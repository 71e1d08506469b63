import { parseBoolean } from '../util/boolean.js';
import { InputError } from '../util/errors.js';

/**
 * `reuse-commit`: where a release's image comes from. `commit` (`true`): the image already published
 * for this commit (found by the tag that names the commit), else a build; `never` (`false`): always a
 * build; `auto` (default): `commit` on release runs, `never` otherwise.
 */
export type ReuseMode = 'auto' | 'commit' | 'never';

export interface ReleaseInputs {
  reuseCommit: ReuseMode;
  /** `release-annotations`: a reused image gets the release's OCI annotations in a new manifest (default true). */
  releaseAnnotations: boolean;
}

/** `reuse-commit`: `auto` (or empty), else a boolean through the one boolean parser. */
export function readReleaseInputs(get: (name: string) => string): ReleaseInputs {
  const text = get('reuse-commit').trim();
  let reuseCommit: ReuseMode = 'auto';
  if (text !== '' && text.toLowerCase() !== 'auto') {
    try {
      reuseCommit = parseBoolean('reuse-commit', text, false) ? 'commit' : 'never';
    } catch {
      throw new InputError('reuse-commit', `"${text}" is not auto, true or false`);
    }
  }
  return {
    reuseCommit,
    releaseAnnotations: parseBoolean('release-annotations', get('release-annotations'), true),
  };
}

/**
 * The tag among `tags` that names commit `sha`: one holding at least its first 7 hex digits as a whole
 * word (`sha-abc1234` from `type=sha`, a long `type=sha,format=long`, the environment policy's
 * `git-abc1234`, any prefix or suffix). The branch build and the release compute it from the same
 * tag rules, so the release finds the branch build's image by it.
 */
export function commitTag(tags: readonly string[], sha: string): string | undefined {
  const commit = sha.toLowerCase();
  if (!/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  return tags.find((tag) =>
    [...tag.toLowerCase().matchAll(/[0-9a-f]+/g)].some(([run]) => run.length >= 7 && commit.startsWith(run)),
  );
}

export interface ReuseQuestion {
  mode: ReuseMode;
  /** The run publishes its tags (`push`). */
  push: boolean;
  promoteFrom?: string;
  /** The run is a release: a version tag, a release event or a dispatch with a version. */
  release: boolean;
  /** See commitTag; undefined when no tag names the commit. */
  commitTag?: string;
  /** The short sha, for messages. */
  commit: string;
  /**
   * The automatic build args the Dockerfile declares that a release sets differently from the branch
   * build (VERSION, ENVIRONMENT); undefined when the Dockerfile could not be read.
   */
  releaseArgs?: readonly string[];
}

export type ReuseDecision = { look: true; tag: string } | { look: false; reason: string };

/**
 * Whether to look for the image already published for this commit before building. Pure: the lookup
 * itself is one request per repository, made by the caller. An explicit `reuse-commit: true` that cannot
 * work is an input error; `auto` says why it builds instead.
 */
export function decideReuse(question: ReuseQuestion): ReuseDecision {
  const { mode } = question;
  const explicit = mode === 'commit';
  const no = (reason: string): ReuseDecision => {
    if (explicit) throw new InputError('reuse-commit', `reuse-commit: true ${reason}`);
    return { look: false, reason };
  };
  if (mode === 'never') return { look: false, reason: 'reuse-commit is false' };
  if (question.promoteFrom) {
    if (explicit)
      throw new InputError(
        'reuse-commit',
        'reuse-commit: true and promote-from both say which image to publish: keep one',
      );
    return { look: false, reason: 'promote-from names the image' };
  }
  if (!question.push) return no('needs push: true (nothing is published without it)');
  if (!explicit && !question.release) return { look: false, reason: 'this run is not a release' };
  if (!question.commitTag) {
    return no(
      `finds the image by a tag that names the commit, and no tag names ${question.commit} (add type=sha to tags)`,
    );
  }
  if (!explicit) {
    if (question.releaseArgs === undefined)
      return { look: false, reason: 'the Dockerfile could not be read' };
    if (question.releaseArgs.length > 0) {
      const args = question.releaseArgs.map((name) => `ARG ${name}`).join(' and ');
      return {
        look: false,
        reason: `the Dockerfile declares ${args}, so the release's image differs from the branch build's (reuse-commit: true reuses it anyway)`,
      };
    }
  }
  return { look: true, tag: question.commitTag };
}

/**
 * The annotations a reused image is published with: the run's computed annotations (the generated
 * org.opencontainers.image.* and the `annotations` input, as `key=value`), `created` replaced by
 * `created` (a date that is the same on every re-run, so a re-run writes the same manifest), and no
 * empty values (they would only erase a value the branch build set).
 */
export function releaseAnnotations(entries: readonly string[], created: string): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const entry of entries) {
    const index = entry.indexOf('=');
    if (index <= 0) continue;
    const value = entry.slice(index + 1);
    if (value) annotations[entry.slice(0, index)] = value;
  }
  annotations['org.opencontainers.image.created'] = created;
  return annotations;
}
