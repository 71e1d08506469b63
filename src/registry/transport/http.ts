/** The one seam between the registry client and the network: tests may swap it for a fake. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  /** Bytes, kept as given: a retry re-sends the same buffer. */
  body?: Uint8Array | string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export interface FetchClientOptions {
  /** Per-request timeout, covering the whole response body. */
  timeoutMs?: number;
}

/** HttpClient on Node's fetch (undici): keep-alive, no cookies, a timeout per request. */
export function createFetchClient(options: FetchClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(request) {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body:
          typeof request.body === 'string' || request.body === undefined
            ? request.body
            : Buffer.from(request.body),
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const body =
        request.method === 'HEAD' ? new Uint8Array() : new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers, body };
    },
  };
}
