import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable,
  runImageCommand
} from "./chunk-GUARZHDE.js";
import "./chunk-SYFVHYVW.js";
import "./chunk-BSSPYY4S.js";
import "./chunk-RGF6SVFX.js";
import "./chunk-QFYRCVJN.js";
import "./chunk-7P2AKVGT.js";
import "./chunk-AKSUT4PJ.js";
import "./chunk-3LWHMFOS.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-BRXSFSZD.js";
import "./chunk-TDKYOIJ3.js";
import "./chunk-Y5GTDXKA.js";
import "./chunk-NC6TKLXZ.js";
import "./chunk-JSZ6ZCTY.js";
import "./chunk-VZOV2WUC.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-WNOPFT6U.js";
import "./chunk-I3OPRBHP.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-3SHOVWDN.js";
import "./chunk-DNMQM3EE.js";
import "./chunk-RVOSA46I.js";
import "./chunk-AVJTY6O7.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-EHNN3ETZ.js";
export {
  abortable,
  runImageCommand
};
