import { readBuildInputs, type BuildInputName, type BuildInputs } from '../build/index.js';
import { parseCachePreset, parseCacheSpec } from '../cache/index.js';
import { readEcrInputs, type EcrInputs } from '../ecr/inputs.js';
import { readPublishInputs, type PublishInputs } from '../publish/index.js';
import { parseMetadataInputs, type MetadataInputs } from '../tags/index.js';
import { parseEnvironment } from '../tags/environment.js';
import { expandImageTemplate, parseRegistry, withDefaultRegistry } from '../tags/environment-images.js';
import { parseBoolean } from '../util/boolean.js';
import { readReportInputs, type ReportInputs } from './report-inputs.js';
export { UNTRIMMED_INPUTS } from './input-spec.js';

/** Every input of the main action, parsed and checked before anything runs. */
export interface ImageBuildInputs {
  metadata: MetadataInputs;
  build: BuildInputs;
  publish: PublishInputs;
  ecr: EcrInputs;
  /** `summary`: write the report to the job summary (default true). */
  summary: boolean;
  /** `report-file`: also write the report markdown here. */
  reportFile?: string;
  /** What the report reads, compares and checks (`report-*`, `comment`, the checks' inputs). */
  report: ReportInputs;
}

export type ReadInput = (name: string) => string;

/** Inputs that name images: `{env}` is expanded in them and `registry` is their default registry. */
const IMAGE_INPUTS = new Set(['images', 'extra-images', 'promote-from']);

/**
 * Both input vocabularies in one action: metadata-action's (`images`, `tags` as tag rules, `flavor`,
 * `labels`, `annotations`) and build-push-action's (`context` as the build context, `file`, ...). Where
 * the names collide, build-push-action keeps the name and metadata-action's `context` (workflow|git)
 * becomes `metadata-context`; the tags, labels and annotations the build gets are the computed ones.
 */
export function readImageBuildInputs(readRaw: ReadInput): ImageBuildInputs {
  const environment = parseEnvironment(readRaw('environment'));
  const registry = parseRegistry(readRaw('registry'));
  const read: ReadInput = (name) =>
    IMAGE_INPUTS.has(name) ? expandImageTemplate(readRaw(name), name, environment?.name) : readRaw(name);
  // The main action writes no bake files, so metadata-action's `bake-target` has no meaning here.
  // Whole image references in `tags` (build-push-action's form) are taken as they are.
  const metadata = parseMetadataInputs(
    (name) => (name === 'context' ? read('metadata-context') : name === 'bake-target' ? '' : read(name)),
    { tagReferences: true, contextInput: 'metadata-context' },
  );
  metadata.images = metadata.images.map((image) => ({
    ...image,
    name: withDefaultRegistry(image.name, registry),
  }));
  const computed = new Set<BuildInputName>(['tags', 'labels', 'annotations', 'push']);
  const build = readBuildInputs((name) => (computed.has(name) ? '' : read(name)));
  // Cache specs are checked here too: ECR repositories are created before the builder runs.
  parseCachePreset(build.cache);
  build.cacheFrom.forEach((item) => parseCacheSpec(item, 'cache-from'));
  build.cacheTo.forEach((item) => parseCacheSpec(item, 'cache-to'));
  const publish = readPublishInputs(read);
  const ecr = readEcrInputs(read);
  return {
    metadata,
    build: { ...build, push: false },
    publish: {
      ...publish,
      extraImages: publish.extraImages.map((name) => withDefaultRegistry(name, registry)),
      ...(publish.promoteFrom && { promoteFrom: withDefaultRegistry(publish.promoteFrom, registry) }),
      // `latest=always` is the build script's behaviour: nothing guards the floating tags.
      guardFloatingTags: publish.guardFloatingTags && environment?.latest !== 'always',
    },
    ecr,
    summary: parseBoolean('summary', read('summary'), true),
    reportFile: read('report-file').trim() || undefined,
    report: readReportInputs(read, registry),
  };
}
