import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/util/errors.ts
var InputError = class extends Error {
  input;
  line;
  field;
  constructor(input, detail, where = {}) {
    let place = [
      `input "${input}"`,
      where.line !== void 0 ? `line ${where.line}` : void 0,
      where.field !== void 0 ? `field "${where.field}"` : void 0
    ].filter(Boolean).join(", ");
    super(`${place}: ${detail}`), this.name = "InputError", this.input = input, this.line = where.line, this.field = where.field;
  }
};

// src/util/exec.ts
import { spawn } from "node:child_process";
var processRunner = {
  run(file, args, options = {}) {
    return new Promise((resolve, reject) => {
      let child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ["pipe", "pipe", "pipe"]
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
  InputError,
  processRunner
};
