import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DockerfileInfo, parseDockerfile, selectAutomaticBuildArgs } from '../build/index.js';
import { findStage } from '../build/dockerfile.js';
import {
  externalBases,
  fileDigestCache,
  hashContext,
  hashImageInputs,
  ImagesFileError,
  type GraphImageSpec,
  type ImageInputs,
  type ImagesFile,
} from '../graph/index.js';
import { parseImages, type WriterFactory } from '../publish/index.js';
import { formatReference, isDigest, parseReference } from '../registry/index.js';
import { automaticBuildArgs, type MetadataResult, type RunContext } from '../tags/index.js';
import { userCacheDir } from '../util/cache-dir.js';
import { InputError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/log.js';
import { readImageBuildInputs, type ImageBuildInputs, type ReadInput } from './inputs.js';
import { computeTags, type ImageBuildDeps } from './image-build.js';

/** One image of the file, its inputs read and checked, its Dockerfile parsed: ready to hash and build. */
export interface GraphImage {
  spec: GraphImageSpec;
  level: number;
  inputs: ImageBuildInputs;
  metadata: MetadataResult;
  context: RunContext;
  /** `registry/repository` of each image name (empty when nothing is published). */
  repositories: string[];
  dockerfilePath: string;
  dockerfileText: string;
  dockerfile: DockerfileInfo;
}

/** The inputs the images file sets per image; everything else comes from the run's own inputs. */
const FILE_INPUTS = [
  'context',
  'file',
  'target',
  'build-args',
  'platforms',
  'tags',
  'flavor',
  'images',
] as const;

/** What the images file key for an input is called, to place an error in the file. */
const FILE_KEY: Record<string, keyof GraphImageSpec['positions']> = {
  context: 'context',
  file: 'file',
  target: 'target',
  'build-args': 'build-args',
  platforms: 'platforms',
  tags: 'tags',
  flavor: 'flavor',
  images: 'images',
};

export interface ReadGraphImageOptions {
  file: ImagesFile;
  read: ReadInput;
  registry?: string;
  level: number;
  now: Date;
}

/**
 * The image's inputs: the file's values over the run's own (the action's inputs or the CLI's flags).
 * Build args add up (the run's, the file's defaults, the image's); a parent's build arg is the graph's
 * own and may not be set by hand. Then the checks that need no builder: tags, context, Dockerfile,
 * target, and the parent's build arg declared by the Dockerfile.
 */
export async function readGraphImage(
  spec: GraphImageSpec,
  options: ReadGraphImageOptions,
  deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'cwd' | 'tagsCache'>,
): Promise<GraphImage> {
  const { file } = options;
  const fail = (detail: string, key?: keyof GraphImageSpec['positions']) =>
    new ImagesFileError(
      file.path,
      `image "${spec.name}": ${detail}`,
      (key && spec.positions[key]) ?? spec.position,
    );
  const registry = options.registry?.replace(/\/+$/, '');
  const imageNames = spec.images.length ? spec.images : registry ? [`${registry}/${spec.name}`] : [];
  const own: Record<(typeof FILE_INPUTS)[number], string> = {
    context: spec.context,
    file: spec.file ?? '',
    target: spec.target ?? '',
    'build-args': [options.read('build-args'), ...spec.buildArgs].join('\n'),
    platforms: spec.platforms.length ? spec.platforms.join(',') : options.read('platforms'),
    tags: spec.tags ? spec.tags.join('\n') : options.read('tags'),
    flavor: spec.flavor ? spec.flavor.join('\n') : options.read('flavor'),
    images: imageNames.length ? imageNames.join('\n') : spec.name,
  };
  const read: ReadInput = (name) =>
    (FILE_INPUTS as readonly string[]).includes(name)
      ? own[name as (typeof FILE_INPUTS)[number]]
      : // The graph decides per image whether to build or promote; the run's own image list is not one.
        name === 'promote-from' || name === 'extra-images'
        ? ''
        : // Its inputs hash decides reuse: a commit's image may sit on a parent the graph rebuilt.
          name === 'reuse-commit'
          ? 'false'
          : options.read(name);

  let inputs: ImageBuildInputs;
  let tags: { metadata: MetadataResult; context: RunContext };
  try {
    inputs = readImageBuildInputs(read);
    // The image's tags, computed now (quietly: the run computes and logs them again) so a bad rule stops the run before the first build.
    tags = await computeTags(inputs, { ...deps, logger: silentLogger, now: options.now });
  } catch (error) {
    if (error instanceof InputError) throw fail(error.message, FILE_KEY[error.input]);
    throw error;
  }
  const publishing = inputs.publish.push;
  if (publishing && imageNames.length === 0) {
    throw fail(
      'it has no repository to publish to: give it `images` or `registry`, or give the run a registry',
    );
  }
  if (publishing && tags.metadata.tagNames.length === 0) {
    throw fail(
      'its tags policy computes no tag for this run; add one that always applies (e.g. type=sha)',
      'tags',
    );
  }
  // The names as the run publishes them: `{env}` expanded and the run's registry applied.
  const repositories = publishing ? parseImages(tags.metadata.images).map((ref) => formatReference(ref)) : [];

  if (!isDirectory(spec.context))
    throw fail(`the context directory ${spec.context} does not exist`, 'context');
  const dockerfilePath = spec.file ?? join(spec.context, 'Dockerfile');
  let dockerfileText: string;
  try {
    dockerfileText = readFileSync(dockerfilePath, 'utf8');
  } catch {
    throw fail(`the Dockerfile ${dockerfilePath} cannot be read`, spec.file ? 'file' : 'context');
  }
  const dockerfile = parseDockerfile(dockerfileText);
  if (dockerfile.stages.length === 0) throw fail(`${dockerfilePath} has no FROM instruction`, 'file');
  if (spec.target && !findStage(dockerfile, spec.target)) {
    throw fail(`${dockerfilePath} has no stage named "${spec.target}"`, 'target');
  }
  const userArgs = new Set(inputs.build.buildArgs.map((item) => item.value.split('=')[0].trim()));
  for (const parent of spec.dependsOn) {
    if (userArgs.has(parent.arg)) {
      throw fail(
        `build-args sets ${parent.arg}, which depends-on passes (the parent "${parent.name}" by digest)`,
        'build-args',
      );
    }
    if (!dockerfile.args.has(parent.arg)) {
      throw new ImagesFileError(
        file.path,
        `image "${spec.name}" depends on "${parent.name}" through the build arg ${parent.arg}, but ${dockerfilePath} declares no ARG ${parent.arg} (write \`ARG ${parent.arg}\` before FROM and \`FROM \${${parent.arg}}\`)`,
        parent.position,
      );
    }
  }
  return {
    spec,
    level: options.level,
    inputs,
    metadata: tags.metadata,
    context: tags.context,
    repositories,
    dockerfilePath,
    dockerfileText,
    dockerfile,
  };
}

/** A parent as its child gets it: the published repository pinned by digest, or a local reference. */
export interface ParentReference {
  name: string;
  arg: string;
  reference: string;
}

/** Hashes what an image's build depends on; the results that cost I/O are kept for the next call. */
export interface InputsHasher {
  hash(image: GraphImage, parents: readonly ParentReference[]): Promise<HashedInputs>;
  /** Starts hashing the image's context now: it does not depend on the parents, whose digests come later. */
  warm(image: GraphImage): void;
}

export interface HashedInputs {
  hash?: string;
  /** Why there is no hash: an external base whose digest could not be read cannot prove itself unchanged. */
  reason?: string;
  /** The build args the builder gets from the graph (`BASE_IMAGE=…@sha256:…`). */
  parentArgs: string[];
}

/**
 * The inputs hash of `hashImageInputs` from a prepared image: its context (after .dockerignore), the
 * Dockerfile, every build arg (the run's and the file's, the automatic ones the Dockerfile declares,
 * each parent's digest-pinned reference), target, platforms, the digests of the external images its
 * stages start from, and the settings that change what is published.
 */
export function createInputsHasher(deps: {
  env: NodeJS.ProcessEnv;
  writers: WriterFactory;
  logger: Logger;
}): InputsHasher {
  const contexts = new Map<string, ReturnType<typeof hashContext>>();
  const bases = new Map<string, Promise<string>>();
  const baseDigest = (reference: string): Promise<string> => {
    let found = bases.get(reference);
    if (!found) {
      found = (async () => {
        const ref = parseReference(reference);
        if (ref.digest) return ref.digest;
        const digest = await deps.writers(ref.registry).resolveTag(ref.repository, ref.tag ?? 'latest');
        if (!digest) throw new Error(`${reference} does not exist in its registry`);
        return digest;
      })();
      bases.set(reference, found);
    }
    return found;
  };

  const contextDigest = (image: GraphImage): ReturnType<typeof hashContext> => {
    const key = `${image.spec.context}\0${image.dockerfilePath}`;
    let context = contexts.get(key);
    if (!context) {
      const cacheDir = digestCacheDir(deps.env);
      const cache = cacheDir ? fileDigestCache(cacheDir, resolve(image.spec.context)) : undefined;
      contexts.set(key, (context = hashContext(image.spec.context, image.dockerfilePath, cache)));
      // Awaited by `hash`; a warmed context nobody asks for must not fail as unhandled.
      context.catch(() => undefined);
    }
    return context;
  };

  return {
    warm: (image) => void contextDigest(image),
    async hash(image, parents) {
      const { spec, inputs } = image;
      const parentArgs = parents.map((parent) => `${parent.arg}=${parent.reference}`);
      const buildArgs = new Map<string, string | null>();
      const lines = [
        ...inputs.build.buildArgs.map((item) => item.value),
        ...selectAutomaticBuildArgs(
          automaticBuildArgs(image.metadata, image.context),
          image.dockerfile.args,
          inputs.build.buildArgs,
        ),
        ...parentArgs,
      ];
      for (const line of lines) {
        const equals = line.indexOf('=');
        // `NAME` alone: the builder takes the value from its environment, so the hash does too.
        if (equals < 0) buildArgs.set(line.trim(), deps.env[line.trim()] ?? null);
        else buildArgs.set(line.slice(0, equals).trim(), line.slice(equals + 1));
      }

      const context = contextDigest(image);

      const baseDigests: Record<string, string> = {};
      const values = new Map([...buildArgs].map(([name, value]) => [name, value ?? undefined]));
      for (const base of externalBases(image.dockerfileText, image.dockerfile, spec.target, values)) {
        if (!base.reference) {
          return { parentArgs, reason: `FROM ${base.written}: no value for ${base.unresolved.join(', ')}` };
        }
        if (parents.some((parent) => parent.reference === base.reference) || isPinned(base.reference))
          continue;
        try {
          baseDigests[base.reference] = await baseDigest(base.reference);
        } catch (error) {
          return {
            parentArgs,
            reason: `the digest of ${base.reference} is unknown (${(error as Error).message})`,
          };
        }
      }

      const build = inputs.build;
      const hashed: ImageInputs = {
        dockerfile: image.dockerfileText,
        context: (await context).digest,
        target: spec.target,
        platforms: build.platforms,
        buildArgs: Object.fromEntries(buildArgs),
        bases: baseDigests,
        options: {
          provenance: build.provenance,
          sbom: build.sbom,
          network: build.network,
          labels: inputs.metadata.labels,
          annotations: inputs.metadata.annotations,
          outputs: build.outputs.map((item) => item.value),
          'add-hosts': build.addHosts,
          'build-contexts': build.buildContexts.map((item) => item.value),
          // Only the ids: a secret's value must not be derivable from a published tag.
          secrets: [...build.secrets, ...build.secretEnvs, ...build.secretFiles].map(
            (item) => item.value.split('=')[0],
          ),
          ssh: build.ssh.map((item) => item.value),
        },
      };
      return { hash: hashImageInputs(hashed), parentArgs };
    },
  };
}

/**
 * Where the context files' digests are kept between runs: IMAGE_BUILD_CACHE_DIR, else the user's
 * cache directory (userCacheDir); none when IMAGE_BUILD_CACHE_DIR is set empty, or without a home.
 */
export function digestCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const root = env.IMAGE_BUILD_CACHE_DIR ?? userCacheDir(env);
  return root ? join(root, 'context-digests') : undefined;
}

function isPinned(reference: string): boolean {
  const at = reference.lastIndexOf('@');
  return at > 0 && isDigest(reference.slice(at + 1));
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
