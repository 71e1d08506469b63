import type { BuildImageOutcome, BuildInputs, Builder } from '../build/index.js';
import type { ManifestBytes } from '../registry/index.js';
import type { ImageBuildResult } from './image-build-types.js';

/** Where the report reads the image from, cheapest first; the report says which. */
export type ReportImageSource =
  /** Published: the manifest bytes the publish holds, the config and layers from the registry. */
  | { kind: 'registry'; image: string; digest: string; manifest?: ManifestBytes }
  /** In the engine (the classic builder, buildx's docker driver, `load`): `docker save`. */
  | { kind: 'engine'; reference: string; docker: string }
  /** Exported by the build for the report (a container builder that neither pushed nor loaded). */
  | { kind: 'oci-layout'; dir: string }
  | { kind: 'unavailable'; reason: string };

/**
 * A build that leaves its image nowhere the report can read: buildx on a container or remote builder,
 * without push, load or outputs of its own. buildx before 0.13 takes one output per build, so the OCI
 * layout for the report is that build's only output, and a build with outputs is left as it is.
 */
export function exportsLayoutForReport(build: BuildInputs, builder: Builder, push: boolean): boolean {
  return (
    builder.kind === 'buildx' &&
    builder.driver !== 'docker' &&
    !push &&
    !build.load &&
    build.outputs.length === 0
  );
}

/** The image is in the engine after this build: the engine built it, or buildx loaded it there. */
export function builtIntoEngine(build: BuildImageOutcome, inputs: BuildInputs): boolean {
  if (inputs.outputs.length > 0) return inputs.load && build.builder.kind === 'buildx';
  return build.builder.kind === 'classic' || build.builder.driver === 'docker' || inputs.load;
}

/** Where this run's image can be read, cheapest first. */
export function reportImageSource(result: ImageBuildResult, inputs: BuildInputs): ReportImageSource {
  const published = result.publish?.registries[0];
  if (result.publish && published) {
    return {
      kind: 'registry',
      image: published.image,
      digest: result.publish.digest,
      manifest: published.manifest,
    };
  }
  if (result.layout) return { kind: 'oci-layout', dir: result.layout };
  const build = result.build;
  if (!build) return { kind: 'unavailable', reason: 'nothing was built or published' };
  if (builtIntoEngine(build, inputs)) {
    const reference = build.result.imageId || result.metadata.tags[0];
    if (reference) return { kind: 'engine', reference, docker: build.builder.docker };
  }
  return {
    kind: 'unavailable',
    reason:
      inputs.outputs.length > 0
        ? 'the build wrote only its own `outputs`; push, or set `load: true`, for sizes'
        : 'the image is in neither the engine nor a registry; push, or set `load: true`, for sizes',
  };
}
