import Handlebars from 'handlebars';
import type { DateFormatter } from './dates.js';
import { branchName, isBranchRef, isPullRef, isTagRef, payloadString, shortSha, tagName } from './refs.js';
import { prereleaseChannel } from './versions.js';
import type { RunContext } from './types.js';

/** Everything an expression can read: the run, the repository's default branch, the clock. */
export interface ExpressionScope {
  context: RunContext;
  now: Date;
  dates?: DateFormatter;
}

interface HelperOptions {
  hash: Record<string, unknown>;
}

/** Events that always run on the last commit of the default branch (metadata-action's list). */
const DEFAULT_BRANCH_EVENTS = /create|discussion|issues|schedule/;

/**
 * Renders a metadata-action "global expression" with handlebars, so escaping, unknown names
 * (empty) and helper syntax behave exactly as in metadata-action.
 */
export function renderExpression(template: string, scope: ExpressionScope): string {
  // Text without a mustache renders as itself: most values (`main`, `sha-`, ``) need no compile.
  if (!template.includes('{{')) return template;
  return Handlebars.compile(template)(expressionValues(scope));
}

/** Renders a handlebars template over arbitrary values (semver/pep440 patterns). */
export function renderTemplate(template: string, values: object): string {
  if (!template.includes('{{')) return template;
  return Handlebars.compile(template)(values);
}

/** The `{{date}}` / `{{commit_date}}` helpers alone, as the schedule pattern sees them. */
export function dateHelpers(
  scope: ExpressionScope,
): Record<string, (format: string, options: HelperOptions) => string> {
  const format = (date: Date) => (pattern: string, options: HelperOptions) => {
    let timeZone = 'UTC';
    for (const [key, value] of Object.entries(options.hash)) {
      if (key !== 'tz') throw new Error(`Unknown ${key} attribute`);
      timeZone = String(value);
    }
    if (!scope.dates) throw new Error('date expressions need a date formatter (see loadDateFormatter)');
    return scope.dates(date, pattern, timeZone);
  };
  return { date: format(scope.now), commit_date: format(scope.context.commitDate) };
}

export function isDefaultBranch(context: RunContext): boolean {
  const branch = branchName(context.ref);
  if (branch.length === 0) return false;
  if (payloadString(context, 'repository', 'default_branch') === branch) return true;
  return DEFAULT_BRANCH_EVENTS.test(context.eventName);
}

function expressionValues(scope: ExpressionScope): Record<string, unknown> {
  const { context } = scope;
  const ref = context.ref;
  const branch = () => (isBranchRef(ref) ? branchName(ref) : '');
  return {
    branch,
    tag: () => (isTagRef(ref) ? tagName(ref) : ''),
    sha: () => shortSha(context.sha, context.shortShaLength),
    base_ref: () => {
      const baseRef = payloadString(context, 'base_ref');
      if (isTagRef(ref) && baseRef !== undefined) return branchName(baseRef);
      const prBase = payloadString(context, 'pull_request', 'base', 'ref');
      if (isPullRef(ref) && prBase !== undefined) return prBase;
      return '';
    },
    is_default_branch: () => String(isDefaultBranch(context)),
    is_not_default_branch: () => String(!isDefaultBranch(context)),
    // Additions (absent from metadata-action, where these names rendered empty):
    head_branch: () => payloadString(context, 'pull_request', 'head', 'ref') ?? branch(),
    prerelease: () => (isTagRef(ref) ? prereleaseChannel(tagName(ref)) : ''),
    ...dateHelpers(scope),
  };
}
