import type { ImageBuildInputs } from './inputs.js';
import { type ImageBuildDeps } from './run.js';
/** The CLI's `tags` command: what the action would tag and label, and the build args it would pass. */
export declare function computeTagsOnly(inputs: ImageBuildInputs, deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'logger' | 'cwd' | 'now'>): Promise<Record<string, unknown>>;
