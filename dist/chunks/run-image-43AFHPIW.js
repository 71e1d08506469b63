import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable,
  runImageCommand
} from "./chunk-EXPYT6YI.js";
import "./chunk-X4LPJ4LF.js";
import "./chunk-TLPKESGC.js";
import "./chunk-MI6AKWB5.js";
import "./chunk-VNGL6QUX.js";
import "./chunk-L3H4YKGG.js";
import "./chunk-O2WHQVRQ.js";
import "./chunk-Y3AX2O6C.js";
import "./chunk-LDRL4NVG.js";
import "./chunk-D24LKZC6.js";
import "./chunk-P24YWDYR.js";
import "./chunk-FDPCAI2N.js";
import "./chunk-HDGPXKQO.js";
import "./chunk-Q7USVIHK.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-MUA3NJ56.js";
import "./chunk-IWQOLGT7.js";
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
