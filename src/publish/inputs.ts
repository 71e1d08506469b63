import { parseBoolean } from '../util/boolean.js';
import { InputError } from '../util/errors.js';
import { parseImageInput, parsePromoteSource } from './image-input.js';
import { readReleaseInputs, type ReleaseInputs } from './release.js';

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
export function readPublishInputs(get: (name: string) => string): PublishInputs {
  const promoteFrom = get('promote-from').trim() || undefined;
  if (promoteFrom) parsePromoteSource(promoteFrom);
  const extraImages = splitList(get('extra-images'));
  extraImages.forEach((name, index) => {
    const ref = parseImageInput(name, 'extra-images', index + 1);
    if (ref.tag || ref.digest) {
      throw new InputError('extra-images', `"${name}" names a tag or digest; give the image name only`, {
        line: index + 1,
      });
    }
  });
  return {
    push: readBoolean(get, 'push', false),
    guardFloatingTags: readBoolean(get, 'guard-floating-tags', true),
    promoteFrom,
    extraImages,
    primaryTag: get('primary-tag').trim() || undefined,
    ...readReleaseInputs(get),
  };
}

/** Newline- or comma-separated values, blank ones dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function readBoolean(get: (name: string) => string, name: string, fallback: boolean): boolean {
  return parseBoolean(name, get(name), fallback);
}
