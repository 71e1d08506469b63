import type { ImageReport } from '../report.js';
import type { Block } from './blocks.js';
import { type SectionOptions } from './markdown-parts.js';
export declare function statusLine(report: ImageReport): string;
export declare function titleBlock(report: ImageReport): string;
export declare function headlineBlock(report: ImageReport, options: SectionOptions): string;
export declare function noticesBlock(report: ImageReport): string;
export declare function checksBlock(report: ImageReport, options: SectionOptions): Block;
export declare const SIZE_LEGEND = "<sub>Compressed: what a pull transfers and the registry stores (config + layers). Uncompressed: what the layers unpack to. 1 MiB = 1,048,576 bytes.</sub>";
