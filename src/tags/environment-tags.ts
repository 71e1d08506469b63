import * as semver from 'semver';
import { InputError } from '../util/errors.js';
import { isTagRef, shortSha, tagName } from './refs.js';
import type { EnvironmentPolicy, RunContext } from './types.js';

/** What the `environment` policy emits, in order, and whether `latest` goes with it. */
export interface EnvironmentTags {
  values: string[];
  latest: boolean;
  /** The clean semantic version (`1.0.0`), when the run has one. */
  version?: string;
}

/**
 * The tagging policy of USERS.md §3. `prod` + version 1.0.0 → prod, prod-<yyyymmdd-HHMMss>, v1.0.0,
 * 1.0.0, git-<sha7>, latest. `dev` → dev, dev-<ts>, git-<sha7>, latest. A prerelease (1.0.0-rc.1)
 * gets its version tags and the timestamped tag but moves neither `prod` nor `latest`.
 */
export function environmentTags(policy: EnvironmentPolicy, context: RunContext, now: Date): EnvironmentTags {
  const version = policyVersion(policy, context);
  if (policy.name === 'prod' && version === undefined) {
    throw new InputError(
      'environment',
      'prod needs a version: run on a semver tag (v1.0.0) or set version=',
      {
        field: 'version',
      },
    );
  }
  const prerelease = version !== undefined && semver.prerelease(version) !== null;
  const values: string[] = [];
  if (!prerelease) values.push(policy.name);
  values.push(`${policy.name}-${timestamp(now)}`);
  if (version !== undefined && policy.name === 'prod') values.push(`v${version}`, version);
  if (context.sha) values.push(`git-${shortSha(context.sha, 7)}`);
  return { values, latest: !prerelease, version };
}

function policyVersion(policy: EnvironmentPolicy, context: RunContext): string | undefined {
  if (policy.version !== undefined) {
    const clean = semver.valid(semver.clean(policy.version));
    if (clean === null) {
      throw new InputError('environment', `version "${policy.version}" is not a valid semver`, {
        field: 'version',
      });
    }
    return clean;
  }
  if (isTagRef(context.ref)) return semver.valid(semver.clean(tagName(context.ref))) ?? undefined;
  return undefined;
}

/** UTC `yyyymmdd-HHMMss`, as the teams' build scripts stamp images. */
export function timestamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
