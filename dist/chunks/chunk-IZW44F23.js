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

export {
  InputError
};
