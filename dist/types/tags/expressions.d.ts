import type { DateFormatter } from './dates.js';
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
/**
 * Renders a metadata-action "global expression" with handlebars, so escaping, unknown names
 * (empty) and helper syntax behave exactly as in metadata-action.
 */
export declare function renderExpression(template: string, scope: ExpressionScope): string;
/** Renders a handlebars template over arbitrary values (semver/pep440 patterns). */
export declare function renderTemplate(template: string, values: object): string;
/** The `{{date}}` / `{{commit_date}}` helpers alone, as the schedule pattern sees them. */
export declare function dateHelpers(scope: ExpressionScope): Record<string, (format: string, options: HelperOptions) => string>;
export declare function isDefaultBranch(context: RunContext): boolean;
export {};
