import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  readLocalImage,
  readRegistryReference,
  registryClients,
  type ImageRead,
  type ReadOptions,
} from '../pipeline/image-reader.js';
import { isMissingImage, readRegistryBaseline } from '../pipeline/report-baseline.js';
import { failedChecksMessage, storedAnalysisNote } from '../pipeline/report.js';
import { readReportInputs, type ReportInputs } from '../pipeline/report-inputs.js';
import { parseImageInput } from '../publish/image-input.js';
import { formatReference, type RegistryClient } from '../registry/index.js';
import {
  buildImageReport,
  renderReportJson,
  renderSummaryMarkdown,
  renderTerminal,
  type ReportInput,
} from '../report/index.js';
import { parseRegistry, withDefaultRegistry } from '../tags/environment-images.js';
import { InputError } from '../util/errors.js';
import { inertLine, type Logger } from '../util/log.js';
import { replaceFile } from '../util/replace-file.js';
import { UsageError } from './args.js';
import { EXIT, type CommandContext } from './context.js';
import { cliInputs } from './inputs.js';
import { wantsColor } from './terminal.js';

/** An image in its registry, or a path: a `docker save` tarball or an OCI layout directory. */
export type ImageLocation = { kind: 'registry'; reference: string } | { kind: 'path'; path: string };

export interface ReportCommandOptions {
  image: ImageLocation;
  baseline?: ImageLocation;
  platform?: string;
  /** The checks, the file-level analysis and the storage price, as the action's inputs set them. */
  inputs: ReportInputs;
  reportFile?: string;
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/**
 * A path that exists is read from disk; anything else is an image reference (the `registry` flag is
 * its default registry) that needs a tag or a digest.
 */
function locate(input: string, text: string, cwd: string, registry: string | undefined): ImageLocation {
  const value = text.trim();
  const path = resolve(cwd, value);
  if (statSync(path, { throwIfNoEntry: false })) return { kind: 'path', path };
  if (/^[./~]|\.(tar|tgz)$|\.tar\.gz$/.test(value))
    throw new InputError(
      input,
      `${value}: no such file or directory (a docker save tarball or an OCI layout)`,
    );
  const ref = parseImageInput(withDefaultRegistry(value, registry), input);
  if (!ref.tag && !ref.digest)
    throw new InputError(
      input,
      `"${value}" is not a file or directory here, and as an image it needs a tag or a digest (image:tag)`,
    );
  return { kind: 'registry', reference: formatReference(ref) };
}

/** Checks the flags of `report` before anything is read. */
export function readReportFlags(context: CommandContext): ReportCommandOptions {
  const single = (name: string) => context.values.get(name)?.at(-1);
  const { read, warnings } = cliInputs(context.command, context.values, context.io.env);
  warnings.forEach((warning) => context.terminal.logger.warning(warning));
  const registry = parseRegistry(read('registry'));
  const image = single('image');
  if (image === undefined)
    throw new UsageError(
      'report: name the image: image-build report IMAGE (image:tag, image@digest, a docker save tarball or an OCI layout)',
      'report',
    );
  const baseline = single('baseline');
  const platform = single('platform');
  if (platform !== undefined && !PLATFORM.test(platform)) {
    throw new InputError(
      'platform',
      `"${platform}" is not a platform (os/architecture[/variant], e.g. linux/arm64)`,
    );
  }
  const reportFile = read('report-file').trim();
  return {
    image: locate('image', image, context.io.cwd, registry),
    ...(baseline !== undefined && { baseline: locate('baseline', baseline, context.io.cwd, registry) }),
    ...(platform !== undefined && { platform }),
    inputs: readReportInputs(read, registry),
    ...(reportFile && { reportFile: resolve(context.io.cwd, reportFile) }),
  };
}

async function readLocation(
  location: ImageLocation,
  options: Omit<ReadOptions, 'image'>,
  clientFor: (registry: string) => RegistryClient,
): Promise<ImageRead> {
  if (location.kind === 'path')
    return readLocalImage(location.path, { ...options, image: basename(location.path) });
  return readRegistryReference(clientFor, location.reference, options).catch((error: unknown) => {
    if (isMissingImage(error))
      throw new InputError('image', `${location.reference} does not exist in its registry`);
    throw error;
  });
}

/** The baseline, in the same forms; one that does not exist is a notice, never a failure. */
async function readBaseline(
  options: ReportCommandOptions,
  current: ImageRead,
  clientFor: (registry: string) => RegistryClient,
  notices: string[],
): Promise<ReportInput['baseline']> {
  const location = options.baseline;
  if (!location) return undefined;
  const label =
    location.kind === 'path'
      ? basename(location.path)
      : location.reference.slice(location.reference.lastIndexOf('/') + 1);
  try {
    if (location.kind === 'path') {
      const read = await readLocalImage(location.path, {
        image: label,
        platform: current.model.platform,
        contents: options.inputs.contents,
        contentsLimitBytes: options.inputs.contentsLimitBytes,
      });
      return { model: read.model, contents: read.contents, label };
    }
    const { model, notice } = await readRegistryBaseline(
      clientFor,
      location.reference,
      current,
      options.inputs.contentsLimitBytes,
    );
    if (notice) notices.push(notice);
    return { model, label };
  } catch (error) {
    notices.push(
      isMissingImage(error)
        ? `No comparison: the baseline ${label} does not exist.`
        : `No comparison: the baseline ${label} could not be read: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/**
 * `report`: the image report of an image in its registry (nothing pulled, no daemon), a `docker save`
 * tarball or an OCI layout; in the terminal, as JSON (`--json`) or as markdown (`--summary FILE`).
 * Checks at level `fail` make the exit code 1.
 */
export async function runReportCommand(context: CommandContext): Promise<number> {
  const { io, terminal } = context;
  const options = readReportFlags(context);
  const logger: Logger = terminal.logger;
  const clientFor = registryClients({ runner: io.runner, logger, env: io.env });
  terminal.phase('report', options.image.kind === 'path' ? options.image.path : options.image.reference);
  const read = await readLocation(
    options.image,
    {
      platform: options.platform,
      contents: options.inputs.contents,
      contentsLimitBytes: options.inputs.contentsLimitBytes,
      // A graph's image has its analysis stored next to it: read that (checked) instead of its layers.
      storedAnalysis: { write: false, logger },
    },
    clientFor,
  );
  const notices = [
    ...read.notices,
    ...(read.contentsStoredAt ? [storedAnalysisNote(read.contentsStoredAt)] : []),
  ];
  const baseline = await readBaseline(options, read, clientFor, notices);
  const report = buildImageReport({
    model: read.model,
    contents: read.contents,
    ...(options.image.kind === 'registry' && { tags: [{ reference: options.image.reference }] }),
    baseline,
    policy: options.inputs.policy,
    pricePerGbMonth: options.inputs.pricePerGbMonth,
    notices,
  });
  for (const notice of report.notices) logger.notice(notice);
  if (options.reportFile) {
    await replaceFile(options.reportFile, renderSummaryMarkdown(report));
    logger.info(`report written to ${options.reportFile}`);
  }
  io.stdout.write(
    context.json
      ? renderReportJson(report)
      : renderTerminal(report, { color: wantsColor(io.stdout, io.env) }),
  );
  const failed = failedChecksMessage(report);
  if (!failed) return EXIT.ok;
  terminal.line(`${terminal.style.red('error:')} ${inertLine(failed)}`);
  return EXIT.failed;
}
