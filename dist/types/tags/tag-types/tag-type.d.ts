import type { Logger } from '../../util/log.js';
import type { ExpressionScope } from '../expressions.js';
import type { EngineLibs } from '../lazy-libs.js';
import type { RepoInfo, TagEntry } from '../types.js';
/** A value one tag entry emits, before sanitising, and whether `latest=auto` would add `latest`. */
export interface TagCandidate {
    value: string;
    autoLatest: boolean;
    /** The semantic version the value was made from (type=semver), e.g. 1.4.3 for `1-alpine`. */
    version?: string;
}
/** What a tag type can read while it decides. Everything here is pure data or a pure function. */
export interface TagTypeEnv {
    scope: ExpressionScope;
    repo: RepoInfo;
    logger: Logger;
    libs: EngineLibs;
    /** Renders a global expression (`{{branch}}`, `{{date …}}`…). */
    render(template: string): string;
    /** Adds the entry's prefix/suffix, or the flavor's when the entry has none. */
    affix(value: string, entry: TagEntry): string;
}
/** One tag type: returns what the entry emits for this run, or nothing. */
export type TagTypeEvaluator = (entry: TagEntry, env: TagTypeEnv) => TagCandidate | undefined;
