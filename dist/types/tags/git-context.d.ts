import type { CommandRunner } from '../util/exec.js';
export declare function gitSha(runner: CommandRunner, cwd?: string): Promise<string>;
/**
 * The checkout's ref: `git symbolic-ref HEAD` on a branch; on a detached HEAD, what
 * `git show -s --pretty=%D` names (a tag, a remote branch or a pull request ref), as actions-toolkit does.
 */
export declare function gitRef(runner: CommandRunner, cwd?: string): Promise<string>;
export declare function gitCommitDate(runner: CommandRunner, sha: string, cwd?: string): Promise<Date | undefined>;
