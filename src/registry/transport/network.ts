import { RegistryError } from './errors.js';

/**
 * A request that got no usable answer: the host was not found, the connection was refused or reset,
 * TLS failed, the answer was too large or redirected too often. The message names the method, the URL
 * and the cause; `transient` says whether another try can help.
 */
export class NetworkError extends RegistryError {
  /** The cause's code: `ECONNREFUSED`, `ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `BODY_TOO_LARGE`, … */
  readonly code: string | undefined;
  readonly transient: boolean;
  /** The cause in words, without method and URL. */
  readonly detail: string;

  constructor(method: string, url: string, detail: string, options: { code?: string; transient: boolean }) {
    super(method, url, undefined, [], detail);
    this.name = 'NetworkError';
    this.code = options.code;
    this.transient = options.transient;
    // No `cause`: the message already says it in words, with its code, and callers that append a
    // cause's code to a message would say it twice.
    this.detail = detail;
  }

  /** The same failure, saying how many attempts were made before giving up. */
  afterAttempts(attempts: number): NetworkError {
    return new NetworkError(this.method, this.url, `${this.detail} (gave up after ${attempts} attempts)`, {
      code: this.code,
      transient: this.transient,
    });
  }
}

interface Cause {
  code?: string;
  message?: string;
  hostname?: string;
  address?: string;
  port?: number;
  /** OpenSSL's short reason, e.g. `wrong version number`, where its message is a long dump. */
  reason?: string;
}

/** Causes worth another try: the network or the server may do better in a moment. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

function causeOf(error: Error): Cause {
  const cause = (error as { cause?: unknown }).cause;
  const found = (typeof cause === 'object' && cause !== null ? cause : error) as Cause;
  // undici wraps some causes once more (e.g. a socket error inside a connect error).
  const inner = (found as { cause?: unknown }).cause;
  if (!found.code && typeof inner === 'object' && inner !== null && 'code' in inner) return inner as Cause;
  return found;
}

/** What went wrong, in words, and whether retrying can help. */
export function describeNetworkFailure(
  error: unknown,
  timeoutMs?: number,
): { detail: string; code?: string; transient: boolean } {
  if (!(error instanceof Error)) return { detail: String(error), transient: false };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    const within = timeoutMs === undefined ? 'in time' : `within ${timeoutMs / 1000} s`;
    return { detail: `no complete answer ${within} (timeout)`, code: 'TIMEOUT', transient: true };
  }
  const cause = causeOf(error);
  const code = cause.code;
  const said = (cause.reason ?? cause.message ?? error.message).trim();
  const where = cause.address ? ` at ${cause.address}${cause.port ? `:${cause.port}` : ''}` : '';
  switch (code) {
    case 'ENOTFOUND':
      return {
        detail: `host not found (${[code, cause.hostname].filter(Boolean).join(' ')})`,
        code,
        transient: false,
      };
    case 'EAI_AGAIN':
      return {
        detail: `host name lookup failed for now (${[code, cause.hostname].filter(Boolean).join(' ')})`,
        code,
        transient: true,
      };
    case 'ECONNREFUSED':
      return {
        detail: `connection refused (ECONNREFUSED)${where}: nothing listens there`,
        code,
        transient: false,
      };
    case 'ECONNRESET':
      // Node says `socket hang up` (no answer at all) or `aborted` (a body cut short) for a
      // connection the server closed; `read ECONNRESET` is a reset.
      if (/^(socket hang up|aborted)$/.test(said)) {
        return {
          detail: `connection closed before the answer was complete (${code}: ${said})`,
          code,
          transient: true,
        };
      }
      return { detail: 'connection reset by the server (ECONNRESET)', code, transient: true };
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return {
        detail: `connection closed before the answer was complete (${code}: ${said})`,
        code,
        transient: true,
      };
    case 'HPE_HEADER_OVERFLOW':
    case 'UND_ERR_HEADERS_OVERFLOW':
      return { detail: `the answer's headers are too large (${code})`, code, transient: false };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { detail: `no route to the host (${code})${where}`, code, transient: false };
  }
  // An OpenSSL failure in the handshake: EPROTO with OpenSSL's dump, whose last part is the reason.
  const openssl = code === 'EPROTO' ? /SSL routines:[^:]*:([^:]+)/.exec(said)?.[1] : undefined;
  if (code && (TLS_CODE.test(code) || openssl)) {
    const reason = openssl ?? said;
    const hint =
      code === 'ERR_SSL_WRONG_VERSION_NUMBER' || reason === 'wrong version number'
        ? '; the server may speak plain HTTP, not HTTPS'
        : '';
    return { detail: `TLS failed (${code}: ${reason})${hint}`, code, transient: false };
  }
  // Node's HTTP parser refusing the answer (HPE_…): a server that does not speak HTTP as it should.
  if (code?.startsWith('HPE_'))
    return { detail: `not a valid HTTP answer: ${said} (${code})`, code, transient: false };
  if (code) return { detail: `${said} (${code})`, code, transient: TRANSIENT_CODES.has(code) };
  // No code: words for a connection that ended early.
  const transient = /socket hang up|other side closed|terminated/i.test(said);
  return { detail: said, transient };
}

/** Network failures worth another try: resets, dropped sockets, timeouts, temporary DNS failures. */
export function isTransientNetworkError(error: unknown): boolean {
  if (error instanceof NetworkError) return error.transient;
  if (!(error instanceof Error) || error instanceof RegistryError) return false;
  return describeNetworkFailure(error).transient;
}

/** The error for a request that failed without an HTTP answer, naming method, URL and cause. */
export function networkError(method: string, url: string, error: unknown, timeoutMs?: number): NetworkError {
  if (error instanceof NetworkError) return error;
  const { detail, code, transient } = describeNetworkFailure(error, timeoutMs);
  return new NetworkError(method, url, detail, { code, transient });
}
