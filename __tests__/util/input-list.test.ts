import { describe, expect, it } from 'vitest';
import { readBuildInputs } from '../../src/build/inputs.js';
import { InputError } from '../../src/util/errors.js';
import { csvList, parseListInput } from '../../src/util/input-list.js';

const lines = (text: string) => parseListInput(text, { input: 'build-args', ignoreComma: true });

describe('parseListInput (actions-toolkit getInputList)', () => {
  it('splits on newlines and commas, honouring CSV quotes, keeping line numbers', () => {
    expect(parseListInput('a,b\n\n"c,d", e')).toEqual([
      { value: 'a', line: 1 },
      { value: 'b', line: 1 },
      { value: 'c,d', line: 3 },
      { value: 'e', line: 3 },
    ]);
  });

  it('splits a record of one field on its commas, quoted or not, as getInputList does', () => {
    expect(parseListInput('"linux/amd64,linux/arm64"').map((item) => item.value)).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
  });

  it('keeps commas inside values for ignoreComma inputs, joining quoted fields back', () => {
    expect(lines('  A=1,2  \nB=x\nC="y",z')).toEqual([
      { value: 'A=1,2', line: 1 },
      { value: 'B=x', line: 2 },
      { value: 'C="y",z', line: 3 },
    ]);
    expect(lines('D=1,"2,3"')).toEqual([{ value: 'D=1,2,3', line: 1 }]);
  });

  it('keeps a quoted multi-line value whole (a certificate in build-args or secrets), on the line it starts', () => {
    expect(lines('A=1\n"CERT=-----BEGIN\nabc\n-----END"\nB=2')).toEqual([
      { value: 'A=1', line: 1 },
      { value: 'CERT=-----BEGIN\nabc\n-----END', line: 2 },
      { value: 'B=2', line: 5 },
    ]);
    // Windows line endings count as one line each, inside a quoted value too.
    expect(lines('A=1\r\n"B=x\r\ny"\r\nC=3').map((item) => item.line)).toEqual([1, 2, 4]);
  });

  it('skips # comment lines, indented ones too, but not a # inside a value', () => {
    expect(lines('# note\n  # indented\nA=#1\n"B=x\n# kept"')).toEqual([
      { value: 'A=#1', line: 3 },
      { value: 'B=x\n# kept', line: 4 },
    ]);
  });

  it('reads quotes as plain characters when asked (outputs)', () => {
    expect(parseListInput('type=local,dest="out dir"', { ignoreComma: true, noQuotes: true })).toEqual([
      { value: 'type=local,dest="out dir"', line: 1 },
    ]);
    expect(parseListInput('"x', { ignoreComma: true, noQuotes: true })).toEqual([{ value: '"x', line: 1 }]);
  });

  it('refuses a NUL, naming the input and line but never the value (it may be a secret)', () => {
    expect(() => parseListInput('a=1\ntoken=s3cr\u0000t', { input: 'secrets', ignoreComma: true })).toThrow(
      /^input "secrets", line 2: holds a NUL character, which no command line can carry$/,
    );
  });

  it('names the input and the line of a quote that is never closed', () => {
    const error = (() => {
      try {
        lines('A=1\n\n"B=x\nC=2');
      } catch (caught) {
        return caught as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toMatch(/^input "build-args", line 3: a quoted value is never closed/);
  });
});

describe('readBuildInputs', () => {
  it('reads build-push-action names through the getter and applies defaults', () => {
    const values: Record<string, string> = {
      tags: 'r/a:1,r/a:2',
      'build-args': 'A=1,2',
      push: 'true',
      cache: 'Registry',
      'cache-from': 'type=registry,ref=r/a:cache',
    };
    const inputs = readBuildInputs((name) => values[name] ?? '');
    expect(inputs.context).toBe('.');
    expect(inputs.tags).toEqual(['r/a:1', 'r/a:2']);
    expect(inputs.buildArgs).toEqual([{ value: 'A=1,2', line: 1 }]);
    expect(inputs.push).toBe(true);
    expect(inputs.load).toBe(false);
    expect(inputs.cache).toBe('registry');
    expect(inputs.cacheFrom).toEqual([{ value: 'type=registry,ref=r/a:cache', line: 1 }]);
    expect(readBuildInputs(() => '').cache).toBe('auto');
  });

  it('keeps a quoted multi-line build arg and secret whole, as build-push-action does', () => {
    const values: Record<string, string> = {
      'build-args': '"CERT=abc\ndef"\nOTHER=1',
      secrets: '"key=line1\nline2"',
    };
    const inputs = readBuildInputs((name) => values[name] ?? '');
    expect(inputs.buildArgs.map((item) => item.value)).toEqual(['CERT=abc\ndef', 'OTHER=1']);
    expect(inputs.secrets.map((item) => item.value)).toEqual(['key=line1\nline2']);
  });

  it('splits secret-envs and ssh on commas as build-push-action does, and keeps quotes in outputs', () => {
    const values: Record<string, string> = {
      'secret-envs': 'a=A,b=B',
      ssh: 'default,key=/k',
      outputs: 'type=local,dest="x"',
    };
    const inputs = readBuildInputs((name) => values[name] ?? '');
    expect(inputs.secretEnvs.map((item) => item.value)).toEqual(['a=A', 'b=B']);
    expect(inputs.ssh.map((item) => item.value)).toEqual(['default', 'key=/k']);
    expect(inputs.outputs.map((item) => item.value)).toEqual(['type=local,dest="x"']);
  });
});

describe('parseListInput without quotes reads as csv-parse does', () => {
  // The common case skips csv-parse; this holds the two readings equal on random texts.
  it('gives the same entries and lines for texts of commas, comments, blanks and line breaks', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pieces = ['a', 'b=c', ',', ' ', '\n', '#', ' #x', '\t', 'KEY=v,w', '', '\n\n'];
    for (let sample = 0; sample < 2000; sample++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      for (const ignoreComma of [false, true]) {
        expect(parseListInput(text, { ignoreComma }), JSON.stringify(text)).toEqual(
          csvList(text, 'input', { ignoreComma }),
        );
      }
    }
  });
});
