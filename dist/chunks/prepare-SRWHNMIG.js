import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  collectEcrScanFindings,
  prepareEcr
} from "./chunk-NJEKQVIV.js";
import "./chunk-CKA3S5NP.js";
import "./chunk-UVQWRFO5.js";
import "./chunk-JV5EX6LD.js";
import "./chunk-LMFJZTF2.js";
import "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";
export {
  collectEcrScanFindings,
  prepareEcr
};
