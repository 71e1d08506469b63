import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetadata } from '../../src/tags/compute.js';
import { loadDateFormatter } from '../../src/tags/dates.js';
import { loadPep440, type EngineLibs } from '../../src/tags/lazy-libs.js';
import type { RunContext } from '../../src/tags/types.js';
import { NOW, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

let libs: EngineLibs;
beforeAll(async () => {
  libs = { dates: await loadDateFormatter(), pep440: await loadPep440() };
});

interface Case {
  name: string;
  context: Partial<RunContext>;
  values: Record<string, string>;
  version: string;
  tags: string[];
}

const tagPush = (tag: string): Partial<RunContext> => ({ ref: `refs/tags/${tag}` });
const pr = (eventName = 'pull_request'): Partial<RunContext> => ({
  eventName,
  ref: 'refs/pull/15/merge',
  payload: {
    number: 15,
    repository: { default_branch: 'master' },
    pull_request: {
      number: 15,
      base: { ref: 'master' },
      head: { ref: 'feature/login', sha: 'a'.repeat(40) },
    },
  },
});
const semverTags =
  'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}';

// Inputs -> expected outputs, re-expressed from docker/metadata-action's __tests__/meta.test.ts cases.
const cases: Case[] = [
  {
    name: 'default tags on a branch push',
    context: {},
    values: { images: 'user/app' },
    version: 'dev',
    tags: ['user/app:dev'],
  },
  {
    name: 'edge on the default branch',
    context: { ref: 'refs/heads/master' },
    values: { images: 'user/app', tags: 'type=edge' },
    version: 'edge',
    tags: ['user/app:edge'],
  },
  {
    name: 'edge on another branch emits nothing; sha follows',
    context: { ref: 'refs/heads/master' },
    values: { images: 'org/app\nghcr.io/user/app', tags: 'type=edge,branch=dev\ntype=sha' },
    version: 'sha-860c190',
    tags: ['org/app:sha-860c190', 'ghcr.io/user/app:sha-860c190'],
  },
  {
    name: 'per-image order: main, partials, for each image',
    context: {},
    values: { images: 'org/app\nghcr.io/user/app', tags: 'type=ref,event=branch\ntype=sha' },
    version: 'dev',
    tags: ['org/app:dev', 'org/app:sha-860c190', 'ghcr.io/user/app:dev', 'ghcr.io/user/app:sha-860c190'],
  },
  {
    name: 'priority reorders entries',
    context: { ref: 'refs/heads/master' },
    values: { images: 'user/app', tags: 'type=ref,priority=2000,event=branch\ntype=edge' },
    version: 'master',
    tags: ['user/app:master', 'user/app:edge'],
  },
  {
    name: 'branch names are sanitised',
    context: { ref: 'refs/heads/feature/a b#c' },
    values: { images: 'user/app', tags: 'type=ref,event=branch' },
    version: 'feature-a-b-c',
    tags: ['user/app:feature-a-b-c'],
  },
  {
    name: 'semver release: version, minor, major, latest',
    context: tagPush('v1.1.1'),
    values: { images: 'user/app', tags: semverTags },
    version: '1.1.1',
    tags: ['user/app:1.1.1', 'user/app:1.1', 'user/app:1', 'user/app:latest'],
  },
  {
    name: 'semver prerelease forces {{version}} and no latest',
    context: tagPush('v2.0.8-beta.67'),
    values: { images: 'user/app', tags: semverTags },
    version: '2.0.8-beta.67',
    tags: ['user/app:2.0.8-beta.67'],
  },
  {
    name: 'semver prerelease keeps a {{raw}} pattern',
    context: tagPush('v2.0.8-beta.67'),
    values: { images: 'user/app', tags: 'type=semver,pattern={{raw}}' },
    version: 'v2.0.8-beta.67',
    tags: ['user/app:v2.0.8-beta.67'],
  },
  {
    name: 'semver with build metadata: + becomes -',
    context: tagPush('v1.1.1+build.7'),
    values: { images: 'user/app', tags: 'type=semver,pattern={{raw}}\ntype=semver,pattern={{version}}' },
    version: 'v1.1.1-build.7',
    tags: ['user/app:v1.1.1-build.7', 'user/app:1.1.1', 'user/app:latest'],
  },
  {
    name: 'semver on a non-semver tag warns and falls through to ref',
    context: tagPush('release1'),
    values: { images: 'user/app', tags: 'type=semver,pattern={{version}}\ntype=ref,event=tag' },
    version: 'release1',
    tags: ['user/app:release1', 'user/app:latest'],
  },
  {
    name: 'semver value= works on a branch',
    context: {},
    values: { images: 'user/app', tags: 'type=semver,pattern={{version}},value=v3.2.1' },
    version: '3.2.1',
    tags: ['user/app:3.2.1', 'user/app:latest'],
  },
  {
    name: 'semver match= keeps the first group',
    context: tagPush('app-v1.2.3'),
    values: { images: 'user/app', tags: 'type=semver,pattern={{version}},match=app-(.*)' },
    version: '1.2.3',
    tags: ['user/app:1.2.3', 'user/app:latest'],
  },
  {
    name: 'pep440 release',
    context: tagPush('v1.1.1'),
    values: {
      images: 'user/app',
      tags: 'type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}.{{minor}}',
    },
    version: '1.1.1',
    tags: ['user/app:1.1.1', 'user/app:1.1', 'user/app:latest'],
  },
  {
    name: 'pep440 prerelease keeps the cleaned version, no latest',
    context: tagPush('1.2.3rc2'),
    values: { images: 'user/app', tags: 'type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}' },
    version: '1.2.3rc2',
    tags: ['user/app:1.2.3rc2'],
  },
  {
    name: 'pep440 dev release',
    context: tagPush('1.0.dev4'),
    values: { images: 'user/app', tags: 'type=pep440,pattern={{version}}' },
    version: '1.0.dev4',
    tags: ['user/app:1.0.dev4'],
  },
  {
    name: 'match with a group',
    context: tagPush('v1.2.3'),
    values: { images: 'user/app', tags: 'type=match,pattern=v(\\d.\\d),group=1' },
    version: '1.2',
    tags: ['user/app:1.2', 'user/app:latest'],
  },
  {
    name: 'match with /re/flags',
    context: tagPush('RELEASE-ABC'),
    values: { images: 'user/app', tags: 'type=match,pattern=/release-(.*)/i,group=1' },
    version: 'ABC',
    tags: ['user/app:ABC', 'user/app:latest'],
  },
  {
    name: 'ref tag is latest under auto',
    context: tagPush('v1.0.0'),
    values: { images: 'user/app' },
    version: 'v1.0.0',
    tags: ['user/app:v1.0.0', 'user/app:latest'],
  },
  {
    name: 'pull request: pr-N',
    context: pr(),
    values: { images: 'user/app' },
    version: 'pr-15',
    tags: ['user/app:pr-15'],
  },
  {
    name: 'pull request with sha and custom pr prefix',
    context: pr(),
    values: { images: 'user/app', tags: 'type=ref,event=pr,prefix=mr-\ntype=sha' },
    version: 'mr-15',
    tags: ['user/app:mr-15', 'user/app:sha-860c190'],
  },
  {
    name: 'schedule: nightly by default',
    context: { eventName: 'schedule', ref: 'refs/heads/master' },
    values: { images: 'user/app' },
    version: 'nightly',
    tags: ['user/app:nightly', 'user/app:master'],
  },
  {
    name: 'schedule pattern with a date in a time zone',
    context: { eventName: 'schedule', ref: 'refs/heads/master' },
    values: { images: 'user/app', tags: "type=schedule,pattern={{date 'YYYYMMDD-HHmm' tz='Asia/Tokyo'}}" },
    version: '20200110-0930',
    tags: ['user/app:20200110-0930'],
  },
  {
    name: 'raw with expressions: branch, sha, commit_date',
    context: {},
    values: { images: 'user/app', tags: "type=raw,value={{branch}}-{{sha}}-{{commit_date 'YYYYMMDD'}}" },
    version: 'dev-860c190-20200109',
    tags: ['user/app:dev-860c190-20200109'],
  },
  {
    name: 'a line without type= is raw',
    context: {},
    values: { images: 'user/app', tags: 'foo\nbar' },
    version: 'foo',
    tags: ['user/app:foo', 'user/app:bar'],
  },
  {
    name: 'enable with is_default_branch',
    context: { ref: 'refs/heads/master' },
    values: {
      images: 'user/app',
      tags: 'type=raw,value=stable,enable={{is_default_branch}}\ntype=raw,value=wip,enable={{is_not_default_branch}}',
    },
    version: 'stable',
    tags: ['user/app:stable'],
  },
  {
    name: 'enable=false skips an entry',
    context: {},
    values: { images: 'user/app', tags: 'type=raw,value=a,enable=false\ntype=raw,value=b' },
    version: 'b',
    tags: ['user/app:b'],
  },
  {
    name: 'flavor prefix and suffix, also on latest',
    context: tagPush('v1.1.1'),
    values: {
      images: 'user/app',
      tags: 'type=semver,pattern={{version}}',
      flavor: 'prefix=foo-,onlatest=true\nsuffix=-bar',
    },
    version: 'foo-1.1.1-bar',
    tags: ['user/app:foo-1.1.1-bar', 'user/app:foo-latest'],
  },
  {
    name: 'a per-tag empty prefix replaces the flavor prefix',
    context: tagPush('v1.1.1'),
    values: {
      images: 'user/app',
      tags: 'type=semver,pattern={{version}},prefix=\ntype=sha',
      flavor: 'prefix=x-',
    },
    version: '1.1.1',
    tags: ['user/app:1.1.1', 'user/app:sha-860c190', 'user/app:latest'],
  },
  {
    name: 'latest=false and latest=true',
    context: {},
    values: { images: 'user/app', tags: 'type=ref,event=branch', flavor: 'latest=true' },
    version: 'dev',
    tags: ['user/app:dev', 'user/app:latest'],
  },
  {
    name: 'latest is decided by the first emitting entry only',
    context: tagPush('v1.1.1'),
    values: {
      images: 'user/app',
      tags: 'type=raw,value=first,priority=2000\ntype=semver,pattern={{version}}',
    },
    version: 'first',
    tags: ['user/app:first', 'user/app:1.1.1'],
  },
  {
    name: 'duplicate values are kept once',
    context: {},
    values: {
      images: 'user/app',
      tags: 'type=raw,value=dev\ntype=ref,event=branch\ntype=raw,value=x\ntype=raw,value=x',
    },
    version: 'dev',
    tags: ['user/app:dev', 'user/app:x'],
  },
  {
    name: 'no images: bare tags',
    context: tagPush('v1.1.1'),
    values: { tags: 'type=semver,pattern={{version}}' },
    version: '1.1.1',
    tags: ['1.1.1', 'latest'],
  },
  {
    name: 'disabled image and upper-case image name',
    context: {},
    values: { images: 'name=User/App\nname=other/app,enable=false' },
    version: 'dev',
    tags: ['user/app:dev'],
  },
  {
    name: 'old images format: one comma-separated line',
    context: {},
    values: { images: 'org/app,ghcr.io/user/app' },
    version: 'dev',
    tags: ['org/app:dev', 'ghcr.io/user/app:dev'],
  },
  {
    name: 'no ref at all: nothing',
    context: { eventName: '', ref: '', sha: '' },
    values: { images: 'user/app', tags: 'type=sha\ntype=raw,{{branch}}' },
    version: '',
    tags: [],
  },
  {
    name: 'long sha format',
    context: {},
    values: { images: 'user/app', tags: 'type=sha,format=long,prefix=' },
    version: '860c1904a1ce19322e91ac35af1ab07466440c37',
    tags: ['user/app:860c1904a1ce19322e91ac35af1ab07466440c37'],
  },
  {
    name: 'DOCKER_METADATA_SHORT_SHA_LENGTH',
    context: { shortShaLength: 12 },
    values: { images: 'user/app', tags: 'type=sha\ntype=raw,value=x-{{sha}}' },
    version: 'x-860c1904a1ce',
    tags: ['user/app:x-860c1904a1ce', 'user/app:sha-860c1904a1ce'],
  },
  {
    name: 'base_ref on a pull request',
    context: pr(),
    values: { images: 'user/app', tags: 'type=raw,value=into-{{base_ref}}' },
    version: 'into-master',
    tags: ['user/app:into-master'],
  },
  {
    name: '{{branch}} is empty on a PR (metadata-action), {{head_branch}} is not',
    context: pr(),
    values: { images: 'user/app', tags: 'type=raw,value=b{{branch}}\ntype=raw,value={{head_branch}}' },
    version: 'b',
    tags: ['user/app:b', 'user/app:feature-login'],
  },
  {
    name: '{{prerelease}} gives a floating channel tag',
    context: tagPush('v1.0.0-rc.2'),
    values: { images: 'user/app', tags: 'type=semver,pattern={{version}}\ntype=raw,value={{prerelease}}' },
    version: '1.0.0-rc.2',
    tags: ['user/app:1.0.0-rc.2', 'user/app:rc'],
  },
  {
    name: '{{prerelease}} is empty for a release',
    context: tagPush('v1.0.0'),
    values: { images: 'user/app', tags: 'type=semver,pattern={{version}}\ntype=raw,value={{prerelease}}' },
    version: '1.0.0',
    tags: ['user/app:1.0.0', 'user/app:latest'],
  },
  {
    name: 'expressions are HTML-escaped by handlebars before sanitising, as in metadata-action',
    context: { ref: 'refs/heads/a&b' },
    values: { images: 'user/app', tags: 'type=raw,value={{branch}}' },
    version: 'a-amp-b',
    tags: ['user/app:a-amp-b'],
  },
  {
    name: 'scheduled runs count as the default branch; base_ref on a tag push',
    context: { eventName: 'schedule', ref: 'refs/tags/v1.0.0', payload: { base_ref: 'refs/heads/main' } },
    values: { images: 'user/app', tags: 'type=raw,value=from-{{base_ref}},enable={{is_default_branch}}' },
    version: 'from-main',
    tags: ['user/app:from-main'],
  },
  {
    name: 'tag02: a non-semver tag with the defaults is latest',
    context: tagPush('20200110-RC2'),
    values: { images: 'user/app' },
    version: '20200110-RC2',
    tags: ['user/app:20200110-RC2', 'user/app:latest'],
  },
  {
    name: 'tag03: match without group, latest=false',
    context: tagPush('20200110-RC2'),
    values: { images: 'user/app', tags: 'type=match,pattern=\\d{8}', flavor: 'latest=false' },
    version: '20200110',
    tags: ['user/app:20200110'],
  },
  {
    name: 'tag09: two groups of one pattern',
    context: tagPush('v2.0.8-beta.67'),
    values: {
      images: 'org/app',
      tags: 'type=match,"pattern=v(.*)-beta.(.*)",group=1\ntype=match,"pattern=v(.*)-beta.(.*)",group=2',
    },
    version: '2.0.8',
    tags: ['org/app:2.0.8', 'org/app:67', 'org/app:latest'],
  },
  {
    name: 'tag15: a raw entry of higher priority takes the version and latest',
    context: tagPush('v2.0.8-beta.67'),
    values: {
      images: 'org/app',
      tags: 'type=raw,priority=2000,foo\ntype=semver,pattern={{version}}\ntype=match,"pattern=\\d.\\d"',
    },
    version: 'foo',
    tags: ['org/app:foo', 'org/app:2.0.8-beta.67', 'org/app:2.0'],
  },
  {
    name: 'tag17: /re/flags that do not match warn; later entries emit',
    context: tagPush('p1/v1.0.0'),
    values: {
      images: 'org/app',
      tags: 'type=match,"pattern=/^v(\\d.\\d.\\d)$/ig",group=1\ntype=match,pattern=\\d.\\d.\\d\ntype=match,pattern=\\d.\\d\ntype=ref,event=pr\ntype=sha',
    },
    version: '1.0.0',
    tags: ['org/app:1.0.0', 'org/app:1.0', 'org/app:sha-860c190', 'org/app:latest'],
  },
  {
    name: 'tag19: an empty per-tag suffix replaces the flavor suffix',
    context: tagPush('p1/v1.0.0'),
    values: {
      images: 'org/app',
      tags: 'type=match,pattern=p1/v(\\d.\\d.\\d),group=1\ntype=match,pattern=p1/v(\\d.\\d),group=1,suffix=\ntype=sha',
      flavor: 'suffix=-dev',
    },
    version: '1.0.0-dev',
    tags: ['org/app:1.0.0-dev', 'org/app:1.0', 'org/app:sha-860c190-dev', 'org/app:latest'],
  },
  {
    name: 'tag20: {{tag}}, {{sha}}, {{base_ref}} and is_default_branch on a tag push',
    context: {
      ref: 'refs/tags/v1.1.1',
      payload: { base_ref: 'refs/heads/master', repository: { default_branch: 'master' } },
    },
    values: {
      images: 'org/app',
      tags: 'type=raw,{{tag}}-{{sha}}-foo\ntype=raw,{{base_ref}}-foo\ntype=raw,defbranch-foo,enable={{is_default_branch}}',
    },
    version: 'v1.1.1-860c190-foo',
    tags: ['org/app:v1.1.1-860c190-foo', 'org/app:master-foo'],
  },
  {
    name: 'tag22: prefix and suffix on latest',
    context: tagPush('v1.1.1'),
    values: {
      images: 'org/app',
      tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}.{{patch}}',
      flavor: 'prefix=foo-,onlatest=true\nsuffix=-dev,onlatest=true',
    },
    version: 'foo-1.1.1-dev',
    tags: ['org/app:foo-1.1.1-dev', 'org/app:foo-latest-dev'],
  },
  {
    name: 'tag23: pep440 {{raw}} keeps the v',
    context: tagPush('v1.1.1'),
    values: {
      images: 'org/app',
      tags: 'type=pep440,pattern={{raw}}\ntype=pep440,pattern={{major}}.{{minor}}',
    },
    version: 'v1.1.1',
    tags: ['org/app:v1.1.1', 'org/app:1.1', 'org/app:latest'],
  },
  {
    name: 'tag25: pep440 beta is normalised and not latest',
    context: tagPush('1.1beta2'),
    values: {
      images: 'org/app',
      tags: 'type=pep440,pattern={{major}}.{{minor}}\ntype=pep440,pattern={{major}}',
    },
    version: '1.1b2',
    tags: ['org/app:1.1b2'],
  },
  {
    name: 'push21: every expression, no images',
    context: { ref: 'refs/heads/master', commitDate: NOW },
    values: {
      tags: [
        'type=raw,value=mytag-{{branch}}',
        "type=raw,value=mytag-{{date 'YYYYMMDD'}}",
        "type=raw,value=mytag-{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
        "type=raw,value=mytag-src-{{commit_date 'YYYYMMDD'}}",
        'type=raw,value=mytag-tag-{{tag}}',
        'type=raw,value=mytag-baseref-{{base_ref}}',
        'type=raw,value=mytag-defbranch,enable={{is_default_branch}}',
      ].join('\n'),
    },
    version: 'mytag-master',
    tags: [
      'mytag-master',
      'mytag-20200110',
      'mytag-20200110-093000',
      'mytag-src-20200110',
      'mytag-tag-',
      'mytag-baseref-',
      'mytag-defbranch',
    ],
  },
  {
    name: 'pr05: the default pr- prefix replaces the flavor prefix; the flavor suffix stays',
    context: pr(),
    values: { images: 'org/app', tags: 'type=ref,event=pr', flavor: 'prefix=glo-\nsuffix=-bal' },
    version: 'pr-15-bal',
    tags: ['org/app:pr-15-bal'],
  },
  {
    name: 'pr12: an unquoted date format is a missing value: moment default format in UTC',
    context: { ...pr(), commitDate: NOW },
    values: { images: 'org/app', tags: 'type=raw,value={{commit_date YYYY-MM-DD-HHmmSS}}' },
    version: '2020-01-10T00-30-00Z',
    tags: ['org/app:2020-01-10T00-30-00Z'],
  },
];

describe('computeMetadata matches metadata-action', () => {
  it.each(cases)('$name', ({ context, values, version, tags }) => {
    const result = computeMetadata(inputs(values), runContext(context), helloWorld, {
      now: NOW,
      logger: recordingLogger().logger,
      libs,
    });
    expect(result.version).toBe(version);
    expect(result.tags).toEqual(tags);
    expect(result.tagNames).toEqual(
      tags.map((tag) => tag.replace(/^.*:/, '')).filter((t, i, a) => a.indexOf(t) === i),
    );
  });
});
