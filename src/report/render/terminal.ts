import type { CheckStatus } from '../checks/types.js';
import { formatUsd } from '../cost.js';
import { formatBytes, formatDelta, formatPercent, formatSeconds } from '../format.js';
import type { ImageReport, ReportLayer } from '../report.js';
import { terminalText } from './escape.js';

export interface TerminalOptions {
  /** ANSI colours (default off: the CLI turns them on for a TTY). */
  color?: boolean;
  /** Characters per line for the instruction column to fit in (default 120). */
  width?: number;
}

const ANSI: Record<CheckStatus | 'dim' | 'bold', string> = {
  pass: '\x1b[32m',
  warn: '\x1b[33m',
  fail: '\x1b[31m',
  skip: '\x1b[2m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
};
const MARK: Record<CheckStatus, string> = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

/** The report for a terminal: plain text tables, colour optional, image text stripped of control codes. */
export function renderTerminal(
  reports: ImageReport | readonly ImageReport[],
  options: TerminalOptions = {},
): string {
  const list = Array.isArray(reports) ? reports : [reports as ImageReport];
  return list.map((report) => renderOne(report, options)).join('\n\n') + '\n';
}

function renderOne(report: ImageReport, options: TerminalOptions): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[style]}${text}\x1b[0m` : text;
  const size = (bytes: number | undefined) => (bytes === undefined ? 'unknown' : formatBytes(bytes));
  const lines: string[] = [];
  lines.push(
    paint(
      'bold',
      `Image ${terminalText(report.image, 200)}${report.platform ? ` (${terminalText(report.platform, 40)})` : ''}`,
    ),
  );
  const versus = report.baseline ? ` vs ${terminalText(report.baseline.label, 60)}` : '';
  const delta = (value: number | undefined) =>
    value === undefined || !report.baseline ? '' : ` (${formatDelta(value)}${versus})`;
  const facts: [string, string][] = [
    ['Compressed (pull)', `${size(report.sizes.compressedBytes)}${delta(report.baseline?.compressedDelta)}`],
    [
      'Uncompressed (disk)',
      `${size(report.sizes.uncompressedBytes)}${delta(report.baseline?.uncompressedDelta)}`,
    ],
    [
      'Layers',
      `${report.sizes.layerCount}${report.sizes.base && report.sizes.own ? ` (${report.sizes.base.layerCount} base, ${report.sizes.own.layerCount} own)` : ''}`,
    ],
  ];
  if (report.base?.name) facts.push(['Base image', terminalText(report.base.name, 120)]);
  if (report.contents) {
    facts.push([
      'Efficiency',
      `${formatPercent(report.contents.efficiency)}, ${formatBytes(report.contents.reclaimableBytes)} reclaimable`,
    ]);
  }
  if (report.build) {
    const time = report.build.totalSeconds ?? report.build.stepSeconds;
    facts.push([
      'Build',
      `${formatSeconds(time)}, ${report.build.cachedSteps}/${report.build.steps.length} steps cached`,
    ]);
  }
  if (report.cost) facts.push(['Storage cost', `${formatUsd(report.cost.monthlyUsd)}/month`]);
  if (report.digest) facts.push(['Digest', terminalText(report.digest, 80)]);
  const labelWidth = Math.max(...facts.map(([label]) => label.length));
  for (const [label, value] of facts) lines.push(`  ${label.padEnd(labelWidth)}  ${value}`);

  if (report.notices.length)
    lines.push('', ...report.notices.map((notice) => `note: ${terminalText(notice, 300)}`));

  if (report.layers.length) {
    lines.push('', paint('bold', 'Layers'));
    const width = options.width ?? 120;
    const rows = report.layers.map((layer) => layerRow(layer, report));
    const header = [
      '#',
      'Compressed',
      'Uncompressed',
      ...(report.baseline ? ['Δ'] : []),
      'Origin',
      'Instruction',
    ];
    const fixed = header.length - 1;
    const widths = header
      .slice(0, fixed)
      .map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    const instructionWidth = Math.max(20, width - widths.reduce((sum, w) => sum + w + 2, 2));
    const format = (row: string[], dim = false) => {
      const text = `  ${row
        .slice(0, fixed)
        .map((cell, column) => (column === 0 ? cell.padStart(widths[column]) : cell.padStart(widths[column])))
        .join('  ')}  ${terminalText(row[fixed], instructionWidth)}`;
      return dim ? paint('dim', text) : text;
    };
    lines.push(format(header, true), ...rows.map((row) => format(row)));
  }

  if (report.checks.length) {
    lines.push('', paint('bold', 'Checks'));
    const nameWidth = Math.max(...report.checks.map((check) => check.name.length));
    for (const check of report.checks) {
      lines.push(
        `  ${paint(check.status, MARK[check.status])}  ${check.name.padEnd(nameWidth)}  ${terminalText(check.detail, 200)}`,
      );
    }
  }
  const largest = report.contents?.largestOwnFiles.slice(0, 10) ?? [];
  if (largest.length) {
    lines.push('', paint('bold', 'Largest files (own layers)'));
    for (const file of largest)
      lines.push(`  ${formatBytes(file.bytes).padStart(10)}  ${terminalText(file.path, 160)}`);
  }
  const wasted = report.contents?.wastedPaths.slice(0, 10) ?? [];
  if (wasted.length) {
    lines.push('', paint('bold', 'Waste (reclaimable)'));
    for (const path of wasted) {
      lines.push(
        `  ${formatBytes(path.reclaimableBytes).padStart(10)}  ${terminalText(path.path, 160)}${path.deleted ? paint('dim', ' (deleted)') : ''}`,
      );
    }
  }
  return lines.join('\n');
}

function layerRow(layer: ReportLayer, report: ImageReport): string[] {
  const size = (bytes: number | undefined) => (bytes === undefined ? '-' : formatBytes(bytes));
  const delta = layer.delta;
  const change = !delta
    ? ''
    : delta.change === 'unchanged'
      ? '='
      : delta.change === 'added'
        ? 'new'
        : formatDelta(delta.compressedBytes ?? delta.uncompressedBytes ?? 0);
  return [
    String(layer.index + 1),
    size(layer.compressedBytes),
    size(layer.uncompressedBytes),
    ...(report.baseline ? [change] : []),
    report.sizes.base ? layer.origin : '',
    layer.instruction,
  ];
}
