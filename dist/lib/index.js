import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createConsoleLogger,
  silentLogger
} from "../chunks/chunk-FYC3TZNP.js";
import {
  InputError,
  processRunner
} from "../chunks/chunk-SFZAPECR.js";
import "../chunks/chunk-EHNN3ETZ.js";
export {
  InputError,
  createConsoleLogger,
  processRunner,
  silentLogger
};
