import type { CheckResult, CheckStatus } from '../checks/types.js';
import { formatUsd } from '../cost.js';
import { formatBytes, formatDelta, formatPercent, formatSeconds } from '../format.js';
import type { ImageReport } from '../report.js';
import type { Block } from './blocks.js';
import { mdText } from './escape.js';
import {
  bytesOrUnknown,
  digestText,
  SOURCE_TEXT,
  STATUS_ICON,
  table,
  type SectionOptions,
} from './markdown-parts.js';

export function statusLine(report: ImageReport): string {
  const count = (status: CheckStatus) => report.checks.filter((check) => check.status === status).length;
  const parts = [
    count('fail') && `${STATUS_ICON.fail} ${count('fail')} failed`,
    count('warn') && `${STATUS_ICON.warn} ${count('warn')} ${count('warn') === 1 ? 'warning' : 'warnings'}`,
    count('pass') && `${count('fail') || count('warn') ? '' : `${STATUS_ICON.pass} `}${count('pass')} passed`,
    count('skip') && `${count('skip')} skipped`,
  ].filter(Boolean);
  return `**Checks:** ${parts.join(' · ') || 'none run'}`;
}

export function titleBlock(report: ImageReport): string {
  const platform = report.platform ? ` (${mdText(report.platform, 40)})` : '';
  return `### Image ${mdText(report.image, 200)}${platform}\n\n${statusLine(report)}`;
}

export function headlineBlock(report: ImageReport, options: SectionOptions): string {
  const { sizes, baseline } = report;
  const versus = baseline ? ` vs ${mdText(baseline.label, 80)}` : '';
  const delta = (value: number | undefined) =>
    value === undefined || !baseline ? '' : ` (${formatDelta(value)}${versus})`;
  const rows: string[][] = [];
  const compressedNote =
    sizes.compressedBytes === undefined && report.source !== 'unavailable'
      ? ' (layers read uncompressed; known after push)'
      : '';
  rows.push([
    'Compressed size (pull)',
    `${bytesOrUnknown(sizes.compressedBytes)}${compressedNote}${delta(baseline?.compressedDelta)}`,
  ]);
  rows.push([
    'Uncompressed size (on disk)',
    `${bytesOrUnknown(sizes.uncompressedBytes)}${delta(baseline?.uncompressedDelta)}`,
  ]);
  const split =
    sizes.base && sizes.own ? ` (${sizes.base.layerCount} base, ${sizes.own.layerCount} own)` : '';
  const layerDelta =
    baseline && baseline.layerCountDelta !== 0
      ? ` (${baseline.layerCountDelta > 0 ? '+' : ''}${baseline.layerCountDelta}${versus})`
      : '';
  rows.push(['Layers', `${sizes.layerCount}${split}${layerDelta}`]);
  if (report.base) {
    const name = report.base.name ? mdText(report.base.name, 120) : 'located by layers';
    const share = sizes.base
      ? `: ${bytesOrUnknown(sizes.base.compressedBytes)} compressed, ${bytesOrUnknown(sizes.base.uncompressedBytes)} uncompressed`
      : '';
    const changed = baseline?.baseImageChanged
      ? ` · ${STATUS_ICON.warn} changed since ${mdText(baseline.label, 80)}`
      : '';
    rows.push(['Base image', `${name}${share}${changed}`]);
  }
  if (report.contents) {
    rows.push([
      'Efficiency',
      `${formatPercent(report.contents.efficiency)} · ${formatBytes(report.contents.reclaimableBytes)} reclaimable`,
    ]);
  }
  if (report.build) {
    const { build } = report;
    const time =
      build.totalSeconds !== undefined
        ? formatSeconds(build.totalSeconds)
        : `${formatSeconds(build.stepSeconds)} (Σ step times)`;
    const cache =
      build.cacheHitRatio !== undefined
        ? `, ${build.cachedSteps}/${build.steps.length} steps cached (${formatPercent(build.cacheHitRatio, 0)})`
        : '';
    rows.push(['Build time', `${time}${cache}`]);
  }
  if (report.cost) {
    rows.push([
      'Storage cost',
      `${formatUsd(report.cost.monthlyUsd)}/month at $${report.cost.pricePerGbMonth.toFixed(2)} per GB-month`,
    ]);
  }
  if (report.digest) rows.push(['Digest', digestText(report.digest)]);
  if (report.platforms && report.platforms.length > 1) {
    rows.push([
      'Platforms',
      report.platforms
        .slice(0, 20)
        .map(
          (p) =>
            `${mdText(p.platform, 40)}${p.compressedBytes !== undefined ? ` ${formatBytes(p.compressedBytes)}` : ''}`,
        )
        .join(' · ') + (report.platforms.length > 20 ? ` · … ${report.platforms.length - 20} more` : ''),
    ]);
  }
  if (!options.condensed && report.tags.length) {
    rows.push([
      'Tags',
      report.tags
        .slice(0, 20)
        .map(
          (tag) =>
            `${mdText(tag.reference, 200)}${tag.outcome ? ` (${tag.outcome}${tag.reason ? `: ${mdText(tag.reason, 120)}` : ''})` : ''}`,
        )
        .join('<br>') + (report.tags.length > 20 ? `<br>… ${report.tags.length - 20} more` : ''),
    ]);
  }
  rows.push(['Read from', SOURCE_TEXT[report.source]]);
  return table(['', ''], rows, ['l', 'l']);
}

export function noticesBlock(report: ImageReport): string {
  if (!report.notices.length) return '';
  return ['> [!NOTE]', ...report.notices.map((notice) => `> ${mdText(notice, 500)}`)].join('\n');
}

export function checksBlock(report: ImageReport, options: SectionOptions): Block {
  if (!report.checks.length) return { text: '', priority: 1 };
  const rows = (checks: readonly CheckResult[]) =>
    checks.map((check) => [
      STATUS_ICON[check.status],
      check.name,
      mdText(check.detail, options.condensed ? 200 : 400),
    ]);
  const text = `#### Checks\n\n${table(['', 'Check', 'Result'], rows(report.checks), ['c', 'l', 'l'])}`;
  const notPassed = report.checks.filter((check) => check.status === 'fail' || check.status === 'warn');
  const short = `#### Checks\n\n${notPassed.length ? table(['', 'Check', 'Result'], rows(notPassed), ['c', 'l', 'l']) : 'All checks passed.'}`;
  return { text, short, priority: 0 };
}

export const SIZE_LEGEND =
  '<sub>Compressed: what a pull transfers and the registry stores (config + layers). Uncompressed: what the layers unpack to. 1 MiB = 1,048,576 bytes.</sub>';
