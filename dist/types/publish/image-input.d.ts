import { type ImageReference } from '../registry/reference.js';
/** Parses an image reference given in `input` (at `line`, 1-based), or throws the `InputError` naming it. */
export declare function parseImageInput(text: string, input: string, line?: number): ImageReference;
/** The `promote-from` image: an existing `image:tag` or `image@digest`. */
export declare function parsePromoteSource(text: string): ImageReference;
