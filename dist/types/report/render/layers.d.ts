import type { ImageReport } from '../report.js';
import type { Block } from './blocks.js';
import { type SectionOptions } from './markdown-parts.js';
export declare function layersBlock(report: ImageReport, options: SectionOptions): Block;
/** A bar per layer, base and own in two colours; labels are layer numbers, never image text. */
export declare function chartBlock(report: ImageReport): string;
