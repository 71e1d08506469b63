#!/usr/bin/env node
import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/cli/index.ts
import module from "node:module";
module.enableCompileCache?.();
var [{ processRunner }, { startCli }] = await Promise.all([
  import("../chunks/exec-3J4LUPUK.js"),
  import("../chunks/process-UCJ3QS5W.js")
]);
startCli(process, processRunner);
