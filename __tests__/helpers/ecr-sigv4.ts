import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Verifies an AWS Signature Version 4 request the way AWS does, so the emulator only accepts requests
 * signed with the secret of a known key: a wrong credential chain fails here, as it would on AWS.
 */
export interface SignedScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Returns the scope when the signature is valid for one of the secrets, else a reason it is not. */
export function verifySigV4(
  request: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
  secrets: ReadonlyMap<string, string>,
): SignedScope | { problem: string } {
  const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
  if (!match) return { problem: 'missing or malformed SigV4 Authorization header' };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  const secret = secrets.get(accessKeyId);
  if (secret === undefined) return { problem: `unknown access key ${accessKeyId}` };
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date)) return { problem: 'x-amz-date does not match the credential scope' };

  const [path, query = ''] = request.path.split('?');
  const canonicalQuery = query.split('&').filter(Boolean).sort().join('&');
  const canonicalHeaders = signedHeaders
    .split(';')
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    sha256(request.body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { problem: 'signature does not match' };
  }
  return { accessKeyId, region, service };
}
