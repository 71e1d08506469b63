import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  collectEcrScanFindings,
  prepareEcr
} from "./chunk-NMMRFAUW.js";
import "./chunk-DUHKCMUE.js";
import "./chunk-GB3EZ7WS.js";
import "./chunk-G6KZH775.js";
import "./chunk-P24YWDYR.js";
import "./chunk-HDGPXKQO.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-RVOSA46I.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";
export {
  collectEcrScanFindings,
  prepareEcr
};
