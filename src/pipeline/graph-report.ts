import type { GraphResult } from '../graph/index.js';
import { formatBytes, formatDelta, mdText, type ImageReport } from '../report/index.js';

const STATUS = { built: 'built', reused: 'reused', skipped: 'skipped', failed: 'failed ❌' } as const;

const bytes = (value: number | undefined) => (value === undefined ? '' : formatBytes(value));

/**
 * The graph's table for the job summary or a terminal: a row per image in build order with what
 * happened to it, its compressed size split into its own layers and its base's, the change against its
 * baseline, its time and tags. With the images' reports (`reports` by image name) the sizes come from
 * them; the per-image details are each image's own report, after the table.
 */
export function renderGraphTable(
  result: GraphResult,
  reports: ReadonlyMap<string, ImageReport> = new Map(),
): string {
  const lines = [
    '| Image | Level | Result | Size (compressed) | Own | Base | Δ | Time | Digest | Tags |',
    '|---|---|---|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const row of result.rows) {
    const report = reports.get(row.name);
    const sizes = report?.sizes;
    const status = row.reason ? `${STATUS[row.status]}: ${mdText(row.reason)}` : STATUS[row.status];
    const delta = report?.baseline?.compressedDelta;
    lines.push(
      `| ${[
        `\`${row.name}\``,
        String(row.level),
        status,
        bytes(sizes?.compressedBytes ?? row.size),
        bytes(sizes?.own?.compressedBytes),
        bytes(sizes?.base?.compressedBytes),
        delta === undefined
          ? ''
          : `${delta === 0 ? '=' : formatDelta(delta)} vs ${mdText(report?.baseline?.label ?? '')}`,
        row.status === 'skipped' ? '' : `${(row.durationMs / 1000).toFixed(1)} s`,
        row.digest ? `\`${row.digest.slice(0, 19)}…\`` : '',
        row.tags.map((tag) => `\`${tag}\``).join(' '),
      ].join(' | ')} |`,
    );
  }
  const counts = (['built', 'reused', 'skipped', 'failed'] as const)
    .map((status) => [status, result.rows.filter((row) => row.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  lines.push('', `${counts.join(', ')} in ${(result.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
