import { type BuildFiles } from '../build/index.js';
import { type PromoteOptions, type ReuseDecision, type WriterFactory } from '../publish/index.js';
import { type MetadataResult, type RunContext } from '../tags/index.js';
import type { ImageBuildInputs } from './inputs.js';
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
export declare function releaseHoldReason(context: RunContext): string | undefined;
/**
 * Whether to look for the commit's image (see decideReuse), from the run's inputs, tags and Dockerfile.
 * Reads the Dockerfile only for `reuse-commit: auto` on a release; an unreadable one means "build", and the
 * build's own checks then report it.
 */
export declare function decideReleaseReuse(inputs: ImageBuildInputs, metadata: MetadataResult, context: RunContext, options?: {
    cwd?: string;
    files?: BuildFiles;
}): ReuseDecision;
/**
 * The commit's image in every repository: one request per repository (a HEAD; ECR: one BatchGetImage).
 * Found only when each repository has the tag on the same manifest, since promote moves no blob
 * between registries; otherwise the reason, and the run builds.
 */
export declare function findCommitImage(images: readonly string[], tag: string, writers: WriterFactory): Promise<{
    found: ReusedImage;
} | {
    reason: string;
}>;
/**
 * What the promote of a reused image publishes. With annotations, a new manifest carrying the
 * release's annotations gets every tag but the commit's, which stays on the branch build's manifest
 * (a tag that names one build never moves; an IMMUTABLE repository would refuse it). Without, the
 * branch build's own manifest gets every tag, the commit's included (unchanged).
 */
export declare function releasePromote(reused: ReusedImage, inputs: ImageBuildInputs, metadata: MetadataResult, context: RunContext, env: NodeJS.ProcessEnv): Pick<PromoteOptions, 'source' | 'tags' | 'annotations' | 'primaryTag'>;
