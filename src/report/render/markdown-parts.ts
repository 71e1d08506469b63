import { markdownTable } from 'markdown-table';
import type { CheckStatus } from '../checks/types.js';
import { formatBytes } from '../format.js';
import type { ImageSourceKind } from '../model/types.js';
import { mdText } from './escape.js';

/** Full for the job summary; condensed for a pull request comment. */
export interface SectionOptions {
  condensed: boolean;
}

export const STATUS_ICON: Record<CheckStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', skip: '➖' };

export const SOURCE_TEXT: Record<ImageSourceKind, string> = {
  registry: 'registry (manifest and config; nothing pulled)',
  engine: 'engine (after load)',
  'docker-save': '`docker save` tarball',
  'oci-layout': 'OCI layout exported by the build',
  blobs: 'registry blobs',
  unavailable: 'not readable: no sizes',
};

export const bytesOrUnknown = (bytes: number | undefined) =>
  bytes === undefined ? 'unknown' : formatBytes(bytes);

export function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows], { align, alignDelimiters: false });
}

export function details(summary: string, body: string): string {
  // The blank lines let GitHub render the markdown inside the HTML block.
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** The digest in a code span only when it is one; anything else is escaped text. */
export function digestText(digest: string): string {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? `\`${digest}\`` : mdText(digest, 100);
}
