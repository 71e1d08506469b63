import { describe, expect, it } from 'vitest';
import {
  findStage,
  parseDockerfile,
  stageDependencies,
  stagesNeedingCacheImages,
} from '../../src/build/dockerfile.js';

const text = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=alpine',
  'FROM ${BASE} AS Base',
  'ARG VERSION BUILD_TIMESTAMP=now',
  'FROM base AS deps',
  'RUN --mount=type=cache,target=/root/.cache \\',
  '    pip install -r requirements.txt',
  'FROM golang AS tools',
  'FROM base AS docs',
  'FROM base',
  'COPY --from=deps /venv /venv',
  'RUN --mount=type=bind,from=tools,source=/go/bin,target=/t true',
  '# ARG COMMENTED',
  'ARG GIT_COMMIT',
].join('\n');

describe('parseDockerfile', () => {
  const info = parseDockerfile(text);

  it('finds stages with lower-cased names and what each one reads', () => {
    expect(info.stages.map((stage) => [stage.index, stage.name, stage.base])).toEqual([
      [0, 'base', '${BASE}'],
      [1, 'deps', 'base'],
      [2, 'tools', 'golang'],
      [3, 'docs', 'base'],
      [4, undefined, 'base'],
    ]);
    expect(info.stages[4].uses).toEqual(['base', 'deps', 'tools']);
  });

  it('collects every declared ARG, global or in a stage, and ignores comments', () => {
    expect([...info.args].sort()).toEqual(['BASE', 'BUILD_TIMESTAMP', 'GIT_COMMIT', 'VERSION']);
  });

  it('finds stages by name case-insensitively or by index', () => {
    expect(findStage(info, 'DEPS')?.index).toBe(1);
    expect(findStage(info, '2')?.name).toBe('tools');
    expect(findStage(info, 'nope')).toBeUndefined();
  });

  it('lists only the stages the target needs, in order', () => {
    expect(stageDependencies(info).map((stage) => stage.name)).toEqual(['base', 'deps', 'tools']);
    expect(stageDependencies(info, 'docs').map((stage) => stage.name)).toEqual(['base']);
    expect(stageDependencies(info, 'base')).toEqual([]);
  });

  it('honours the backtick escape directive', () => {
    const windows = parseDockerfile('# escape=`\nFROM mcr/base AS a\nRUN echo `\n  hi\nFROM a\nARG X');
    expect(windows.stages).toHaveLength(2);
    expect([...windows.args]).toEqual(['X']);
  });
});

describe('stagesNeedingCacheImages', () => {
  it('skips stages already in another needed stage’s FROM chain', () => {
    const info = parseDockerfile(text);
    // base is the FROM of deps and of the target; deps and tools are read by COPY/mount only.
    expect(stagesNeedingCacheImages(info).map((stage) => stage.name)).toEqual(['deps', 'tools']);
    expect(stagesNeedingCacheImages(info, 'docs')).toEqual([]);
  });
});
