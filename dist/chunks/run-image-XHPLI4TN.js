import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable,
  runImageCommand
} from "./chunk-BYPMZRT7.js";
import "./chunk-PQWJ2WMQ.js";
import "./chunk-7U6PXVRQ.js";
import "./chunk-WYS3TGKE.js";
import "./chunk-L3XV6VHP.js";
import "./chunk-GTZBCIVX.js";
import "./chunk-XENPY3AT.js";
import "./chunk-HSBD32W5.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-H6RBM4CL.js";
import "./chunk-Y5GTDXKA.js";
import "./chunk-NC6TKLXZ.js";
import "./chunk-3AHURRFX.js";
import "./chunk-LMFJZTF2.js";
import "./chunk-V5NXZBP3.js";
import "./chunk-TJHWOVG4.js";
import "./chunk-6P52IAYP.js";
import "./chunk-RVOSA46I.js";
import "./chunk-MHEIIVAK.js";
import "./chunk-AVJTY6O7.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-EHNN3ETZ.js";
export {
  abortable,
  runImageCommand
};
