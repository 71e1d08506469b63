import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Verifies an AWS Signature Version 4 request the way AWS does, so the emulator only accepts requests
 * signed with the secret of a known key, scoped to its region and service, carrying the session token
 * of temporary credentials, and made within five minutes of the server's clock.
 */
export interface SignedScope {
  accessKeyId: string;
  region: string;
  service: string;
}

/** A static key (just its secret), or temporary credentials that need their session token. */
export type EmulatedCredential = string | { secretAccessKey: string; sessionToken: string };

export interface SigV4Expectations {
  credentials: ReadonlyMap<string, EmulatedCredential>;
  region: string;
  service: string;
  /** The server's clock, epoch milliseconds. */
  now: number;
}

/** Why AWS refuses the request: the exception name and its message. */
export interface SigV4Refusal {
  type: string;
  message: string;
}

/** AWS allows this much difference between the signing time and its own clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Returns the scope when AWS would accept the request, else the exception AWS answers with. */
export function verifySigV4(
  request: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
  expected: SigV4Expectations,
): SignedScope | { refused: SigV4Refusal } {
  const refuse = (type: string, message: string) => ({ refused: { type, message } });
  const authorization = request.headers.authorization;
  if (authorization === undefined)
    return refuse('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const match = AUTHORIZATION.exec(String(authorization));
  if (!match) {
    return refuse(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${String(authorization).split(' ')[0]}`,
    );
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  const credential = expected.credentials.get(accessKeyId);
  if (credential === undefined) return refuse('UnrecognizedClientException', INVALID_TOKEN);
  const token = request.headers['x-amz-security-token'];
  const wantedToken = typeof credential === 'string' ? undefined : credential.sessionToken;
  if (token !== wantedToken) return refuse('UnrecognizedClientException', INVALID_TOKEN);
  if (region !== expected.region) {
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${region}'. `,
    );
  }
  if (service !== expected.service) {
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${expected.service}'. `,
    );
  }
  const signed = signedHeaders.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date')) {
    return refuse('InvalidSignatureException', "'Host' and 'X-Amz-Date' must be signed headers.");
  }

  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const parts = AMZ_DATE.exec(amzDate);
  if (!parts)
    return refuse(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`,
    );
  if (!amzDate.startsWith(date)) {
    return refuse(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  const signedAt = Date.UTC(year, month - 1, day, hour, minute, second);
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  if (signedAt < expected.now - MAX_CLOCK_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${stamp(expected.now - MAX_CLOCK_SKEW_MS)} (${stamp(expected.now)} - 5 min.)`,
    );
  }
  if (signedAt > expected.now + MAX_CLOCK_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${stamp(expected.now + MAX_CLOCK_SKEW_MS)} (${stamp(expected.now)} + 5 min.)`,
    );
  }

  const [path, query = ''] = request.path.split('?');
  const canonicalQuery = query.split('&').filter(Boolean).sort().join('&');
  const canonicalHeaders = signed
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
  const secret = typeof credential === 'string' ? credential : credential.secretAccessKey;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const wanted = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(signature);
  if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) {
    return refuse('InvalidSignatureException', SIGNATURE_MISMATCH);
  }
  return { accessKeyId, region, service };
}
