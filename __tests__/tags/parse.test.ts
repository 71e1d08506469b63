import { describe, expect, it } from 'vitest';
import { parseFlavor } from '../../src/tags/flavor.js';
import { parseImages } from '../../src/tags/images.js';
import { loadEngineLibs } from '../../src/tags/lazy-libs.js';
import { parseTagLines } from '../../src/tags/tag-lines.js';
import { parseListInput } from '../../src/util/input-list.js';
import { inputs } from './fixtures.js';

const lines = (text: string) => parseListInput(text, { ignoreComma: true });

describe('input lines', () => {
  it('trims, skips blanks and # comments, keeps 1-based line numbers', () => {
    expect(lines('  a  \n\n# note\n  # indented note\nb#not-a-comment\r\n')).toEqual([
      { value: 'a', line: 1 },
      { value: 'b#not-a-comment', line: 5 },
    ]);
  });
});

describe('quoted lines', () => {
  it('drops quotes around a whole line, as getInputList does, and keeps inner quoted fields', () => {
    expect(lines('"type=raw,value=a"')).toEqual([{ value: 'type=raw,value=a', line: 1 }]);
    // The input list joins the CSV fields back, so the tag line becomes type=raw,value=a,b (value b).
    expect(parseTagLines(lines('type=raw,"value=a,b"'))[0].attrs.value).toBe('b');
  });
});

describe('tags lines', () => {
  it('uses metadata-action defaults when empty', () => {
    expect(parseTagLines([]).map((entry) => [entry.type, entry.attrs.event ?? '', entry.priority])).toEqual([
      ['schedule', '', 1000],
      ['ref', 'branch', 600],
      ['ref', 'tag', 600],
      ['ref', 'pr', 600],
    ]);
  });

  it('splits fields on the first =, lower-cases keys, fills type defaults and sorts stably by priority', () => {
    const entries = parseTagLines(
      lines('type=sha\nType=raw,Value=a=b\ntype=semver,pattern={{version}}\nplain'),
    );
    expect(entries.map((entry) => entry.type)).toEqual(['semver', 'raw', 'raw', 'sha']);
    expect(entries[1].attrs).toEqual({ value: 'a=b', enable: 'true' });
    expect(entries[2].attrs.value).toBe('plain');
    expect(entries[3].attrs).toEqual({ prefix: 'sha-', format: 'short', enable: 'true' });
    expect(entries[0].attrs).toMatchObject({ value: '', match: '' });
  });

  it('accepts quoted CSV fields within a tag line', () => {
    const [entry] = parseTagLines([{ value: 'type=raw,"value=a,b"', line: 1 }]);
    expect(entry.attrs.value).toBe('a,b');
  });
});

describe('flavor', () => {
  it('parses latest, prefix/suffix and onlatest', () => {
    expect(parseFlavor(lines('latest=false\nprefix=v,onlatest=true\nsuffix=-slim'))).toEqual({
      latest: 'false',
      prefix: 'v',
      prefixLatest: true,
      suffix: '-slim',
      suffixLatest: false,
    });
  });
});

describe('images', () => {
  it('accepts registries with ports and keeps enable flags', () => {
    expect(parseImages(lines('name=127.0.0.1:5000/tags/app\nname=docker.io/User/App,enable=false'))).toEqual([
      { name: '127.0.0.1:5000/tags/app', enable: true },
      { name: 'docker.io/User/App', enable: false },
    ]);
  });
});

describe('lazy libraries', () => {
  it('loads only what the inputs need', async () => {
    const none = await loadEngineLibs(inputs({ images: 'a/b', tags: 'type=semver,pattern={{version}}' }));
    expect(none).toEqual({ dates: undefined, pep440: undefined });
    const both = await loadEngineLibs(
      inputs({ tags: "type=pep440,pattern={{version}}\ntype=raw,value={{date 'YYYY' tz='Asia/Tokyo'}}" }),
    );
    expect(both.pep440?.valid('1.0rc1')).toBe('1.0rc1');
    expect(both.dates?.(new Date('2020-01-01T20:00:00Z'), 'YYYY-MM-DD', 'Asia/Tokyo')).toBe('2020-01-02');
  });
});
