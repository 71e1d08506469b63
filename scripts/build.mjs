// Bundles everything GitHub or a user runs into dist/ (committed: GitHub runs the bundle, not src/).
// ESM with code splitting, so heavy clients (AWS SDK, Actions cache) load only when a run needs them.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

await rm('dist', { recursive: true, force: true });

// CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
const banner = {
  js: "import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);",
};

await build({
  entryPoints: {
    'action/main': 'src/action/main.ts',
    'action/post': 'src/action/post.ts',
    'tags/main': 'src/action/tags-main.ts',
    'cli/index': 'src/cli/index.ts',
    'lib/index': 'src/index.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  banner,
  legalComments: 'none',
  minifySyntax: true,
  logLevel: 'warning',
  sourcemap: false,
});

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
