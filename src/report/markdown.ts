import type { ImageReport } from './model.js';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0
    ? `${bytes} B`
    : `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const truncate = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The job summary / report file: markdown tables, every size labelled with what it measures. */
export function renderReportMarkdown(report: ImageReport): string {
  const lines: string[] = [`## Image \`${report.image}\``, ''];
  lines.push('| | |', '|---|---|');
  if (report.digest) lines.push(`| Digest | \`${report.digest}\` |`);
  lines.push(`| Pull size (compressed: config + layers) | ${formatBytes(report.pullBytes)} |`);
  lines.push(`| Layers | ${report.layerCount} |`);
  if (report.runsAsRoot !== undefined)
    lines.push(`| Runs as root | ${report.runsAsRoot ? 'yes ⚠️' : 'no'} |`);
  if (report.cacheHitRatio !== undefined) {
    lines.push(
      `| Build steps from cache | ${report.cachedSteps}/${report.steps.length} (${Math.round(report.cacheHitRatio * 100)}%) |`,
    );
  }
  if (report.buildSeconds !== undefined) lines.push(`| Build time | ${report.buildSeconds.toFixed(1)} s |`);
  lines.push('');

  if (report.tags.length) {
    lines.push('### Tags', '', '| Tag | Outcome |', '|---|---|');
    for (const tag of report.tags) {
      lines.push(
        `| \`${cell(tag.reference)}\` | ${tag.outcome}${tag.reason ? `: ${cell(tag.reason)}` : ''} |`,
      );
    }
    lines.push('');
  }
  if (report.largestLayers.length) {
    lines.push('### Largest layers (compressed)', '', '| Size | Created by |', '|---:|---|');
    for (const layer of report.largestLayers) {
      lines.push(
        `| ${formatBytes(layer.compressedBytes)} | ${cell(truncate(layer.createdBy ?? '—', 100))} |`,
      );
    }
    lines.push('');
  }
  if (report.steps.length) {
    lines.push('<details><summary>Build steps</summary>', '', '| Step | Cached | Time |', '|---|---|---:|');
    for (const step of report.steps) {
      const time = step.seconds === undefined ? '' : `${step.seconds.toFixed(1)} s`;
      lines.push(`| ${cell(truncate(step.name, 100))} | ${step.cached ? 'yes' : 'no'} | ${time} |`);
    }
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}
