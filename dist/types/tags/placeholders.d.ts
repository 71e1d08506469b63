/** What a global expression can read (`value=`, `enable=`, `prefix=`, `suffix=`, labels, flavor). */
export declare const EXPRESSION_NAMES: readonly ["branch", "tag", "sha", "base_ref", "is_default_branch", "is_not_default_branch", "head_branch", "prerelease", "date", "commit_date"];
/** What a `type=semver` pattern can read (the parsed version's fields). */
export declare const SEMVER_PATTERN_NAMES: string[];
/** What a `type=pep440` pattern can read. */
export declare const PEP440_PATTERN_NAMES: string[];
/** What a `type=schedule` pattern can read: the date helpers only. */
export declare const SCHEDULE_PATTERN_NAMES: string[];
/**
 * The `{{names}}` a template uses that it cannot read: handlebars renders them empty without a word,
 * so `{{brnch}}` silently becomes a shorter tag. A template that does not parse is left to the render,
 * which reports it.
 */
export declare function unknownPlaceholders(template: string, known: readonly string[]): string[];
