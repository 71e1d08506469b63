import { readImageBuildInputs } from '../pipeline/inputs.js';
import { computeTagsOnly } from '../pipeline/tags-only.js';
import { inertLine } from '../util/log.js';
import { EXIT, type CommandContext } from './context.js';
import { cliInputs } from './inputs.js';

/** `tags`: what a build would tag and label, and the build args it would pass; nothing is built. */
export async function runTagsCommand(context: CommandContext): Promise<number> {
  const { io, terminal } = context;
  const { read, warnings } = cliInputs(context.command, context.values, io.env);
  warnings.forEach((warning) => terminal.logger.warning(warning));
  const inputs = readImageBuildInputs(read);
  terminal.phase('tags');
  const outputs = await computeTagsOnly(inputs, {
    env: io.env,
    runner: io.runner,
    logger: terminal.logger,
    cwd: io.cwd,
    ...(io.pipeline?.now && { now: io.pipeline.now }),
  });
  if (context.json) {
    io.stdout.write(`${JSON.stringify(outputs, null, 2)}\n`);
  } else {
    const { style } = terminal;
    const section = (title: string, values: readonly string[]) =>
      values.length ? [style.bold(title), ...values.map((value) => `  ${inertLine(value)}`)] : [];
    io.stdout.write(
      `${[
        ...section('tags', outputs.tags),
        ...section('labels', outputs.labels),
        ...section(
          'build args',
          Object.entries(outputs.buildArgs).map(([name, value]) => `${name}=${value}`),
        ),
      ].join('\n')}\n`,
    );
  }
  return EXIT.ok;
}
