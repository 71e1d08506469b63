import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * This repository's own workflows cannot run here; what can be checked is that they are well formed,
 * that the key steps are there with the right refs, and that the shell of the release workflow does
 * what it says against a real git repository and remote.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const workflow = (name: string) =>
  parse(readFileSync(join(root, '.github/workflows', name), 'utf8')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };

interface Step {
  uses?: string;
  run?: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}

describe('.github/workflows/ci.yml', () => {
  const ci = workflow('ci.yml');
  it('runs the project CI script as root on pushes to main and pull requests, with Node 20', () => {
    expect(Object.keys(ci.on)).toEqual(['push', 'pull_request']);
    expect(ci.on.push).toEqual({ branches: ['main'] });
    expect(ci.permissions).toEqual({ contents: 'read' });
    const steps = ci.jobs.test.steps;
    expect(steps.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'sudo env "PATH=$PATH" bash .ci/run',
    ]);
    expect(steps[1].with).toEqual({ 'node-version': 20 });
  });

  it('.ci/run ends with the dist/ check', () => {
    const script = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(script).toMatch(/bash scripts\/test\.sh\nnpm run -s build\n/);
    expect(script).toContain('git status --porcelain -- dist');
  });
});

describe('.github/workflows/release.yml', () => {
  const release = workflow('release.yml');
  const { dist, 'major-tag': major } = release.jobs;

  it('runs on published releases, read-only but for the tag job', () => {
    expect(release.on).toEqual({ release: { types: ['published'] } });
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(major.permissions).toEqual({ contents: 'write' });
    expect(dist.permissions).toBeUndefined();
  });

  it('checks dist/ at the release: checkout of the tag, npm ci, build, then git diff --exit-code dist', () => {
    expect(dist.steps[0]).toEqual({
      uses: 'actions/checkout@v4',
      with: { ref: '${{ github.event.release.tag_name }}' },
    });
    const runs = dist.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));
    expect(at(/^npm ci\b/)).toBeGreaterThan(0);
    expect(at(/^npm run build$/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(at(/git diff --exit-code .*-- dist/)).toBeGreaterThan(at(/^npm run build$/));
    expect(runs[at(/git diff --exit-code/)]).toContain('git ls-files --others --exclude-standard -- dist');
  });

  it('moves the major tag only after the dist check, never for a pre-release or draft, at the tag', () => {
    expect(major.needs).toBe('dist');
    expect(major.if).toBe('${{ !github.event.release.prerelease && !github.event.release.draft }}');
    expect(major.steps[0]).toEqual({
      uses: 'actions/checkout@v4',
      with: { ref: '${{ github.event.release.tag_name }}' },
    });
    const [check, move] = major.steps.slice(1);
    expect(check.env).toEqual({
      TAG: '${{ github.event.release.tag_name }}',
      PRERELEASE: '${{ github.event.release.prerelease }}',
      DRAFT: '${{ github.event.release.draft }}',
    });
    expect(move.env).toEqual({ TAG: '${{ github.event.release.tag_name }}' });
    expect(move.run).toContain('git rev-parse "refs/tags/$TAG^{commit}"');
    expect(move.run).toContain('git push --force origin "refs/tags/$MAJOR"');
    // The scripts read values from the environment only: no expression is pasted into the shell.
    for (const step of major.steps) expect(step.run ?? '').not.toContain('${{');
  });

  describe('its shell, against a real repository and remote', () => {
    const [, check, move] = release.jobs['major-tag'].steps;
    let work: string;
    let origin: string;
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: work,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'test',
          GIT_AUTHOR_EMAIL: 'test@example.com',
          GIT_COMMITTER_NAME: 'test',
          GIT_COMMITTER_EMAIL: 'test@example.com',
        },
      }).trim();
    const commit = (message: string) => {
      git('commit', '--allow-empty', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    };
    // What the remote's tag itself names (no peeling): the major tag must name the commit, not a tag object.
    const remoteTag = (tag: string) =>
      execFileSync('git', ['rev-parse', '--verify', '-q', `refs/tags/${tag}`], {
        cwd: origin,
        encoding: 'utf8',
      }).trim();

    /** Runs the two steps as the runner would: bash, GITHUB_ENV carried from one to the next. */
    const publish = (tag: string, flags: { prerelease?: boolean; draft?: boolean } = {}) => {
      const githubEnv = join(work, '..', `env-${tag}`);
      writeFileSync(githubEnv, '');
      const env = {
        ...process.env,
        GITHUB_ENV: githubEnv,
        TAG: tag,
        PRERELEASE: String(flags.prerelease ?? false),
        DRAFT: String(flags.draft ?? false),
      };
      const first = spawnSync('bash', ['-e', '-c', check.run as string], {
        cwd: work,
        env,
        encoding: 'utf8',
      });
      if (first.status !== 0) return { status: first.status, output: first.stdout + first.stderr };
      for (const line of readFileSync(githubEnv, 'utf8').split('\n').filter(Boolean)) {
        const [key, value] = line.split('=');
        (env as Record<string, string>)[key] = value;
      }
      const second = spawnSync('bash', ['-e', '-c', move.run as string], {
        cwd: work,
        env,
        encoding: 'utf8',
      });
      return { status: second.status, output: first.stdout + second.stdout + second.stderr };
    };

    beforeEach(() => {
      const dir = mkdtempSync(join(tmpdir(), 'ib-release-workflow-'));
      origin = join(dir, 'origin.git');
      work = join(dir, 'work');
      execFileSync('git', ['init', '-q', '--bare', origin]);
      execFileSync('git', ['init', '-q', work]);
      git('remote', 'add', 'origin', origin);
    });

    it('moves v1 to the commit of the highest v1 release, and creates v2 on the first v2 release', () => {
      const one = commit('one');
      git('tag', 'v1.0.0');
      git('push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
      expect(publish('v1.0.0').status).toBe(0);
      expect(remoteTag('v1')).toBe(one);
      const two = commit('two');
      git('tag', '-a', '-m', 'release v1.1.0', 'v1.1.0'); // an annotated tag: v1 names its commit
      git('push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
      const result = publish('v1.1.0');
      expect(result.status).toBe(0);
      expect(result.output).toContain(`::notice::v1 now points at ${two} (v1.1.0)`);
      expect(remoteTag('v1')).toBe(two);

      const three = commit('three');
      git('tag', 'v2.0.0');
      git('push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
      expect(publish('v2.0.0').status).toBe(0);
      expect(remoteTag('v2')).toBe(three);
      expect(remoteTag('v1')).toBe(two);
    });

    it('leaves v1 on a newer minor when a patch of an older minor is released', () => {
      commit('one');
      git('tag', 'v1.4.0');
      const five = commit('five');
      git('tag', 'v1.5.0');
      git('push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
      expect(publish('v1.5.0').status).toBe(0);
      git('checkout', '-q', 'v1.4.0');
      commit('hotfix');
      git('tag', 'v1.4.1');
      git('push', '-q', 'origin', '--tags');
      const result = publish('v1.4.1');
      expect(result.status).toBe(0);
      expect(result.output).toContain('::notice::v1.5.0 is higher than v1.4.1: v1 stays on v1.5.0');
      expect(remoteTag('v1')).toBe(five);
    });

    it.each([
      ['v2.0.0', { prerelease: true }, /is a pre-release or a draft/],
      ['v2.0.0', { draft: true }, /is a pre-release or a draft/],
      ['v2.0.0-rc.1', {}, /is not vX\.Y\.Z/],
      ['2.0.0', {}, /is not vX\.Y\.Z/],
      ['v2', {}, /is not vX\.Y\.Z/],
    ])('refuses %s %j, and pushes nothing', (tag, flags, message) => {
      commit('one');
      git('tag', tag);
      git('push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
      const result = publish(tag, flags);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(message);
      expect(execFileSync('git', ['tag', '--list'], { cwd: origin, encoding: 'utf8' }).trim()).toBe(tag);
    });
  });
});
