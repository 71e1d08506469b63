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
export function parseChallenge(header: string | undefined): AuthChallenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  const scheme = name === 'basic' || name === 'bearer' ? name : 'other';
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/gy;
  const rest = match[2];
  pattern.lastIndex = 0;
  let param: RegExpExecArray | null;
  while (pattern.lastIndex < rest.length && (param = pattern.exec(rest)) !== null) {
    const value = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
    params[param[1].toLowerCase()] = value;
  }
  return { scheme, params };
}
