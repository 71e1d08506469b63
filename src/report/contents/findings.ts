import type { FindingKind } from './types.js';

export interface PathClass {
  kind: FindingKind;
  category: string;
}

const BIN_DIRS = /^(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/;
// Compilers, linkers and make, bare or versioned / triplet-prefixed (`x86_64-linux-gnu-gcc-12`).
const BUILD_TOOL =
  /^(?:[a-z0-9_]+-(?:linux|w64|pc|unknown)-[a-z0-9_-]*?-)?(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|make|gmake|cmake|ld|ld\.bfd|ld\.gold|gfortran|rustc|cargo|go)(?:-\d+(?:\.\d+)*)?$/;

const CACHES: [RegExp, string][] = [
  [/^var\/lib\/apt\/lists\/(?!lock$|partial\/)/, 'apt lists'],
  [/^var\/cache\/apt\/(?:archives\/.*\.deb$|[^/]+\.bin$)/, 'apt cache'],
  [/^var\/cache\/apk\//, 'apk cache'],
  [/^var\/cache\/(?:yum|dnf)\//, 'yum/dnf cache'],
  [/(?:^|\/)\.cache\/pip\//, 'pip cache'],
  [/(?:^|\/)\.cache\/pypoetry\//, 'poetry cache'],
  [/(?:^|\/)\.npm\/_cacache\//, 'npm cache'],
  [/(?:^|\/)\.cache\/yarn\/|^usr\/local\/share\/\.cache\/yarn\//, 'yarn cache'],
  [/(?:^|\/)__pycache__\/|\.py[co]$/, 'python bytecode'],
];

// Packages ship test fixtures such as `tests/server.key`: fake by design, and not the image's secrets.
const TEST_DIR = /(?:^|\/)(?:tests?|testdata|testing|fixtures)\//;
const SECRETS: [RegExp, string][] = [
  [/(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/, 'dotenv file'],
  [/(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)$/, 'SSH private key'],
  [/\.key$|(?:^|\/|[-_.])(?:priv)?key\.pem$|(?:^|\/)privkey[^/]*\.pem$|\.p12$|\.pfx$/, 'private key'],
  [
    /(?:^|\/)\.aws\/credentials$|(?:^|\/)\.config\/gcloud\/(?:credentials\.db|application_default_credentials\.json)$|(?:^|\/)\.azure\/(?:accessTokens|msal_token_cache)\.json$/,
    'cloud credentials',
  ],
  [
    /(?:^|\/)(?:\.docker\/config\.json|\.kube\/config|\.git-credentials|\.netrc|\.npmrc|\.pypirc)$/,
    'credentials file',
  ],
];

// Every pattern below needs one of these: most paths are ruled out by this one test.
const MAYBE =
  /bin\/|apt\/|apk\/|yum\/|dnf\/|\.cache\/|\.npm\/|__pycache__|\.py[co]$|\.env|id_|key|\.p12$|\.pfx$|\.aws\/|gcloud|\.azure\/|\.docker\/|\.kube\/|credentials|\.netrc$|\.npmrc$|\.pypirc$/;

/** What a path of the final filesystem means for the production checks, if anything. */
export function classifyPath(path: string, isFile: boolean): PathClass | undefined {
  if (!MAYBE.test(path)) return undefined;
  if (BIN_DIRS.test(path)) {
    const tool = BUILD_TOOL.exec(path.slice(path.lastIndexOf('/') + 1));
    if (tool) return { kind: 'build-tool', category: tool[1] };
  }
  if (!isFile) return undefined;
  for (const [pattern, category] of CACHES)
    if (pattern.test(path)) return { kind: 'package-cache', category };
  if (TEST_DIR.test(path)) return undefined;
  for (const [pattern, category] of SECRETS) if (pattern.test(path)) return { kind: 'secret', category };
  return undefined;
}
