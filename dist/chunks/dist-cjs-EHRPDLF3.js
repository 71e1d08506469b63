import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  require_dist_cjs
} from "./chunk-GB3EZ7WS.js";
import "./chunk-G6KZH775.js";
import "./chunk-EHNN3ETZ.js";
export default require_dist_cjs();
