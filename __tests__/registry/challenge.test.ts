import { describe, expect, it } from 'vitest';
import { parseChallenge } from '../../src/registry/transport/challenge.js';

describe('parseChallenge', () => {
  it('reads a bearer challenge with a scope holding commas', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push',
      },
    });
  });

  it('reads basic, bare tokens, escapes and odd spacing', () => {
    expect(parseChallenge('basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    });
    expect(parseChallenge('Bearer  realm = "r\\"q" , error=insufficient_scope')).toEqual({
      scheme: 'bearer',
      params: { realm: 'r"q', error: 'insufficient_scope' },
    });
  });

  it('marks unknown schemes and ignores empty headers', () => {
    expect(parseChallenge('Negotiate')?.scheme).toBe('other');
    expect(parseChallenge(undefined)).toBeUndefined();
    expect(parseChallenge('')).toBeUndefined();
  });
});
