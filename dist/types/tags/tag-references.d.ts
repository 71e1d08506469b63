import type { ListItem } from '../util/input-list.js';
/**
 * `tags` given as build-push-action takes them: whole image references (`ghcr.io/acme/app:1.0`), often
 * `${{ steps.meta.outputs.tags }}`. Every image carries the same tags, in the order given.
 */
export interface TagReferences {
    /** The references as written, in order. */
    references: string[];
    /** The image names (the references without their tag), each once. */
    images: string[];
    /** The tags of the first image, in order: every image has these. */
    tags: string[];
}
/** True for a `tags` line that is an image reference with a tag, not a tag rule. */
export declare function isReferenceLine(text: string): boolean;
/**
 * Reads `tags` lines as image references when every one of them is one and `images` is empty; undefined
 * when none is (the lines are tag rules). A mix, or a reference next to `images`, is an InputError that
 * names the line: metadata-action would turn `ghcr.io/acme/app:1.0` into the tag `ghcr.io-acme-app-1.0`.
 */
export declare function readTagReferences(given: readonly ListItem[], imagesGiven: boolean): TagReferences | undefined;
