import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../src/util/boolean.js';
import { InputError } from '../../src/util/errors.js';

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE ', true],
    ['yes', true],
    ['On', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['off', false],
    ['0', false],
  ])('%j is %j', (text, expected) => expect(parseBoolean('push', text, !expected)).toBe(expected));

  it('takes the default when empty', () => {
    expect(parseBoolean('summary', '  ', true)).toBe(true);
    expect(parseBoolean('load', '', false)).toBe(false);
  });

  it('rejects anything else, naming the input, instead of reading it as false', () => {
    expect(() => parseBoolean('load', 'yess', false)).toThrow(InputError);
    expect(() => parseBoolean('load', 'yess', false)).toThrow(
      'input "load": "yess" is not a boolean (true or false)',
    );
  });
});
