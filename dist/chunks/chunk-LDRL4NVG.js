import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/pipeline/report-source.ts
function exportsLayoutForReport(build, builder, push) {
  return builder.kind === "buildx" && builder.driver !== "docker" && !push && !build.load && build.outputs.length === 0;
}
function builtIntoEngine(build, inputs) {
  return inputs.outputs.length > 0 ? inputs.load && build.builder.kind === "buildx" : build.builder.kind === "classic" || build.builder.driver === "docker" || inputs.load;
}
function reportImageSource(result, inputs) {
  let published = result.publish?.registries[0];
  if (result.publish && published)
    return {
      kind: "registry",
      image: published.image,
      digest: result.publish.digest,
      manifest: published.manifest
    };
  if (result.layout) return { kind: "oci-layout", dir: result.layout };
  let build = result.build;
  if (!build) return { kind: "unavailable", reason: "nothing was built or published" };
  if (builtIntoEngine(build, inputs)) {
    let reference = build.result.imageId || result.metadata.tags[0];
    if (reference) return { kind: "engine", reference, docker: build.builder.docker };
  }
  return {
    kind: "unavailable",
    reason: inputs.outputs.length > 0 ? "the build wrote only its own `outputs`; push, or set `load: true`, for sizes" : "the image is in neither the engine nor a registry; push, or set `load: true`, for sizes"
  };
}

export {
  exportsLayoutForReport,
  reportImageSource
};
