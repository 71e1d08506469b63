import { InputError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { EngineLibs } from './lazy-libs.js';
import { environmentTags } from './environment-tags.js';
import { renderExpression, type ExpressionScope } from './expressions.js';
import { mergeKeyValues, ociDefaults } from './oci-labels.js';
import { fixTagForRegistry, sanitizeTag } from './sanitize.js';
import { TAG_TYPE_EVALUATORS, type TagTypeEnv } from './tag-types/index.js';
import type { MetadataInputs, MetadataResult, RepoInfo, RunContext, TagEntry } from './types.js';

export interface ComputeOptions {
  now: Date;
  /** The `created` label's instant when it must not be now (SOURCE_DATE_EPOCH); `now` otherwise. */
  created?: Date;
  logger: Logger;
  /** Lazily loaded libraries (dates, pep440): see loadEngineLibs. */
  libs?: EngineLibs;
}

interface VersionState {
  main?: string;
  partial: string[];
  latest?: boolean;
}

/** Everything metadata-action computes, from parsed inputs, the run and the repository. Pure. */
export function computeMetadata(
  inputs: MetadataInputs,
  context: RunContext,
  repo: RepoInfo,
  options: ComputeOptions,
): MetadataResult {
  const libs = options.libs ?? {};
  const scope: ExpressionScope = { context, now: options.now, dates: libs.dates };
  const render = (template: string, input: string, line?: number, field?: string) => {
    try {
      return renderExpression(template, scope);
    } catch (error) {
      throw new InputError(input, `cannot render "${template}": ${(error as Error).message}`, {
        line,
        field,
      });
    }
  };
  for (const warning of inputs.warnings ?? []) options.logger.warning(warning);
  const state: VersionState = { partial: [] };
  let semanticVersion: string | undefined;

  if (inputs.environment) {
    // flavor `latest=false` still removes latest, as it does for tag rules.
    const latest = inputs.flavor.latest === 'false' ? 'never' : inputs.environment.latest;
    const policy = environmentTags({ ...inputs.environment, latest }, context, options.now);
    policy.notices.forEach((notice) => options.logger.notice(notice));
    policy.values.forEach((value) => addValue(state, value, policy.latest));
    semanticVersion = policy.version;
  }

  for (const entry of inputs.tags) {
    const enabled = render(entry.attrs.enable, 'tags', entry.line || undefined, 'enable');
    if (enabled !== 'true' && enabled !== 'false') {
      throw new InputError('tags', `enable must render to true or false, got "${enabled}"`, {
        line: entry.line || undefined,
        field: 'enable',
      });
    }
    if (enabled === 'false') continue;
    const env: TagTypeEnv = {
      scope,
      repo,
      logger: options.logger,
      libs,
      render: (template) => render(template, 'tags', entry.line || undefined),
      affix: (value, tagEntry) =>
        affix(value, tagEntry, inputs, (t) => render(t, 'tags', entry.line || undefined)),
    };
    let candidate;
    try {
      candidate = TAG_TYPE_EVALUATORS[entry.type](entry, env);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError('tags', (error as Error).message, { line: entry.line || undefined });
    }
    if (!candidate) continue;
    // The publish guard compares this version, whatever the pattern and flavor made of it (1-alpine).
    if (candidate.version && semanticVersion === undefined) semanticVersion = candidate.version;
    const latest = inputs.flavor.latest === 'auto' ? candidate.autoLatest : inputs.flavor.latest === 'true';
    addValue(state, candidate.value, latest);
  }

  let version: string;
  let partial: string[];
  let tagNames: string[];
  let images: string[];
  let tags: string[];
  let latest: boolean;
  if (inputs.references) {
    // build-push-action's form: the references are the tags, as given (no sanitising, no flavor).
    ({ images, tags: tagNames } = inputs.references);
    [version] = tagNames;
    partial = tagNames.slice(1).filter((name) => name !== 'latest');
    tags = inputs.references.references;
    latest = tagNames.includes('latest');
  } else {
    version = fixForRegistry(state.main ?? '', options.logger);
    partial = unique(state.partial.map((value) => fixForRegistry(value, options.logger)));
    latest = state.latest ?? false;
    images = inputs.images.filter((image) => image.enable).map((image) => image.name.toLowerCase());
    tagNames = version ? [version, ...partial.filter((value) => value !== version)] : [];
    if (tagNames.length > 0 && latest) tagNames.push(latestTag(inputs));
    tags =
      images.length > 0
        ? images.flatMap((image) => tagNames.map((name) => `${image}:${name}`))
        : [...tagNames];
  }

  const created = (options.created ?? options.now).toISOString();
  const labelVersion = inputs.environment && semanticVersion ? semanticVersion : version;
  const withDefaults = (extra: readonly string[], input: string) =>
    mergeKeyValues([
      ...ociDefaults(repo, labelVersion, created, context.sha),
      ...extra.map((entry) => render(entry, input)),
    ]);

  return {
    version: labelVersion,
    partial,
    latest: tagNames.length > 0 && latest,
    tags,
    tagNames,
    images,
    labels: withDefaults(inputs.labels, 'labels'),
    annotations: withDefaults(inputs.annotations, 'annotations'),
    annotationLevels: context.annotationLevels,
    created,
    semanticVersion,
    environment: inputs.environment?.name,
  };
}

function addValue(state: VersionState, raw: string, latest: boolean): void {
  if (raw.length === 0) return;
  const value = sanitizeTag(raw);
  if (state.main === undefined) state.main = value;
  else if (value !== state.main) state.partial.push(value);
  if (state.latest === undefined) state.latest = latest;
}

function affix(
  value: string,
  entry: TagEntry,
  inputs: MetadataInputs,
  render: (t: string) => string,
): string {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(entry.attrs, key);
  let result = value;
  if (has('prefix')) result = `${render(entry.attrs.prefix)}${result}`;
  else if (inputs.flavor.prefix.length > 0) result = `${render(inputs.flavor.prefix)}${result}`;
  if (has('suffix')) result = `${result}${render(entry.attrs.suffix)}`;
  else if (inputs.flavor.suffix.length > 0) result = `${result}${render(inputs.flavor.suffix)}`;
  return result;
}

function latestTag(inputs: MetadataInputs): string {
  const { flavor } = inputs;
  return sanitizeTag(
    `${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`,
  );
}

function fixForRegistry(tag: string, logger: Logger): string {
  if (tag.length === 0) return tag;
  const fixed = fixTagForRegistry(tag);
  if (fixed !== tag) {
    logger.notice(
      `Tag "${tag}" would be rejected by registries (over 128 characters or leading . or -); using "${fixed}"`,
    );
  }
  return fixed;
}

function unique(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}
