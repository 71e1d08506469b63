import type { ListItem } from '../util/input-list.js';
import type { TagEntry, TagType } from './types.js';
export declare const TAG_TYPES: readonly TagType[];
export declare const DEFAULT_PRIORITIES: Record<TagType, number>;
/** Parses the `tags` input lines into entries sorted by priority (highest first, stable). */
export declare function parseTagLines(lines: readonly ListItem[]): TagEntry[];
export declare function parseTagLine({ value: text, line }: ListItem): TagEntry;
/** A `match` pattern: `/re/flags` or a plain regular expression source. */
export declare function patternRegex(pattern: string, fail: (detail: string, field?: string) => never): RegExp;
