import type { HttpResponse } from '../transport/http.js';
import type { RegistryRequest, RegistryTransport } from '../transport/transport.js';
/** What every operation needs: a way to send, and a way to fail with the registry's own words. */
export interface Session {
    send(request: RegistryRequest, scopes: readonly string[]): Promise<HttpResponse>;
    fail(request: RegistryRequest, response: HttpResponse, detail?: string): never;
    readonly baseUrl: string;
}
export declare function createSession(transport: RegistryTransport): Session;
export declare const pullScope: (repository: string) => string;
export declare const pushScope: (repository: string) => string;
