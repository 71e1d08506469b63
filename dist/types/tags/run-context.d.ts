import type { CommandRunner } from '../util/exec.js';
import type { ContextSource, RunContext } from './types.js';
export type Env = Readonly<Record<string, string | undefined>>;
export interface RunContextOptions {
    /** Reads the event payload file (GITHUB_EVENT_PATH); defaults to the file system. */
    readFile?: (path: string) => Promise<string>;
    /** The commit date from the GitHub API, when the payload does not carry it. */
    lookupCommitDate?: (sha: string) => Promise<Date | undefined>;
    /** Where `context: git` runs git; defaults to the current directory. */
    cwd?: string;
    now?: Date;
}
/**
 * The run as metadata-action sees it. `workflow`: the GITHUB_* variables and the event payload
 * (pull_request_target uses refs/pull/N/merge; DOCKER_METADATA_PR_HEAD_SHA=true takes the PR head).
 * `git`: the same, with ref, sha and commit date read from the checkout.
 */
export declare function resolveRunContext(source: ContextSource, env: Env, runner: CommandRunner, options?: RunContextOptions): Promise<RunContext>;
