import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  inertLine
} from "./chunk-DSVLZ5QC.js";

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function createRunnerCommands(env = process.env, write = (line) => process.stdout.write(line + EOL)) {
  let command = (name, message) => write(`::${name}::${escapeData(message)}`), fileCommand = (variable, name, value) => {
    let path = env[variable];
    if (!path) return !1;
    let delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
      throw new Error(`${name}: value holds the delimiter`);
    return appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, "utf8"), !0;
  }, failed = !1, resumeToken;
  return {
    getInput(name, options = {}) {
      let value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "";
      return options.trimWhitespace === !1 ? value : value.trim();
    },
    setOutput(name, value) {
      fileCommand("GITHUB_OUTPUT", name, value) || write(`${EOL}::set-output name=${name}::${escapeData(value)}`);
    },
    exportVariable(name, value) {
      env[name] = value, fileCommand("GITHUB_ENV", name, value) || write(`::set-env name=${name}::${escapeData(value)}`);
    },
    saveState(name, value) {
      fileCommand("GITHUB_STATE", name, value) || write(`::save-state name=${name}::${escapeData(value)}`);
    },
    getState: (name) => env[`STATE_${name}`] ?? "",
    appendSummary(markdown) {
      env.GITHUB_STEP_SUMMARY && appendFileSync(env.GITHUB_STEP_SUMMARY, markdown + EOL, "utf8");
    },
    setFailed(message) {
      failed || (process.exitCode = 1), failed = !0, command("error", message);
    },
    logger: {
      debug: (m) => command("debug", m),
      // Inside an untrusted group the runner reads no commands and the builder's lines stay as they are;
      // elsewhere a message may carry a value from outside (a label, a ref): one line, never a command.
      info: (m) => write(resumeToken ? m : inertLine(m)),
      notice: (m) => command("notice", m),
      warning: (m) => command("warning", m),
      error: (m) => command("error", m),
      startGroup: (title, options) => {
        resumeToken && write(`::${resumeToken}::`), resumeToken = void 0, command("group", title), options?.untrusted && (resumeToken = randomUUID(), write(`::stop-commands::${resumeToken}`));
      },
      endGroup: () => {
        resumeToken && write(`::${resumeToken}::`), resumeToken = void 0, write("::endgroup::");
      },
      setSecret: (s) => {
        s && command("add-mask", s);
      }
    }
  };
}

export {
  createRunnerCommands
};
