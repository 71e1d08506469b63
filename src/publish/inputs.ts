import { parseBoolean } from '../util/boolean.js';
import { InvalidReferenceError, parseReference } from '../registry/reference.js';
import { InputError } from '../util/errors.js';

/** The publish part of the action's inputs, typed. */
export interface PublishInputs {
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
}

/** Reads and validates the publish inputs through `get` (the action's getInput, or CLI flags). */
export function readPublishInputs(get: (name: string) => string): PublishInputs {
  const promoteFrom = get('promote-from').trim() || undefined;
  if (promoteFrom) {
    try {
      const ref = parseReference(promoteFrom);
      if (!ref.tag && !ref.digest)
        throw new InputError('promote-from', `"${promoteFrom}" needs a tag or a digest`);
    } catch (error) {
      if (error instanceof InvalidReferenceError) throw new InputError('promote-from', error.message);
      throw error;
    }
  }
  const extraImages = splitList(get('extra-images'));
  extraImages.forEach((name, index) => {
    try {
      const ref = parseReference(name);
      if (ref.tag || ref.digest) {
        throw new InputError('extra-images', `"${name}" names a tag or digest; give the image name only`, {
          line: index + 1,
        });
      }
    } catch (error) {
      if (error instanceof InvalidReferenceError)
        throw new InputError('extra-images', error.message, { line: index + 1 });
      throw error;
    }
  });
  return {
    push: readBoolean(get, 'push', false),
    guardFloatingTags: readBoolean(get, 'guard-floating-tags', true),
    promoteFrom,
    extraImages,
    primaryTag: get('primary-tag').trim() || undefined,
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
