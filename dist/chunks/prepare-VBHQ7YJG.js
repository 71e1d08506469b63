import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  collectEcrScanFindings,
  prepareEcr
} from "./chunk-SRDMONWQ.js";
import "./chunk-H6CBHHC6.js";
import "./chunk-UVQWRFO5.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-RVOSA46I.js";
import "./chunk-LMFJZTF2.js";
import "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";
export {
  collectEcrScanFindings,
  prepareEcr
};
