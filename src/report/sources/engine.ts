import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandRunner } from '../../util/exec.js';
import { InputError } from '../../util/errors.js';
import { parseReference, repositoryName } from '../../registry/reference.js';
import { readDockerSave } from './docker-save.js';
import type { ImageFromSource, ReadImageOptions } from './oci-layout.js';

export interface EngineImageOptions extends ReadImageOptions {
  runner: CommandRunner;
  /** The docker client (default `docker`). */
  docker?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the temporary tarball goes (default the system's temp directory); it is removed after. */
  tmpDir?: string;
}

/**
 * An image in the engine (after `load`, or built by the classic builder): `docker save` to a temporary
 * file, read in place, then removed. For a pull request build that was never pushed.
 */
export async function readEngineImage(
  reference: string,
  options: EngineImageOptions,
): Promise<ImageFromSource> {
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'image-build-save-'));
  try {
    const tarball = join(dir, 'image.tar');
    const saved = await options.runner.run(options.docker ?? 'docker', ['save', '-o', tarball, reference], {
      env: options.env,
    });
    if (saved.exitCode !== 0) {
      throw new InputError(
        'image',
        `the engine could not save ${reference}: ${saved.stderr.trim().split('\n')[0] ?? ''}`,
      );
    }
    const image = await readDockerSave(tarball, { image: imageName(reference), ...options });
    return { ...image, model: { ...image.model, source: 'engine' } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `registry/repo` of a reference, for the report's title; an image ID stays as it is. */
function imageName(reference: string): string {
  try {
    return repositoryName(parseReference(reference));
  } catch {
    return reference;
  }
}
