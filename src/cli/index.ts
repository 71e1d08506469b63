#!/usr/bin/env node
// The `image-build` command: the action's inputs as flags, the same library underneath.
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules loaded below on disk (os.tmpdir(), or
// NODE_COMPILE_CACHE), so every run after the first starts faster (node 24: about 50 ms of a no-op
// graph run); Node 20 has no such cache. Hence the dynamic imports: static ones would load first.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const [{ processRunner }, { startCli }] = await Promise.all([
  import('../util/exec.js'),
  import('./process.js'),
]);
void startCli(process, processRunner);
