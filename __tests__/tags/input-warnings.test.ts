import { describe, expect, it } from 'vitest';
import { computeMetadata } from '../../src/tags/compute.js';
import { unknownPlaceholders } from '../../src/tags/placeholders.js';
import { NOW, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

function run(values: Record<string, string>, ref = 'refs/tags/v1.2.3') {
  const log = recordingLogger();
  const result = computeMetadata(inputs(values), runContext({ ref }), helloWorld, {
    now: NOW,
    logger: log.logger,
  });
  return { result, warnings: log.warnings };
}

describe('typos metadata-action accepts silently get a warning; the outputs stay its own', () => {
  it('an attribute the tag type does not read is named, with the one that was meant', () => {
    const { result, warnings } = run({
      images: 'user/app',
      tags: 'type=raw,value=v1,sufix=-dev\ntype=sha,valeu=x',
    });
    expect(result.tags).toEqual(['user/app:v1', 'user/app:sha-860c190']);
    expect(warnings).toEqual([
      'tags line 1: type=raw has no attribute "sufix", so "sufix=-dev" is ignored; did you mean "suffix"?',
      'tags line 2: type=sha has no attribute "valeu", so "valeu=x" is ignored',
    ]);
  });

  it('an attribute of another type is named too (branch= on type=ref)', () => {
    expect(run({ tags: 'type=ref,event=tag,branch=main' }).warnings).toEqual([
      'tags line 1: type=ref has no attribute "branch", so "branch=main" is ignored',
    ]);
  });

  it('an unknown {{placeholder}} renders empty, as in metadata-action, and is named', () => {
    const { result, warnings } = run({
      images: 'user/app',
      tags: 'type=raw,value={{brnch}}-{{sha}}\ntype=semver,pattern={{majr}}.{{minor}}',
      labels: 'team={{ teem }}',
      flavor: 'prefix={{tagg}}-',
    });
    // Outputs as metadata-action's: the placeholders render empty (and the leading - is dropped).
    expect(result.tagNames).toEqual(['2', '860c190', 'latest']);
    expect(warnings).toEqual([
      'tags line 1, value=: {{brnch}} is not a known placeholder and renders empty; did you mean "branch"?',
      'tags line 2, pattern=: {{majr}} is not a known placeholder and renders empty; did you mean "major"?',
      'flavor prefix: {{tagg}} is not a known placeholder and renders empty; did you mean "tag"?',
      'labels "team={{ teem }}": {{teem}} is not a known placeholder and renders empty',
    ]);
  });

  it('known names, helpers, block helpers and literals raise nothing', () => {
    const { warnings = [] } = inputs({
      tags: [
        "type=raw,value={{date 'YYYYMMDD' tz='Asia/Tokyo'}}-{{commit_date 'x'}}",
        'type=raw,value={{#if is_default_branch}}main{{else}}{{base_ref}}{{/if}}',
        'type=semver,pattern={{raw}}-{{prerelease}}',
        "type=schedule,pattern=nightly-{{date 'YYYY'}}",
        'type=match,pattern=v(\\d),group=1',
        'type=raw,value=x,enable={{is_not_default_branch}},prefix={{head_branch}}-,suffix=-{{prerelease}}',
      ].join('\n'),
    });
    expect(warnings).toEqual([]);
  });

  it('a placeholder a type cannot read in its pattern is named (branch in a schedule pattern)', () => {
    expect(unknownPlaceholders('nightly-{{branch}}', ['date', 'commit_date'])).toEqual(['branch']);
    expect(unknownPlaceholders('{{#each x}}{{@index}}{{/each}}', [])).toEqual(['x']);
    expect(unknownPlaceholders('{{unclosed', [])).toEqual([]);
  });
});
