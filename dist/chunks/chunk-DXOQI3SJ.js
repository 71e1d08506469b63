import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/pipeline/errors.ts
var INTERNAL = [TypeError, ReferenceError, RangeError, SyntaxError];
function describeError(error) {
  if (!(error instanceof Error))
    return { message: `internal error: ${String(error)}`, internal: !0, input: !1 };
  let internal = INTERNAL.some((type) => error instanceof type), output = error.output;
  return {
    message: internal ? `internal error: ${error.message}` : error.message,
    ...typeof output == "string" && output.trim() !== "" && { output: output.trimEnd() },
    ...error.stack !== void 0 && { stack: error.stack },
    internal,
    input: error instanceof InputError
  };
}

export {
  describeError
};
