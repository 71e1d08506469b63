/** A parsed `WWW-Authenticate` challenge: `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`. */
export interface AuthChallenge {
    scheme: 'basic' | 'bearer' | 'other';
    /** Lower-case parameter names. */
    params: Record<string, string>;
}
/**
 * Parses the first challenge of a `WWW-Authenticate` header. Values may be quoted (with `\"` escapes)
 * or bare tokens; a quoted scope may itself contain commas.
 */
export declare function parseChallenge(header: string | undefined): AuthChallenge | undefined;
