import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  ecrLogin,
  ecrLogout,
  parseEcrLoginState,
  withoutCredentialStores
} from "./chunk-H6CBHHC6.js";
import "./chunk-UVQWRFO5.js";
import "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";
export {
  ecrLogin,
  ecrLogout,
  parseEcrLoginState,
  withoutCredentialStores
};
