import type { Logger } from '../../src/util/log.js';
import { parseMetadataInputs, recordInputReader } from '../../src/tags/inputs.js';
import type { MetadataInputs, RepoInfo, RunContext } from '../../src/tags/types.js';

/** The repository metadata-action's own tests use (octocat/Hello-World, default branch master). */
export const helloWorld: RepoInfo = {
  name: 'Hello-World',
  description: 'This your first repo!',
  html_url: 'https://github.com/octocat/Hello-World',
  default_branch: 'master',
  license: { spdx_id: 'MIT' },
};

export const NOW = new Date('2020-01-10T00:30:00.000Z');
export const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';

/** A run context: push to `ref` by default, with a payload naming master as the default branch. */
export function runContext(overrides: Partial<RunContext> = {}): RunContext {
  return {
    eventName: 'push',
    ref: 'refs/heads/dev',
    sha: SHA,
    payload: { repository: { default_branch: 'master' } },
    repo: { owner: 'octocat', repo: 'Hello-World' },
    commitDate: new Date('2020-01-09T22:00:00.000Z'),
    shortShaLength: 7,
    annotationLevels: ['manifest'],
    ...overrides,
  };
}

export function inputs(values: Record<string, string>): MetadataInputs {
  return parseMetadataInputs(recordInputReader(values));
}

export interface RecordedLog {
  logger: Logger;
  warnings: string[];
  notices: string[];
}

export function recordingLogger(): RecordedLog {
  const warnings: string[] = [];
  const notices: string[] = [];
  const ignore = () => undefined;
  return {
    warnings,
    notices,
    logger: {
      debug: ignore,
      info: ignore,
      notice: (m) => notices.push(m),
      warning: (m) => warnings.push(m),
      error: ignore,
      startGroup: ignore,
      endGroup: ignore,
      setSecret: ignore,
    },
  };
}
