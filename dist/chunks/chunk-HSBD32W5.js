import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  InvalidReferenceError,
  parseReference
} from "./chunk-TJHWOVG4.js";
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/publish/image-input.ts
function parseImageInput(text, input, line) {
  try {
    return parseReference(text);
  } catch (error) {
    throw error instanceof InvalidReferenceError ? new InputError(input, error.message, { line }) : error;
  }
}
function parsePromoteSource(text) {
  let ref = parseImageInput(text, "promote-from");
  if (!ref.tag && !ref.digest) throw new InputError("promote-from", `"${text}" needs a tag or a digest`);
  return ref;
}

// src/tags/environment-images.ts
var PLACEHOLDER = /\{([^{}\n]*)\}/g;
function expandImageTemplate(text, input, environment) {
  return text.replace(PLACEHOLDER, (match, name, offset) => {
    let line = text.slice(0, offset).split(`
`).length;
    if (name.trim() !== "env")
      throw new InputError(
        input,
        `unknown placeholder "${match}" in an image name; the one placeholder is {env}`,
        {
          line
        }
      );
    if (environment === void 0)
      throw new InputError(input, '"{env}" needs an environment (environment input, or --env)', { line });
    return environment;
  });
}
function parseRegistry(text) {
  let registry = text.trim().replace(/\/+$/, "");
  if (!registry) return;
  let fail = (detail) => {
    throw new InputError("registry", detail);
  };
  /^[a-z][a-z0-9+.-]*:\/\//i.test(registry) && fail(
    `"${registry}" has a scheme; give the host alone (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com)`
  );
  let parsed;
  try {
    parsed = parseReference(`${registry}/image`);
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    return fail(
      `"${registry}" is not a registry: ${error.message.replace(/^invalid image reference "[^"]*": /, "")}`
    );
  }
  return (parsed.tag || parsed.digest || !hasRegistry(`${registry}/image`)) && fail(
    `"${registry}" is not a registry host (a name with a "." or ":", or localhost), optionally with a path`
  ), registry;
}
function withDefaultRegistry(name, registry) {
  return registry && !hasRegistry(name) ? `${registry}/${name}` : name;
}
function hasRegistry(name) {
  let slash = name.indexOf("/");
  if (slash < 0) return !1;
  let first = name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}

export {
  parseImageInput,
  parsePromoteSource,
  expandImageTemplate,
  parseRegistry,
  withDefaultRegistry
};
