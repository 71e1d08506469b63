import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable,
  runImageCommand
} from "./chunk-KZLZ5FAY.js";
import "./chunk-JVMO4QVR.js";
import "./chunk-BSSPYY4S.js";
import "./chunk-ITN6MEF3.js";
import "./chunk-MV4OAWGO.js";
import "./chunk-DSWSRCRZ.js";
import "./chunk-4KUHXWPE.js";
import "./chunk-IIN76MOW.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-BRXSFSZD.js";
import "./chunk-TDKYOIJ3.js";
import "./chunk-Y5GTDXKA.js";
import "./chunk-NC6TKLXZ.js";
import "./chunk-JSZ6ZCTY.js";
import "./chunk-VZOV2WUC.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-H36VPZJ7.js";
import "./chunk-EA36FCXJ.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-3SHOVWDN.js";
import "./chunk-IOKZEECY.js";
import "./chunk-RVOSA46I.js";
import "./chunk-AVJTY6O7.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-EHNN3ETZ.js";
export {
  abortable,
  runImageCommand
};
