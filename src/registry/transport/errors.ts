/** One entry of the distribution error body: `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}`. */
export interface RegistryErrorDetail {
  code: string;
  message: string;
}

/**
 * A registry answered with an error status (or could not be reached). The message names the method,
 * the URL without any credentials, the status and the registry's own error codes.
 */
export class RegistryError extends Error {
  readonly status: number | undefined;
  readonly method: string;
  readonly url: string;
  readonly errors: RegistryErrorDetail[];

  constructor(
    method: string,
    url: string,
    status: number | undefined,
    errors: RegistryErrorDetail[],
    detail?: string,
  ) {
    const codes = errors.map((e) => `${e.code}${e.message ? `: ${e.message}` : ''}`).join('; ');
    const what = status === undefined ? 'failed' : `answered ${status}`;
    super(`${method} ${url} ${what}${codes ? ` (${codes})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'RegistryError';
    this.status = status;
    this.method = method;
    this.url = url;
    this.errors = errors;
  }

  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/** Reads the distribution error body; tolerant of HTML or empty bodies from proxies. */
export function parseErrorBody(body: Uint8Array): RegistryErrorDetail[] {
  if (body.length === 0) return [];
  try {
    const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors
      .filter((e): e is { code?: unknown; message?: unknown } => typeof e === 'object' && e !== null)
      .map((e) => ({
        code: String(e.code ?? 'UNKNOWN'),
        message: typeof e.message === 'string' ? e.message : '',
      }));
  } catch {
    return [];
  }
}

/** Removes user:password@ from a URL before it goes into a message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}
