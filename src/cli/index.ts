#!/usr/bin/env node
// The `image-build` command: the action's inputs as flags, the same library underneath.
import { processRunner } from '../util/exec.js';
import { runCli } from './main.js';

runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  runner: processRunner,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
