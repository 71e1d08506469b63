import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { type CacheSpec, parseCacheSpec } from '../cache/spec.js';
import { InvalidReferenceError, parseReference } from '../registry/reference.js';
import { InputError } from '../util/errors.js';
import type { Builder } from '../engine/builder.js';
import { BUILDX_FEATURES, buildxSupports } from './buildx-features.js';
import { type DockerfileInfo, findStage, parseDockerfile } from './dockerfile.js';
import type { BuildInputs } from './inputs.js';
import type { ListItem } from '../util/input-list.js';

/** The files validation reads; swapped in tests that need no disk. */
export interface BuildFiles {
  isDirectory(path: string): boolean;
  isFile(path: string): boolean;
  readText(path: string): string;
}

export const diskFiles: BuildFiles = {
  isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
  isFile: (path) => existsSync(path) && statSync(path).isFile(),
  readText: (path) => readFileSync(path, 'utf8'),
};

/** Inputs checked against the disk, the Dockerfile and the builder: safe to plan and run. */
export interface ValidatedBuild {
  inputs: BuildInputs;
  /** Absolute path of the Dockerfile. */
  dockerfilePath: string;
  dockerfile: DockerfileInfo;
}

const ULIMIT_NAMES = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
]);

/** `KEY=value` → [KEY, value]; a bad line is an InputError naming the input and line. */
export function splitKeyValue(
  item: ListItem,
  input: string,
  what: string,
  valueRequired = true,
): [string, string] {
  const index = item.value.indexOf('=');
  const key = (index < 0 ? item.value : item.value.slice(0, index)).trim();
  const value = index < 0 ? '' : item.value.slice(index + 1);
  if (!key || /\s/.test(key) || (valueRequired && index < 0)) {
    // Never echo the line of a secret input: its value is the secret.
    const shown = input.startsWith('secret') ? '' : ` "${item.value}"`;
    throw new InputError(input, `line${shown} must be ${what}`, { line: item.line });
  }
  return [key, value];
}

function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|github\.com\/)/.test(context) || context === '-';
}

/** The inputs that reach the builder's command line, each as a list of values with their lines. */
function commandLineValues(inputs: BuildInputs): [string, { value: string; line?: number }[]][] {
  const scalars = (names: Partial<Record<string, string>>) =>
    Object.entries(names).map(([name, value]): [string, { value: string }[]] => [
      name,
      [{ value: value ?? '' }],
    ]);
  const strings = (values: string[]) => values.map((value) => ({ value }));
  return [
    ...scalars({
      context: inputs.context,
      file: inputs.file,
      target: inputs.target,
      network: inputs.network,
      'shm-size': inputs.shmSize,
      provenance: inputs.provenance,
      sbom: inputs.sbom,
      builder: inputs.builder,
    }),
    ['build-args', inputs.buildArgs],
    ['build-contexts', inputs.buildContexts],
    ['labels', inputs.labels],
    ['annotations', inputs.annotations],
    ['outputs', inputs.outputs],
    ['secrets', inputs.secrets],
    ['secret-envs', inputs.secretEnvs],
    ['secret-files', inputs.secretFiles],
    ['ssh', inputs.ssh],
    ['ulimit', inputs.ulimits],
    ['cache-from', inputs.cacheFrom],
    ['cache-to', inputs.cacheTo],
    ['tags', strings(inputs.tags)],
    ['platforms', strings(inputs.platforms)],
    ['add-hosts', strings(inputs.addHosts)],
    ['no-cache-filters', strings(inputs.noCacheFilters)],
  ];
}

/** Every input check that needs no build: run it before anything is built or pushed. */
export function validateBuild(
  inputs: BuildInputs,
  builder: Builder,
  files: BuildFiles = diskFiles,
  cwd = process.cwd(),
): ValidatedBuild {
  // No process can take a NUL in an argument or variable: say which input holds one (never its value).
  for (const [input, values] of commandLineValues(inputs)) {
    const bad = values.find((item) => item.value.includes('\0'));
    if (bad)
      throw new InputError(input, 'holds a NUL character, which no command line can carry', {
        line: bad.line,
      });
  }
  const context = isAbsolute(inputs.context) ? inputs.context : resolve(cwd, inputs.context);
  if (!isRemoteContext(inputs.context) && !files.isDirectory(context)) {
    throw new InputError('context', `directory "${inputs.context}" does not exist`);
  }
  const file = inputs.file || join(inputs.context, 'Dockerfile');
  const dockerfilePath = isAbsolute(file) ? file : resolve(cwd, file);
  if (!files.isFile(dockerfilePath)) {
    throw new InputError('file', `Dockerfile "${file}" does not exist`);
  }
  const dockerfile = parseDockerfile(files.readText(dockerfilePath));
  if (dockerfile.stages.length === 0) throw new InputError('file', `"${file}" has no FROM instruction`);
  if (inputs.target && !findStage(dockerfile, inputs.target)) {
    const names = dockerfile.stages.map((stage) => stage.name).filter(Boolean);
    throw new InputError(
      'target',
      `no stage named "${inputs.target}" in ${file}` +
        (names.length ? ` (stages: ${names.join(', ')})` : ' (no named stages)'),
    );
  }

  for (const item of inputs.buildArgs)
    splitKeyValue(item, 'build-args', 'NAME=value (or NAME to take it from the environment)', false);
  for (const item of inputs.buildContexts) splitKeyValue(item, 'build-contexts', 'name=path-or-url');
  for (const item of inputs.labels) splitKeyValue(item, 'labels', 'key=value', false);
  for (const item of inputs.annotations) splitKeyValue(item, 'annotations', 'key=value');
  for (const item of inputs.secrets) splitKeyValue(item, 'secrets', 'id=value');
  for (const item of inputs.secretEnvs) {
    const [, variable] = splitKeyValue(item, 'secret-envs', 'id=ENVIRONMENT_VARIABLE');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new InputError('secret-envs', `"${variable}" is not an environment variable name`, {
        line: item.line,
      });
    }
  }
  for (const item of inputs.secretFiles) {
    const [id, path] = splitKeyValue(item, 'secret-files', 'id=path');
    if (!files.isFile(isAbsolute(path) ? path : resolve(cwd, path))) {
      throw new InputError('secret-files', `file for secret "${id}" does not exist: ${path}`, {
        line: item.line,
      });
    }
  }
  for (const item of inputs.ulimits) {
    const [name, limits] = splitKeyValue(item, 'ulimit', 'name=soft[:hard] (e.g. nofile=1024:2048)');
    if (!ULIMIT_NAMES.has(name))
      throw new InputError('ulimit', `unknown limit "${name}"`, { line: item.line, field: name });
    if (!/^-?\d+(:-?\d+)?$/.test(limits)) {
      throw new InputError('ulimit', `"${limits}" must be soft[:hard] integers`, {
        line: item.line,
        field: name,
      });
    }
  }
  for (const [input, items] of [
    ['cache-from', inputs.cacheFrom],
    ['cache-to', inputs.cacheTo],
  ] as const) {
    for (const item of items) checkCacheRef(parseCacheSpec(item, input), input, item.line);
  }
  for (const host of inputs.addHosts) {
    if (!/^[^\s:=]+[:=]\S+$/.test(host)) throw new InputError('add-hosts', `"${host}" must be host:ip`);
  }
  if (inputs.shmSize && !/^\d+(\.\d+)?[bkmg]?$/i.test(inputs.shmSize)) {
    throw new InputError('shm-size', `"${inputs.shmSize}" must be a size such as 2g or 512m`);
  }
  validateBuilderSupport(inputs, builder);
  return { inputs, dockerfilePath, dockerfile };
}

/** A registry cache's `ref` is an image reference: a space or a stray line is an error here, not in the builder. */
function checkCacheRef(spec: CacheSpec, input: string, line: number): void {
  if (spec.type !== 'registry' || spec.attrs.ref === undefined) return;
  try {
    parseReference(spec.attrs.ref);
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    throw new InputError(input, `ref: ${error.message}`, { line, field: 'ref' });
  }
}

/** Features that change what gets built cannot be dropped quietly: a builder without them is an error. */
function validateBuilderSupport(inputs: BuildInputs, builder: Builder): void {
  if (builder.platforms.length > 0) {
    for (const platform of inputs.platforms) {
      if (!builder.platforms.some((known) => known === platform || known.startsWith(`${platform}/`))) {
        throw new InputError(
          'platforms',
          `the builder cannot build ${platform} (it has ${builder.platforms.join(', ')})`,
        );
      }
    }
  }
  if (builder.kind === 'buildx') {
    // A named context the builder does not know would build a different image (or fail late).
    if (inputs.buildContexts.length > 0 && !buildxSupports(builder.version, 'buildContexts')) {
      throw new InputError(
        'build-contexts',
        `buildx ${builder.version} has no --build-context (added in ${BUILDX_FEATURES.buildContexts.since}); update buildx`,
      );
    }
    return;
  }
  if (inputs.platforms.length > 1) {
    throw new InputError(
      'platforms',
      'the classic builder builds one platform at a time; install buildx for multi-platform images',
    );
  }
  if (inputs.buildContexts.length > 0) {
    throw new InputError('build-contexts', 'the classic builder has no named build contexts; install buildx');
  }
  for (const item of inputs.outputs) {
    if (/(^|,)type=(image|registry|oci|docker)(,|$)/.test(item.value)) {
      throw new InputError(
        'outputs',
        `the classic builder cannot export "${item.value}"; use push/load or install buildx`,
        {
          line: item.line,
        },
      );
    }
  }
}
