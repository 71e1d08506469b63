import type { CommandRunner } from '../util/exec.js';

async function git(runner: CommandRunner, args: string[], cwd?: string): Promise<string> {
  const result = await runner.run('git', args, { cwd });
  if (result.exitCode !== 0) {
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
  }
  return result.stdout.trim();
}

export function gitSha(runner: CommandRunner, cwd?: string): Promise<string> {
  return git(runner, ['rev-parse', 'HEAD'], cwd);
}

/**
 * The checkout's ref: `git symbolic-ref HEAD` on a branch; on a detached HEAD, what
 * `git show -s --pretty=%D` names (a tag, a remote branch or a pull request ref), as actions-toolkit does.
 */
export async function gitRef(runner: CommandRunner, cwd?: string): Promise<string> {
  const symbolic = await runner.run('git', ['symbolic-ref', '-q', 'HEAD'], { cwd });
  if (symbolic.exitCode === 0 && symbolic.stdout.trim()) return symbolic.stdout.trim();
  const decorations = await git(runner, ['show', '-s', '--pretty=%D'], cwd);
  const detached = /^(grafted, )?HEAD, (.*)$/.exec(decorations);
  if (!detached || !detached[2]) throw new Error(`Cannot find detached HEAD ref in "${decorations}"`);
  const ref = detached[2].trim();
  if (ref.startsWith('tag: ')) return `refs/tags/${ref.split(',')[0].slice('tag: '.length).trim()}`;
  const branch = /^[^/]+\/[^/]+, (.+)$/.exec(ref);
  if (branch) return `refs/heads/${branch[1].trim()}`;
  if (/^pull\/\d+\/(head|merge)$/.test(ref)) return `refs/${ref}`;
  throw new Error(`Unsupported detached HEAD ref in "${decorations}"`);
}

export async function gitCommitDate(
  runner: CommandRunner,
  sha: string,
  cwd?: string,
): Promise<Date | undefined> {
  const result = await runner.run('git', ['log', '-1', '--format=%cI', sha], { cwd });
  const text = result.stdout.trim();
  return result.exitCode === 0 && text ? new Date(text) : undefined;
}
