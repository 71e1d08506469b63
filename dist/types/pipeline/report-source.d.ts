import type { BuildImageOutcome, BuildInputs, Builder } from '../build/index.js';
import type { ManifestBytes } from '../registry/index.js';
import type { ImageBuildResult } from './image-build-types.js';
/** Where the report reads the image from, cheapest first; the report says which. */
export type ReportImageSource = 
/** Published: the manifest bytes the publish holds, the config and layers from the registry. */
{
    kind: 'registry';
    image: string;
    digest: string;
    manifest?: ManifestBytes;
}
/** In the engine (the classic builder, buildx's docker driver, `load`): `docker save`. */
 | {
    kind: 'engine';
    reference: string;
    docker: string;
}
/** Exported by the build for the report (a container builder that neither pushed nor loaded). */
 | {
    kind: 'oci-layout';
    dir: string;
} | {
    kind: 'unavailable';
    reason: string;
};
/**
 * A build that leaves its image nowhere the report can read: buildx on a container or remote builder,
 * without push, load or outputs of its own. buildx before 0.13 takes one output per build, so the OCI
 * layout for the report is that build's only output, and a build with outputs is left as it is.
 */
export declare function exportsLayoutForReport(build: BuildInputs, builder: Builder, push: boolean): boolean;
/** The image is in the engine after this build: the engine built it, or buildx loaded it there. */
export declare function builtIntoEngine(build: BuildImageOutcome, inputs: BuildInputs): boolean;
/** Where this run's image can be read, cheapest first. */
export declare function reportImageSource(result: ImageBuildResult, inputs: BuildInputs): ReportImageSource;
