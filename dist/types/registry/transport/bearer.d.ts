import type { RegistryCredential } from '../credentials.js';
import type { HttpClient } from './http.js';
export interface TokenRequest {
    realm: string;
    service?: string;
    scopes: readonly string[];
    credential?: RegistryCredential;
}
/**
 * The distribution token flow: GET the realm with service and scopes (basic auth when we have a user),
 * or POST the OAuth2 refresh-token grant for identity tokens. Returns the bearer token.
 */
export declare function fetchBearerToken(http: HttpClient, request: TokenRequest): Promise<string>;
