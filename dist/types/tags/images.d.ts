import type { ListItem } from '../util/input-list.js';
import type { ImageEntry } from './types.js';
/**
 * Parses the `images` input. One name per line, or `name=…,enable=…`; a single line without any
 * `=` is split on commas (metadata-action's old format).
 */
export declare function parseImages(lines: readonly ListItem[]): ImageEntry[];
