import type { ImageReport } from '../report.js';
import type { Block } from './blocks.js';
import { type SectionOptions } from './markdown-parts.js';
export declare function largestFilesBlock(report: ImageReport, options: SectionOptions): Block;
export declare function wasteBlock(report: ImageReport, options: SectionOptions): Block;
export declare function duplicatesBlock(report: ImageReport, options: SectionOptions): Block;
export declare function findingsBlock(report: ImageReport): Block;
export declare function stepsBlock(report: ImageReport): Block;
export declare function logsBlock(report: ImageReport): Block;
