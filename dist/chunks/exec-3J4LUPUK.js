import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  processRunner
} from "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";
export {
  processRunner
};
