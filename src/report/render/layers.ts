import { formatDelta, formatSeconds } from '../format.js';
import type { ImageReport, ReportLayer } from '../report.js';
import type { Block } from './blocks.js';
import { mdText } from './escape.js';
import { bytesOrUnknown, table, type SectionOptions } from './markdown-parts.js';

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
  // The headline names the baseline: a short header keeps the table narrow.
  if (withBaseline) column('Δ', 'r');
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
    // No-break spaces: `new +4.69 MiB` stays on one line however narrow the column gets.
    if (withBaseline) row.push(layerDeltaText(layer).replace(/ /g, '\u00a0'));
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
