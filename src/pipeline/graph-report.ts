import type { GraphResult } from '../graph/index.js';
import { formatBytes } from '../report/index.js';

/** One line for a table cell: no pipe, no HTML, no markdown from error messages or image names. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>|#!~&@]/g, (char) => `\\${char}`);
}

const STATUS = { built: 'built', reused: 'reused', skipped: 'skipped', failed: 'failed ❌' } as const;

/**
 * The graph's table for the job summary or a terminal: a row per image in build order with what
 * happened to it, its digest, size, time and tags. The per-image details are each image's own report.
 */
export function renderGraphTable(result: GraphResult): string {
  const lines = ['| Image | Level | Result | Size | Time | Digest | Tags |', '|---|---|---|---|---|---|---|'];
  for (const row of result.rows) {
    const status = row.reason ? `${STATUS[row.status]}: ${cell(row.reason)}` : STATUS[row.status];
    lines.push(
      [
        `\`${row.name}\``,
        String(row.level),
        status,
        row.size === undefined ? '' : formatBytes(row.size),
        row.status === 'skipped' ? '' : `${(row.durationMs / 1000).toFixed(1)} s`,
        row.digest ? `\`${row.digest.slice(0, 19)}…\`` : '',
        row.tags.map((tag) => `\`${tag}\``).join(' '),
      ]
        .join(' | ')
        .replace(/^/, '| ') + ' |',
    );
  }
  const counts = (['built', 'reused', 'skipped', 'failed'] as const)
    .map((status) => [status, result.rows.filter((row) => row.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  lines.push('', `${counts.join(', ')} in ${(result.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
