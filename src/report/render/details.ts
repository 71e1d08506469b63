import { formatBytes, formatPercent, formatSeconds } from '../format.js';
import type { ImageReport } from '../report.js';
import type { Block } from './blocks.js';
import { codeBlock, mdText } from './escape.js';
import { details, table, type SectionOptions } from './markdown-parts.js';

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
