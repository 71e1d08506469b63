import { type ImageReference, InvalidReferenceError, parseReference } from '../registry/reference.js';
import { InputError } from '../util/errors.js';

/** Parses an image reference given in `input` (at `line`, 1-based), or throws the `InputError` naming it. */
export function parseImageInput(text: string, input: string, line?: number): ImageReference {
  try {
    return parseReference(text);
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError(input, error.message, { line });
    throw error;
  }
}

/** The `promote-from` image: an existing `image:tag` or `image@digest`. */
export function parsePromoteSource(text: string): ImageReference {
  const ref = parseImageInput(text, 'promote-from');
  if (!ref.tag && !ref.digest) throw new InputError('promote-from', `"${text}" needs a tag or a digest`);
  return ref;
}
