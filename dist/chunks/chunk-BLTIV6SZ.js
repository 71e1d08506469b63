import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  debug,
  endGroup,
  error,
  info,
  notice,
  setSecret,
  startGroup,
  warning
} from "./chunk-NXVKH4IJ.js";

// src/action/logger.ts
function createActionsLogger() {
  return {
    debug: (m) => debug(m),
    info: (m) => info(m),
    notice: (m) => notice(m),
    warning: (m) => warning(m),
    error: (m) => error(m),
    startGroup: (t) => startGroup(t),
    endGroup: () => endGroup(),
    setSecret: (s) => {
      s && setSecret(s);
    }
  };
}

export {
  createActionsLogger
};
