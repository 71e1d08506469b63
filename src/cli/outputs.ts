import { inertLine } from '../util/log.js';
import type { CommandContext } from './context.js';

/**
 * The end of a run on stdout. With --json, the outputs as one JSON object and nothing else, for
 * scripts; otherwise what was published for a person, then the report.
 */
export function printOutputs(context: CommandContext, outputs: Record<string, string>, report: string): void {
  const { stdout } = context.io;
  if (context.json) {
    stdout.write(`${JSON.stringify(outputs, null, 2)}\n`);
    return;
  }
  const { style } = context.terminal;
  const lines: string[] = [];
  const list = (title: string, text: string | undefined) => {
    const values = (text ?? '').split('\n').filter(Boolean);
    if (values.length === 0) return;
    lines.push(style.bold(title), ...values.map((value) => `  ${inertLine(value)}`));
  };
  if (outputs.digest) lines.push(`${style.bold('digest')} ${inertLine(outputs.digest)}`);
  list(outputs.published ? 'published' : 'tags', outputs.published || outputs.tags);
  list('held back (the floating-tag guard)', outputs['held-back']);
  stdout.write(`${lines.join('\n')}\n\n${report.trimEnd()}\n`);
}
