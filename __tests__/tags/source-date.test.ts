import { describe, expect, it } from 'vitest';
import { sourceDateEpoch } from '../../src/tags/index.js';
import { InputError } from '../../src/util/errors.js';

describe('sourceDateEpoch', () => {
  it('reads whole seconds since 1970', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1700000000' })?.toISOString()).toBe(
      '2023-11-14T22:13:20.000Z',
    );
  });

  it('is undefined when unset or empty', () => {
    expect(sourceDateEpoch({})).toBeUndefined();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: ' ' })).toBeUndefined();
  });

  it('rejects anything but whole seconds', () => {
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: '2023-11-14' })).toThrow(InputError);
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: '1.5' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
