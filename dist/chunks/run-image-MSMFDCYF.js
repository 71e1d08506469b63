import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable,
  runImageCommand
} from "./chunk-IPCMK3G7.js";
import "./chunk-ZIR4BPCT.js";
import "./chunk-PVQHI6BJ.js";
import "./chunk-RGF6SVFX.js";
import "./chunk-VP2X7VXC.js";
import "./chunk-5XBGXS7G.js";
import "./chunk-VMHAKKMG.js";
import "./chunk-YYUXGSDC.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-GKR24YA5.js";
import "./chunk-Y5GTDXKA.js";
import "./chunk-NC6TKLXZ.js";
import "./chunk-7RYLJHA4.js";
import "./chunk-WQKDLGQ5.js";
import "./chunk-LMFJZTF2.js";
import "./chunk-S2PX74AY.js";
import "./chunk-6P52IAYP.js";
import "./chunk-RVOSA46I.js";
import "./chunk-DNMQM3EE.js";
import "./chunk-AVJTY6O7.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-EHNN3ETZ.js";
export {
  abortable,
  runImageCommand
};
