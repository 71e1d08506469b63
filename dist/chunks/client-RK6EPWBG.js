import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  MISSING_CREDENTIALS_HELP,
  asCredentialsError,
  checkEcrCredentials,
  createEcrClient,
  ecrClientOptionsFor
} from "./chunk-DUHKCMUE.js";
import "./chunk-GB3EZ7WS.js";
import "./chunk-G6KZH775.js";
import "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";
export {
  MISSING_CREDENTIALS_HELP,
  asCredentialsError,
  checkEcrCredentials,
  createEcrClient,
  ecrClientOptionsFor
};
