import { parseErrorBody, RegistryError } from '../transport/errors.js';
import type { HttpResponse } from '../transport/http.js';
import type { RegistryRequest, RegistryTransport } from '../transport/transport.js';

/** What every operation needs: a way to send, and a way to fail with the registry's own words. */
export interface Session {
  send(request: RegistryRequest, scopes: readonly string[]): Promise<HttpResponse>;
  fail(request: RegistryRequest, response: HttpResponse, detail?: string): never;
  readonly baseUrl: string;
}

export function createSession(transport: RegistryTransport): Session {
  return {
    baseUrl: transport.baseUrl,
    send: (request, scopes) => transport.send(request, scopes),
    fail(request, response, detail) {
      throw new RegistryError(
        request.method,
        transport.baseUrl + request.path,
        response.status,
        parseErrorBody(response.body),
        detail,
      );
    },
  };
}

export const pullScope = (repository: string) => `repository:${repository}:pull`;
export const pushScope = (repository: string) => `repository:${repository}:pull,push`;
