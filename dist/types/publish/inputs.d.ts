import { type ReleaseInputs } from './release.js';
/** The publish part of the action's inputs, typed (`reuse` and `release-annotations`: see ReleaseInputs). */
export interface PublishInputs extends ReleaseInputs {
    /** `push`: publish at all (default false, like build-push-action). */
    push: boolean;
    /** `guard-floating-tags`: hold back latest/major/minor that would go backwards (default true). */
    guardFloatingTags: boolean;
    /** `promote-from`: an existing image:tag or image@digest to publish under the tags, without building. */
    promoteFrom?: string;
    /** `extra-images`: more image names (other registries) to publish the same image to. */
    extraImages: string[];
    /** `primary-tag`: the tag the builder pushes (default: the most specific). */
    primaryTag?: string;
    /** Not an input: a graph's reused image, whose tags most likely point at it (see PublishTagsOptions). */
    lookFirst?: boolean;
}
/** Reads and validates the publish inputs through `get` (the action's getInput, or CLI flags). */
export declare function readPublishInputs(get: (name: string) => string): PublishInputs;
/** Newline- or comma-separated values, blank ones dropped. */
export declare function splitList(text: string): string[];
export declare function readBoolean(get: (name: string) => string, name: string, fallback: boolean): boolean;
