import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/util/log.ts
function createConsoleLogger(stream = process.stderr, verbose = !1) {
  let secrets = [], mask = (message) => secrets.reduce((text, secret) => text.split(secret).join("***"), message), write = (prefix, message) => stream.write(`${prefix}${mask(message)}
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
  createConsoleLogger,
  silentLogger
};
