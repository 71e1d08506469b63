import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  runTagsAction
} from "../chunks/chunk-DTMQYJZV.js";
import {
  InputError,
  processRunner
} from "../chunks/chunk-SFZAPECR.js";
import {
  debug,
  endGroup,
  error,
  exportVariable,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  warning
} from "../chunks/chunk-NXVKH4IJ.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-FNZVPH3E.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/tags-main.ts
var untrimmed = /* @__PURE__ */ new Set(["sep-tags", "sep-labels", "sep-annotations"]);
runTagsAction(
  {
    getInput: (name) => getInput(name, { trimWhitespace: !untrimmed.has(name) }),
    setOutput,
    exportVariable,
    logger: {
      debug,
      info,
      notice: (m) => notice(m),
      warning: (m) => warning(m),
      error: (m) => error(m),
      startGroup,
      endGroup,
      setSecret: (s) => s && setSecret(s)
    }
  },
  { env: process.env, runner: processRunner }
).catch((error2) => {
  setFailed(error2 instanceof InputError ? error2.message : error2.stack ?? String(error2));
});
