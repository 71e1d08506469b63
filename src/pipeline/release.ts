import { isAbsolute, join, resolve } from 'node:path';
import { diskFiles, parseDockerfile, type BuildFiles } from '../build/index.js';
import {
  commitTag,
  decideReuse,
  parseImages,
  releaseAnnotations,
  type PromoteOptions,
  type ReuseDecision,
  type WriterFactory,
} from '../publish/index.js';
import { formatReference } from '../registry/index.js';
import { runRelease, sourceDateEpoch, type MetadataResult, type RunContext } from '../tags/index.js';
import type { ImageBuildInputs } from './inputs.js';

/** Automatic build args whose value a release run sets differently from the branch build of its commit. */
const RELEASE_ARGS = ['VERSION', 'ENVIRONMENT'] as const;

/** The image a release reuses: the branch build of its commit, found in every repository. */
export interface ReusedImage {
  /** `registry/repository@<digest>` in the first repository: what is promoted (by digest, so it cannot move meanwhile). */
  source: string;
  /** `registry/repository:<commit tag>`, for messages. */
  reference: string;
  /** The tag that names the commit, left on the branch build's manifest. */
  tag: string;
  /** The branch build's manifest digest. */
  digest: string;
}

/**
 * Why this release moves no floating tag although its version is stable: a GitHub release marked
 * pre-release, or a draft. Undefined for every other run.
 */
export function releaseHoldReason(context: RunContext): string | undefined {
  const release = runRelease(context);
  if (release?.draft) return `the GitHub release ${release.tag} is a draft`;
  if (release?.prerelease) return `the GitHub release ${release.tag} is marked as a pre-release`;
  return undefined;
}

/**
 * Whether to look for the commit's image (see decideReuse), from the run's inputs, tags and Dockerfile.
 * Reads the Dockerfile only for `reuse-commit: auto` on a release; an unreadable one means "build", and the
 * build's own checks then report it.
 */
export function decideReleaseReuse(
  inputs: ImageBuildInputs,
  metadata: MetadataResult,
  context: RunContext,
  options: { cwd?: string; files?: BuildFiles } = {},
): ReuseDecision {
  const { publish } = inputs;
  const release = runRelease(context) !== undefined;
  const wantsArgs = publish.reuseCommit === 'auto' && release && publish.push && !publish.promoteFrom;
  return decideReuse({
    mode: publish.reuseCommit,
    push: publish.push,
    promoteFrom: publish.promoteFrom,
    release,
    commitTag: commitTag(metadata.tagNames, context.sha),
    commit: context.sha.slice(0, 7),
    releaseArgs: wantsArgs ? releaseArgsDeclared(inputs, options) : [],
  });
}

function releaseArgsDeclared(
  inputs: ImageBuildInputs,
  { cwd = process.cwd(), files = diskFiles }: { cwd?: string; files?: BuildFiles },
): string[] | undefined {
  const file = inputs.build.file || join(inputs.build.context, 'Dockerfile');
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  try {
    if (!files.isFile(path)) return undefined;
    const { args } = parseDockerfile(files.readText(path));
    return RELEASE_ARGS.filter((name) => args.has(name));
  } catch {
    return undefined;
  }
}

/**
 * The commit's image in every repository: one request per repository (a HEAD; ECR: one BatchGetImage).
 * Found only when each repository has the tag on the same manifest, since promote moves no blob
 * between registries; otherwise the reason, and the run builds.
 */
export async function findCommitImage(
  images: readonly string[],
  tag: string,
  writers: WriterFactory,
): Promise<{ found: ReusedImage } | { reason: string }> {
  const refs = parseImages(images);
  let digest: string | undefined;
  for (const ref of refs) {
    const image = `${ref.registry}/${ref.repository}`;
    const here = await writers(ref.registry).resolveTag(ref.repository, tag);
    if (!here) return { reason: `${image}:${tag} does not exist` };
    if (digest && here !== digest) return { reason: `${image}:${tag} is ${here}, not ${digest}` };
    digest = here;
  }
  const found = digest as string;
  const source = formatReference({ ...refs[0], digest: found });
  return { found: { source, reference: formatReference({ ...refs[0], tag }), tag, digest: found } };
}

/**
 * What the promote of a reused image publishes. With annotations, a new manifest carrying the
 * release's annotations gets every tag but the commit's, which stays on the branch build's manifest
 * (a tag that names one build never moves; an IMMUTABLE repository would refuse it). Without, the
 * branch build's own manifest gets every tag, the commit's included (unchanged).
 */
export function releasePromote(
  reused: ReusedImage,
  inputs: ImageBuildInputs,
  metadata: MetadataResult,
  context: RunContext,
  env: NodeJS.ProcessEnv,
): Pick<PromoteOptions, 'source' | 'tags' | 'annotations' | 'primaryTag'> {
  const { publish } = inputs;
  const { source } = reused;
  const tags = metadata.tagNames.filter((tag) => tag !== reused.tag);
  // Only the commit's tag to publish: it is there already, and nothing would carry the annotations.
  if (!publish.releaseAnnotations || tags.length === 0)
    return { source, tags: metadata.tagNames, primaryTag: publish.primaryTag };
  const created = (
    sourceDateEpoch(env) ??
    runRelease(context)?.publishedAt ??
    context.commitDate
  ).toISOString();
  return {
    source,
    tags,
    primaryTag: publish.primaryTag === reused.tag ? undefined : publish.primaryTag,
    annotations: releaseAnnotations(metadata.annotations, created),
  };
}
