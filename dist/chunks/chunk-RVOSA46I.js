import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/util/boolean.ts
var TRUE = /* @__PURE__ */ new Set(["true", "yes", "on", "1"]), FALSE = /* @__PURE__ */ new Set(["false", "no", "off", "0"]);
function parseBoolean(input, text, fallback) {
  let value = text.trim().toLowerCase();
  if (value === "") return fallback;
  if (TRUE.has(value)) return !0;
  if (FALSE.has(value)) return !1;
  throw new InputError(input, `"${text.trim()}" is not a boolean (true or false)`);
}

export {
  parseBoolean
};
