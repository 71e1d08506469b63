import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/cli/context.ts
var EXIT = { ok: 0, failed: 1, usage: 2 };
function signalExitCode(signal) {
  return signal.reason === "SIGTERM" ? 143 : 130;
}

export {
  EXIT,
  signalExitCode
};
