import type { EcrInputs } from '../ecr/inputs.js';
import type { ScanFindingsResult } from '../ecr/scan.js';
import { type PublishTagsOptions } from '../publish/index.js';
import type { ImageBuildDeps, PostState } from './image-build-types.js';
/** Every registry a run publishes to, made ready once: ECR repositories and login, then tag writers. */
export interface RegistrySession {
    /** Creates ECR repositories and logs in (once per run), and gives the publish its options. */
    prepare(docker?: string): Promise<PublishTagsOptions>;
    /** ECR's scan findings for the published digest: a report, not a gate, so never a failure. */
    collectScans(digest: string): Promise<ScanFindingsResult[]>;
}
export interface RegistrySessionOptions {
    images: string[];
    ecr: EcrInputs;
    /** What the publish plan needs besides the registries: tags, version, primary, guard, pre-release. */
    publish: Omit<PublishTagsOptions, 'images' | 'writers' | 'logger'>;
    /** The run's environment: an ECR login points its DOCKER_CONFIG at the temporary config. */
    env: NodeJS.ProcessEnv;
    deps: Pick<ImageBuildDeps, 'runner' | 'logger' | 'ecrClientFor'>;
    /** Told when there is something for the post step (the ECR login). */
    onPostState: (state: Pick<PostState, 'ecrLogin'>) => void;
}
/**
 * The registries of a run. The AWS SDK is loaded only when an image is in ECR: it would double the
 * action's start-up for everyone else.
 */
export declare function registrySession(options: RegistrySessionOptions): Promise<RegistrySession>;
