import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/util/replace-file.ts
import { randomBytes } from "node:crypto";
import { rm, writeFile, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function replaceFile(path, text) {
  let temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx", mode: 420 });
  try {
    await rename(temporary, path);
  } catch (error) {
    throw await rm(temporary, { force: !0 }).catch(() => {
    }), error;
  }
}

export {
  replaceFile
};
