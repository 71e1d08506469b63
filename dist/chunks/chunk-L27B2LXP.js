import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/util/exec.ts
import { spawn } from "node:child_process";
var processRunner = {
  run(file, args, options = {}) {
    return new Promise((resolve, reject) => {
      let child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ["pipe", "pipe", "pipe"],
        ...options.signal && { signal: options.signal }
      }), stdout = "", stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk) => {
        stdout += chunk, options.onStdout?.(chunk);
      }), child.stderr.setEncoding("utf8").on("data", (chunk) => {
        stderr += chunk, options.onStderr?.(chunk);
      }), child.on("error", reject), child.on("close", (code) => resolve({ exitCode: code ?? 1, stdout, stderr })), child.stdin.on("error", () => {
      }), child.stdin.end(options.input ?? "");
    });
  }
};

export {
  processRunner
};
