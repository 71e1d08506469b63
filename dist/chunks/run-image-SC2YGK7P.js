import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable,
  runImageCommand
} from "./chunk-7NKKGS4X.js";
import "./chunk-QSOM5PWO.js";
import "./chunk-N5XEAGOV.js";
import "./chunk-ITN6MEF3.js";
import "./chunk-S7NCRZN3.js";
import "./chunk-XYK2EBX3.js";
import "./chunk-7IT3DFWG.js";
import "./chunk-62PFAP5H.js";
import "./chunk-3SHOVWDN.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-BRXSFSZD.js";
import "./chunk-YODQ2TNF.js";
import "./chunk-HDGPXKQO.js";
import "./chunk-JSZ6ZCTY.js";
import "./chunk-VZOV2WUC.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-UF2JH5DV.js";
import "./chunk-R2RM5ID2.js";
import "./chunk-IOKZEECY.js";
import "./chunk-RVOSA46I.js";
import "./chunk-DSVLZ5QC.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";
export {
  abortable,
  runImageCommand
};
