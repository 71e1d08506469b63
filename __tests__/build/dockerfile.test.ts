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

describe('parseDockerfile: heredocs, directives and continuations', () => {
  const stageNames = (info: ReturnType<typeof parseDockerfile>) => info.stages.map((stage) => stage.name);

  it('never reads a heredoc body as instructions, so COPY --from=<n> and the per-stage cache images stay right', () => {
    const info = parseDockerfile(
      [
        'FROM alpine AS base',
        'RUN <<EOF',
        'echo building',
        'FROM evil AS fake',
        'EOF',
        'FROM golang AS tools',
        'FROM base',
        'COPY --from=1 /go/bin /usr/local/bin',
      ].join('\n'),
    );
    expect(stageNames(info)).toEqual(['base', 'tools', undefined]);
    expect(findStage(info, '1')?.name).toBe('tools');
    expect(stagesNeedingCacheImages(info).map((stage) => stage.name)).toEqual(['tools']);
  });

  it('reads several heredocs on one line, <<-EOF with tab-indented bodies, and quoted names', () => {
    const info = parseDockerfile(
      [
        'FROM alpine AS a',
        'RUN <<ONE cat && <<TWO cat',
        'FROM x AS y',
        'ONE',
        'ARG HIDDEN',
        'TWO',
        'RUN <<-EOT',
        '\tFROM q AS r',
        '\tEOT',
        'COPY <<"EOF" /etc/app.conf',
        'from lower AS case',
        'EOF',
        'RUN python3 <<EOF > /out',
        'FROM p AS q',
        'EOF',
        'RUN echo "<<EOF"',
        'FROM a AS b',
        'ARG SHOWN',
      ].join('\n'),
    );
    expect(stageNames(info)).toEqual(['a', 'b']);
    expect([...info.args]).toEqual(['SHOWN']);
  });

  it('honours # escape= after # syntax=, but no directive after a blank line', () => {
    const both = parseDockerfile(
      '# syntax=docker/dockerfile:1\n# escape=`\nFROM a AS x\nRUN echo \\\nFROM b AS y\n',
    );
    expect(both.syntax).toBe('docker/dockerfile:1');
    expect(both.escape).toBe('`');
    // With ` as escape, a trailing backslash continues nothing: FROM b is an instruction.
    expect(stageNames(both)).toEqual(['x', 'y']);
    const late = parseDockerfile('\n# escape=`\nFROM a AS x\nRUN echo `\nFROM b AS y\n');
    expect(late.escape).toBe('\\');
    expect(late.syntax).toBeUndefined();
    expect(stageNames(late)).toEqual(['x', 'y']);
  });

  it('joins continuations across comments and blank lines, and reads ARG lists with quoted defaults', () => {
    const info = parseDockerfile(
      [
        'FROM --platform=$BUILDPLATFORM \\',
        '  # the builder',
        '  golang:1.22 \\',
        '  AS Builder',
        'ARG A \\',
        '',
        '  B=2 C="x y" D',
        'FROM alpine',
        'COPY --from=builder --chmod=644 /x /y',
        'ONBUILD COPY --from=ignored /a /b',
      ].join('\n'),
    );
    expect(info.stages.map((stage) => [stage.name, stage.base])).toEqual([
      ['builder', 'golang:1.22'],
      [undefined, 'alpine'],
    ]);
    expect(info.stages[1].uses).toEqual(['alpine', 'builder']);
    expect([...info.args]).toEqual(['A', 'B', 'C', 'D']);
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
