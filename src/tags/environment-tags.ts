import * as semver from 'semver';
import { InputError } from '../util/errors.js';
import { runRelease } from './release-event.js';
import { shortSha } from './refs.js';
import type { EnvironmentPolicy, RunContext } from './types.js';

/** Environments whose builds are releases: they need a version and also get the bare `<version>` tag. */
export const RELEASE_ENVIRONMENTS: readonly string[] = ['prod', 'production'];

/** What the `environment` policy emits, in order, and whether `latest` goes with it. */
export interface EnvironmentTags {
  values: string[];
  latest: boolean;
  /** The clean semantic version (`1.0.0`), when the run has one. */
  version?: string;
  /** Decisions the user should hear about (`latest` held back for a pre-release). */
  notices: string[];
}

/**
 * The environment tagging policy (docs/cli.md), the teams' build script made one rule:
 *   `<env>`, `<env>-<YYYYMMDD-HHmmss>` (UTC unless a time zone is given), `v<version>` (with a
 *   version), `<version>` (release environments only), `git-<short sha>` (7 characters unless
 *   DOCKER_METADATA_SHORT_SHA_LENGTH says otherwise), then `latest` by the policy's `latest` mode.
 * `latest=auto` lets the floating-tag guard decide where the script did not: a pre-release never
 * takes `latest` (a notice says so); `always` is the script's behaviour; `never` leaves it alone.
 */
export function environmentTags(policy: EnvironmentPolicy, context: RunContext, now: Date): EnvironmentTags {
  const version = policyVersion(policy, context);
  const release = RELEASE_ENVIRONMENTS.includes(policy.name);
  if (release && version === undefined) {
    throw new InputError(
      'environment',
      `${policy.name} needs a version: run on a semver tag (v1.0.0) or set version=`,
      { field: 'version' },
    );
  }
  const values = [policy.name, `${policy.name}-${timestamp(now, policy.timeZone)}`];
  if (version !== undefined) values.push(`v${version}`);
  if (version !== undefined && release) values.push(version);
  if (context.sha) values.push(`git-${shortSha(context.sha, context.shortShaLength)}`);
  const notices: string[] = [];
  const prerelease = version !== undefined && semver.prerelease(version) !== null;
  let latest = policy.latest !== 'never';
  if (policy.latest === 'auto' && prerelease) {
    latest = false;
    notices.push(
      `latest stays where it is: ${version} is a pre-release, and the floating-tag guard never moves ` +
        'latest to one (latest=always tags it, as the build script did)',
    );
  }
  return { values, latest, version, notices };
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
  // The run's release: a version tag, a release event's tag_name, a dispatch's version input.
  const release = runRelease(context);
  return release ? (semver.valid(semver.clean(release.tag)) ?? undefined) : undefined;
}

/** `YYYYMMDD-HHmmss` in `timeZone` (an IANA name; UTC by default), as the teams' scripts stamp images. */
export function timestamp(now: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}-${part('hour')}${part('minute')}${part('second')}`;
}
