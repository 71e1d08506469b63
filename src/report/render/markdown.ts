import type { ImageReport } from '../report.js';
import { characters, fitBlocks, utf8Bytes, type Block } from './blocks.js';
import { commentSafe } from './escape.js';
import {
  duplicatesBlock,
  findingsBlock,
  largestFilesBlock,
  logsBlock,
  stepsBlock,
  wasteBlock,
} from './details.js';
import { checksBlock, headlineBlock, noticesBlock, SIZE_LEGEND, titleBlock } from './headline.js';
import { chartBlock, layersBlock } from './layers.js';
import type { SectionOptions } from './markdown-parts.js';

/** GitHub's limit on one step's job summary: 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** GitHub's limit on a comment body, in characters. */
export const COMMENT_LIMIT_CHARACTERS = 65_536;

function imageBlocks(report: ImageReport, options: SectionOptions): Block[] {
  return [
    { text: titleBlock(report), priority: 0 },
    { text: headlineBlock(report, options), priority: 0 },
    { text: noticesBlock(report), priority: 1 },
    checksBlock(report, options),
    layersBlock(report, options),
    { text: chartBlock(report), priority: options.condensed ? 6 : 4 },
    logsBlock(report),
    wasteBlock(report, options),
    largestFilesBlock(report, options),
    findingsBlock(report),
    duplicatesBlock(report, options),
    ...(options.condensed ? [] : [stepsBlock(report)]),
  ];
}

/**
 * The job summary for one or more images: headline, checks, layer table, chart, and the details in
 * collapsible sections. Always under 1 MiB: sections are shortened or left out, with a note, to fit.
 */
export function renderSummaryMarkdown(reports: ImageReport | readonly ImageReport[]): string {
  const list = Array.isArray(reports) ? reports : [reports as ImageReport];
  const blocks = list.flatMap((report) => imageBlocks(report, { condensed: false }));
  blocks.push({ text: SIZE_LEGEND, priority: 1 });
  return fitBlocks(blocks, {
    limit: SUMMARY_LIMIT_BYTES,
    measure: utf8Bytes,
    note: (cut) =>
      `> [!NOTE]\n> ${cut} section${cut === 1 ? ' was' : 's were'} shortened or left out to keep this summary under GitHub's 1 MiB limit.`,
  });
}

/** The hidden line that identifies an image's sticky comment on a pull request. */
export function reportCommentMarker(image: string): string {
  return `<!-- image-build:report:${commentSafe(image)} -->`;
}

/**
 * One image's pull request comment: the summary condensed (changed layers, failing checks first), under
 * 65,536 characters with a note when cut, starting with the marker line the sticky comment is found by.
 */
export function renderPullRequestComment(report: ImageReport): string {
  const marker = reportCommentMarker(report.image);
  const blocks = imageBlocks(report, { condensed: true });
  blocks.push({ text: SIZE_LEGEND, priority: 1 });
  const body = fitBlocks(blocks, {
    limit: COMMENT_LIMIT_CHARACTERS - marker.length - 1,
    measure: characters,
    note: (cut) =>
      `> [!NOTE]\n> ${cut} section${cut === 1 ? ' was' : 's were'} shortened or left out to fit GitHub's comment limit; the job summary has everything.`,
  });
  return `${marker}\n${body}`;
}
