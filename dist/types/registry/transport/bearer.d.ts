import type { RegistryCredential } from '../credentials.js';
import type { HttpClient } from './http.js';
export interface TokenRequest {
    realm: string;
    service?: string;
    scopes: readonly string[];
    credential?: RegistryCredential;
}
/**
 * Why a bearer challenge's realm may not be asked for a token, or undefined when it may: the realm
 * must be an http(s) URL, and a registry reached over HTTPS must not send us to plain HTTP, where the
 * credentials and the token would travel in clear.
 */
export declare function realmProblem(realm: string | undefined, registryUrl: string): string | undefined;
/**
 * The distribution token flow: GET the realm with service and scopes (basic auth when we have a user),
 * or POST the OAuth2 refresh-token grant for identity tokens. Returns the bearer token.
 */
export declare function fetchBearerToken(http: HttpClient, request: TokenRequest): Promise<string>;
