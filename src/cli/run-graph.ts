import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readImageBuildInputs } from '../pipeline/inputs.js';
import { parseBoolean } from '../util/boolean.js';
import { InputError } from '../util/errors.js';
import type { CommandContext } from './context.js';
import { cliInputs } from './inputs.js';
import { NotAvailableError } from './unavailable.js';

/** What `graph` and `plan` hand the graph library once it is in (src/graph: runGraph, planGraph). */
export interface GraphCommandOptions {
  file: string;
  only: string[];
  concurrency: number;
  reuse: boolean;
  registry?: string;
}

/** Checks the flags of `graph` and `plan` as the graph library will take them. */
export function readGraphFlags(context: CommandContext): GraphCommandOptions {
  const { values, io } = context;
  const single = (name: string) => values.get(name)?.at(-1);
  const fileFlag = single('images-file') ?? 'image-build.yml';
  const file = resolve(io.cwd, fileFlag);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError(
      'images-file',
      `"${fileFlag}" is not a file (the images file, image-build.yml by default)`,
    );
  }
  const only = values.get('only') ?? [];
  only.forEach((name, index) => {
    if (!name.trim()) throw new InputError('only', 'an image name is empty', { line: index + 1 });
  });
  const concurrencyText = single('concurrency') ?? '2';
  if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1) {
    throw new InputError('concurrency', `"${concurrencyText}" is not a whole number of at least 1`);
  }
  const { read } = cliInputs(context.command, values, io.env);
  // Every input the images' runs share is checked now, as the single-image build checks its own.
  readImageBuildInputs(read);
  return {
    file,
    only: [...only],
    concurrency: Number(concurrencyText),
    reuse: parseBoolean('reuse', single('reuse') ?? '', true),
    ...(read('registry') && { registry: read('registry') }),
  };
}

/** `graph` (build an images file) and `plan` (its plan as JSON). */
export async function runGraphCommand(context: CommandContext): Promise<number> {
  readGraphFlags(context);
  throw new NotAvailableError(context.command.name, 'the image graph library (src/graph)');
}
