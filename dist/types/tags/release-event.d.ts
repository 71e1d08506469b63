import type { RunContext } from './types.js';
/** The workflow_dispatch input that names the version to release (`github.event.inputs.version`). */
export declare const DISPATCH_VERSION_INPUT = "version";
/** The release a run publishes, and where the run said so. */
export interface RunRelease {
    /** The release's tag as given (`v1.2.3`, `1.2.3`, `app-v2.0.0`). */
    tag: string;
    /** `ref`: a tag ref (a pushed tag, or any event on one); `release`: the release event's `tag_name`; `dispatch`: the dispatch input. */
    source: 'ref' | 'release' | 'dispatch';
    /** The release event says pre-release (GitHub's checkbox), or draft: its floating tags must not move. */
    prerelease: boolean;
    draft: boolean;
    /** When the release was published (release events only). */
    publishedAt?: Date;
}
/**
 * The release this run is for, if any: the git tag of a tag ref (metadata-action's only source), else
 * the `release` event's `release.tag_name`, else a `workflow_dispatch` run's `version` input. GitHub
 * runs a release event on `refs/tags/<tag_name>`, so the payload matters when the ref is not that tag
 * (a workflow checking out a branch with `context: git`, a reusable workflow called from a release).
 */
export declare function runRelease(context: RunContext): RunRelease | undefined;
