import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/util/log.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g;
function escapeControl(char) {
  if (char === `
`) return "\\n";
  if (char === "\r") return "\\r";
  let code = char.charCodeAt(0);
  return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
}
function inertLine(text) {
  return text.replace(CONTROL, escapeControl).replace(/^(\s*):(?=:)/, "$1: ").replace(/##\[/g, "## [");
}
function inertLines(text) {
  return text.split(/\r\n|\r|\n/).map(inertLine).join(`
`);
}
function createConsoleLogger(stream = process.stderr, verbose = !1) {
  let secrets = [], mask = (message) => inertLines(secrets.reduce((text, secret) => text.split(secret).join("***"), message)), write = (prefix, message) => stream.write(`${prefix}${mask(message)}
`);
  return {
    debug: (m) => verbose && write("debug: ", m),
    info: (m) => write("", m),
    notice: (m) => write("notice: ", m),
    warning: (m) => write("warning: ", m),
    error: (m) => write("error: ", m),
    startGroup: (t) => write("\u25B8 ", t),
    endGroup: () => {
    },
    setSecret: (s) => {
      s && secrets.push(s);
    }
  };
}
var silentLogger = {
  debug: () => {
  },
  info: () => {
  },
  notice: () => {
  },
  warning: () => {
  },
  error: () => {
  },
  startGroup: () => {
  },
  endGroup: () => {
  },
  setSecret: () => {
  }
};

export {
  inertLine,
  inertLines,
  createConsoleLogger,
  silentLogger
};
