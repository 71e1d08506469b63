import { markdownTable } from 'markdown-table';
import type { CheckResult, CheckStatus } from '../checks/types.js';
import { formatUsd } from '../cost.js';
import { formatBytes, formatDelta, formatPercent, formatSeconds } from '../format.js';
import type { ImageSourceKind } from '../model/types.js';
import type { ImageReport, ReportLayer } from '../report.js';
import type { Block } from './blocks.js';
import { codeBlock, mdText } from './escape.js';

/** Full for the job summary; condensed for a pull request comment. */
export interface SectionOptions {
  condensed: boolean;
}

const STATUS_ICON: Record<CheckStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', skip: '➖' };

const SOURCE_TEXT: Record<ImageSourceKind, string> = {
  registry: 'registry (manifest and config; nothing pulled)',
  engine: 'engine (after load)',
  'docker-save': '`docker save` tarball',
  'oci-layout': 'OCI layout exported by the build',
  blobs: 'registry blobs',
  unavailable: 'not readable: no sizes',
};

const bytesOrUnknown = (bytes: number | undefined) => (bytes === undefined ? 'unknown' : formatBytes(bytes));

function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows], { align, alignDelimiters: false });
}

function details(summary: string, body: string): string {
  // The blank lines let GitHub render the markdown inside the HTML block.
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** The digest in a code span only when it is one; anything else is escaped text. */
function digestText(digest: string): string {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? `\`${digest}\`` : mdText(digest, 100);
}

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

function layerDeltaText(layer: ReportLayer): string {
  const delta = layer.delta;
  if (!delta) return '';
  const bytes = delta.compressedBytes ?? delta.uncompressedBytes;
  if (delta.change === 'unchanged') return '=';
  if (delta.change === 'added') return `new${bytes !== undefined ? ` ${formatDelta(bytes)}` : ''}`;
  return bytes === undefined ? 'changed' : bytes === 0 ? 'rebuilt ±0' : formatDelta(bytes);
}

export function layersBlock(report: ImageReport, options: SectionOptions): Block {
  if (!report.layers.length) return { text: '', priority: 1 };
  const withBaseline = Boolean(report.baseline);
  const withBuild = report.layers.some((layer) => layer.cached !== undefined);
  const withOrigin = Boolean(report.sizes.base);
  const header = ['#', 'Instruction', 'Compressed', 'Uncompressed'];
  const align: ('l' | 'r' | 'c')[] = ['r', 'l', 'r', 'r'];
  const column = (title: string, alignment: 'l' | 'r' | 'c') => {
    header.push(title);
    align.push(alignment);
  };
  if (withBaseline) column(`Δ vs ${mdText(report.baseline?.label ?? '', 40)}`, 'r');
  if (withBuild) {
    column('Cached', 'c');
    column('Time', 'r');
  }
  if (withOrigin) column('Origin', 'l');
  const rowOf = (layer: ReportLayer, max: number) => {
    const row = [
      String(layer.index + 1),
      mdText(layer.instruction, max),
      bytesOrUnknown(layer.compressedBytes),
      bytesOrUnknown(layer.uncompressedBytes),
    ];
    if (withBaseline) row.push(layerDeltaText(layer));
    if (withBuild) {
      row.push(layer.cached === undefined ? '' : layer.cached ? 'yes' : 'no');
      row.push(
        layer.durationSeconds === undefined || layer.cached ? '' : formatSeconds(layer.durationSeconds),
      );
    }
    if (withOrigin) row.push(layer.origin);
    return row;
  };
  const render = (layers: readonly ReportLayer[], max: number, note: string) =>
    `#### Layers\n\n${table(
      header,
      layers.map((layer) => rowOf(layer, max)),
      align,
    )}${note}${removedText(report)}`;

  const text = render(report.layers, 160, '');
  // Condensed: with a baseline, the layers that changed; without, the largest ten.
  const changed = report.layers.filter((layer) => layer.delta && layer.delta.change !== 'unchanged');
  const selection = withBaseline
    ? changed
    : [...report.layers]
        .sort(
          (a, b) =>
            (b.compressedBytes ?? b.uncompressedBytes ?? 0) - (a.compressedBytes ?? a.uncompressedBytes ?? 0),
        )
        .slice(0, 10)
        .sort((a, b) => a.index - b.index);
  const hidden = report.layers.length - selection.length;
  const note = hidden
    ? `\n\n${hidden} ${withBaseline ? 'unchanged ' : 'smaller '}layer${hidden === 1 ? '' : 's'} not shown.`
    : '';
  const short =
    withBaseline && !changed.length
      ? `#### Layers\n\nNo layer changed since ${mdText(report.baseline?.label ?? '', 80)}.${removedText(report)}`
      : render(selection, 100, note);
  return options.condensed ? { text: short, priority: 0 } : { text, short, priority: 0 };
}

function removedText(report: ImageReport): string {
  const removed = report.baseline?.removed ?? [];
  if (!removed.length) return '';
  const items = removed
    .slice(0, 20)
    .map(
      (layer) =>
        `- ${mdText(layer.instruction, 120)} (${bytesOrUnknown(layer.compressedBytes ?? layer.uncompressedBytes)})`,
    );
  return `\n\nRemoved since ${mdText(report.baseline?.label ?? '', 80)}:\n\n${items.join('\n')}${removed.length > 20 ? `\n- … ${removed.length - 20} more` : ''}`;
}

/** A bar per layer, base and own in two colours; labels are layer numbers, never image text. */
export function chartBlock(report: ImageReport): string {
  const layers = report.layers;
  const compressed = layers.every((layer) => layer.compressedBytes !== undefined);
  const size = (layer: ReportLayer) => (compressed ? layer.compressedBytes : layer.uncompressedBytes);
  if (layers.length < 2 || layers.length > 80 || layers.some((layer) => size(layer) === undefined)) return '';
  const mib = (layer: ReportLayer) => Number(((size(layer) ?? 0) / 1048576).toFixed(2));
  const series = (origin: 'base' | 'own') =>
    layers.map((layer) => (layer.origin === origin ? mib(layer) : 0)).join(', ');
  const lines = [
    'xychart-beta',
    `    title "${compressed ? 'Compressed' : 'Uncompressed'} size by layer (MiB)${report.sizes.base ? ': base, then own' : ''}"`,
    `    x-axis [${layers.map((layer) => `"${layer.index + 1}"`).join(', ')}]`,
    '    y-axis "MiB"',
    ...(report.sizes.base ? [`    bar [${series('base')}]`] : []),
    `    bar [${series('own')}]`,
  ];
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\``;
}

export function largestFilesBlock(report: ImageReport, options: SectionOptions): Block {
  const files = report.contents?.largestOwnFiles ?? [];
  if (!files.length) return { text: '', priority: 3 };
  const render = (count: number) =>
    details(
      `Largest files added by the image's own layers (${Math.min(count, files.length)})`,
      table(
        ['Path', 'Size', 'Layer'],
        files
          .slice(0, count)
          .map((file) => [mdText(file.path, 200), formatBytes(file.bytes), String(file.layer + 1)]),
        ['l', 'r', 'r'],
      ),
    );
  return { text: render(options.condensed ? 10 : 25), short: render(5), priority: 3 };
}

export function wasteBlock(report: ImageReport, options: SectionOptions): Block {
  const contents = report.contents;
  if (!contents || !contents.wastedPaths.length) return { text: '', priority: 2 };
  const render = (count: number) =>
    details(
      `Waste: ${formatBytes(contents.reclaimableBytes)} reclaimable (efficiency ${formatPercent(contents.efficiency)})`,
      table(
        ['Path', 'Reclaimable', 'Written/deleted', 'Last by layer', 'Now'],
        contents.wastedPaths
          .slice(0, count)
          .map((path) => [
            mdText(path.path, 200),
            formatBytes(path.reclaimableBytes),
            `${path.occurrences}×`,
            String(path.layer + 1),
            path.deleted ? 'deleted' : 'kept',
          ]),
        ['l', 'r', 'r', 'r', 'l'],
      ),
    );
  return { text: render(options.condensed ? 10 : 25), short: render(5), priority: 2 };
}

export function duplicatesBlock(report: ImageReport, options: SectionOptions): Block {
  const groups = report.contents?.duplicates ?? [];
  if (!groups.length) return { text: '', priority: 4 };
  const total = groups.reduce((sum, group) => sum + group.wastedBytes, 0);
  const render = (count: number) =>
    details(
      `Duplicate files: ${formatBytes(total)} in extra copies`,
      table(
        ['Size', 'Copies', 'Paths'],
        groups.slice(0, count).map((group) => [
          formatBytes(group.bytes),
          String(group.paths.length),
          group.paths
            .slice(0, 5)
            .map((file) => mdText(file.path, 120))
            .join('<br>') + (group.paths.length > 5 ? `<br>… ${group.paths.length - 5} more` : ''),
        ]),
        ['r', 'r', 'l'],
      ) +
        (groups.some((group) => !group.verified)
          ? '\n\nUnverified groups matched on size and first and last 4 KiB only.'
          : ''),
    );
  return { text: render(options.condensed ? 5 : 20), short: render(3), priority: 4 };
}

export function findingsBlock(report: ImageReport): Block {
  const findings = report.contents?.findings ?? [];
  if (!findings.length) return { text: '', priority: 3 };
  const rows = findings.map((finding) => [
    finding.kind.replace('-', ' '),
    mdText(finding.category, 60),
    String(finding.files),
    formatBytes(finding.bytes),
    formatBytes(finding.ownBytes),
    mdText(finding.examples[0]?.path ?? '', 120),
  ]);
  return {
    text: details(
      'Files the checks flagged',
      table(['Kind', 'What', 'Files', 'Bytes', 'In own layers', 'Largest'], rows, [
        'l',
        'l',
        'r',
        'r',
        'r',
        'l',
      ]),
    ),
    priority: 3,
  };
}

export function stepsBlock(report: ImageReport): Block {
  const steps = report.build?.steps ?? [];
  if (!steps.length) return { text: '', priority: 5 };
  return {
    text: details(
      `Build steps (${steps.length})`,
      table(
        ['Step', 'Time', 'Cached'],
        steps.map((step) => [
          mdText(step.name, 160),
          step.seconds === undefined || step.cached ? '' : formatSeconds(step.seconds),
          step.cached ? 'yes' : 'no',
        ]),
        ['l', 'r', 'c'],
      ),
    ),
    priority: 5,
  };
}

export function logsBlock(report: ImageReport): Block {
  const logged = report.checks.filter((check) => check.log && check.status !== 'pass');
  if (!logged.length) return { text: '', priority: 2 };
  return {
    text: logged.map((check) => details(`${check.name}: output`, codeBlock(check.log ?? ''))).join('\n\n'),
    short: logged
      .map((check) =>
        details(`${check.name}: output (last lines)`, codeBlock(lastLines(check.log ?? '', 30))),
      )
      .join('\n\n'),
    priority: 2,
  };
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

export const SIZE_LEGEND =
  '<sub>Compressed: what a pull transfers and the registry stores (config + layers). Uncompressed: what the layers unpack to. 1 MiB = 1,048,576 bytes.</sub>';
