import { describe, expect, it } from 'vitest';
import {
  formatReference,
  InvalidReferenceError,
  nameAsWritten,
  parseReference,
  registryBaseUrl,
} from '../../src/registry/reference.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['alpine', 'docker.io', 'library/alpine', undefined, undefined],
    ['alpine:3.20', 'docker.io', 'library/alpine', '3.20', undefined],
    ['docker.io/alpine', 'docker.io', 'library/alpine', undefined, undefined],
    ['index.docker.io/library/alpine:1', 'docker.io', 'library/alpine', '1', undefined],
    ['user/app', 'docker.io', 'user/app', undefined, undefined],
    ['ghcr.io/org/team/app:v1.2.3', 'ghcr.io', 'org/team/app', 'v1.2.3', undefined],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev', undefined],
    ['127.0.0.1:35000/publish/app', '127.0.0.1:35000', 'publish/app', undefined, undefined],
    [`app@${DIGEST}`, 'docker.io', 'library/app', undefined, DIGEST],
    [`reg.example.com:443/a/b:t@${DIGEST}`, 'reg.example.com:443', 'a/b', 't', DIGEST],
    [
      '1234.dkr.ecr.eu-west-1.amazonaws.com/my-app:latest',
      '1234.dkr.ecr.eu-west-1.amazonaws.com',
      'my-app',
      'latest',
      undefined,
    ],
    ['a/b__c/d-e.f_g:x', 'docker.io', 'a/b__c/d-e.f_g', 'x', undefined],
  ])('%s', (text, registry, repository, tag, digest) => {
    expect(parseReference(text)).toEqual({ registry, repository, tag, digest });
  });

  it.each([
    ['', /empty/],
    ['UPPER/app', /lowercase/],
    ['app:', /tag "" is invalid/],
    ['app:-dash', /tag "-dash" is invalid/],
    [`app:${'x'.repeat(129)}`, /tag .* is invalid/],
    ['app@sha256:abc', /not a digest|sha256/],
    [`app@sha256:${'A'.repeat(64)}`, /64 lowercase/],
    ['a//b', /empty path component/],
    ['a/-b', /not a valid repository path component/],
    ['my app', /whitespace/],
    ['ghcr.io/', /empty path component|missing/],
  ])('rejects %j', (text, message) => {
    expect(() => parseReference(text)).toThrow(InvalidReferenceError);
    expect(() => parseReference(text)).toThrow(message);
  });

  it('formats back to the canonical text', () => {
    expect(formatReference(parseReference('alpine:3'))).toBe('docker.io/library/alpine:3');
    expect(formatReference(parseReference(`localhost:5000/a@${DIGEST}`))).toBe(`localhost:5000/a@${DIGEST}`);
  });
});

describe('registryBaseUrl', () => {
  it('uses plain http for loopback only', () => {
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('localhost')).toBe('http://localhost');
    expect(registryBaseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(registryBaseUrl('docker.io')).toBe('https://registry-1.docker.io');
    expect(registryBaseUrl('127.example.com')).toBe('https://127.example.com');
  });
});

describe('nameAsWritten', () => {
  it('drops the tag and the digest and keeps the name as the user wrote it', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(nameAsWritten('r/app:1')).toBe('r/app');
    expect(nameAsWritten('127.0.0.1:5000/team/app:1.0@' + digest)).toBe('127.0.0.1:5000/team/app');
    expect(nameAsWritten('localhost:5000/app')).toBe('localhost:5000/app');
    expect(nameAsWritten(' app@' + digest)).toBe('app');
    expect(() => nameAsWritten('App:1')).toThrow(/lowercase/);
  });
});
