import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  collectEcrScanFindings,
  prepareEcr
} from "./chunk-BY4FHPM4.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-BRXSFSZD.js";
import "./chunk-Y5GTDXKA.js";
import "./chunk-NC6TKLXZ.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-RVOSA46I.js";
import "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";
export {
  collectEcrScanFindings,
  prepareEcr
};
