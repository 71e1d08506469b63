import { parseImageInput } from '../publish/image-input.js';
import { formatReference } from '../registry/reference.js';
import { parseRegistry, withDefaultRegistry } from '../tags/environment-images.js';
import { InputError } from '../util/errors.js';
import { UsageError } from './args.js';
import type { CommandContext } from './context.js';
import { NotAvailableError } from './unavailable.js';

export interface ReportCommandOptions {
  image: string;
  baseline?: string;
  platform?: string;
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/** Checks the flags of `report`: the images are references the registry can answer for. */
export function readReportFlags(context: CommandContext): ReportCommandOptions {
  const single = (name: string) => context.values.get(name)?.at(-1);
  const registry = parseRegistry(single('registry') ?? context.io.env.IMAGE_BUILD_REGISTRY ?? '');
  const reference = (input: string, text: string) => {
    const ref = parseImageInput(withDefaultRegistry(text.trim(), registry), input);
    if (!ref.tag && !ref.digest) throw new InputError(input, `"${text}" needs a tag or a digest`);
    return formatReference(ref);
  };
  const image = single('image');
  if (image === undefined)
    throw new UsageError('report: --image REF is required (image:tag or image@digest)', 'report');
  const baseline = single('baseline');
  const platform = single('platform');
  if (platform !== undefined && !PLATFORM.test(platform)) {
    throw new InputError(
      'platform',
      `"${platform}" is not a platform (os/architecture[/variant], e.g. linux/arm64)`,
    );
  }
  return {
    image: reference('image', image),
    ...(baseline !== undefined && { baseline: reference('baseline', baseline) }),
    ...(platform !== undefined && { platform }),
  };
}

/** `report`: the image report of a published image. */
export async function runReportCommand(context: CommandContext): Promise<number> {
  readReportFlags(context);
  throw new NotAvailableError('report', 'the image report library (src/report, the report-core work)');
}
