import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-MI6AKWB5.js";
import {
  inputSpec
} from "./chunk-IWQOLGT7.js";
import {
  isValidTag
} from "./chunk-H5I7P22Y.js";

// src/cli/inputs.ts
function cliInputs(command, values, env) {
  let fail = (message) => {
    throw new UsageError(`${command.name}: ${message}`, command.name);
  }, given = (name) => values.get(name) ?? [], single = (name) => given(name).at(-1), inputs = /* @__PURE__ */ new Map(), warnings = [];
  for (let flag of command.flags) {
    let flagValues = given(flag.name);
    !flag.input || flagValues.length === 0 || (inputs.set(flag.input, flag.kind === "list" ? flagValues.join(`
`) : flagValues[flagValues.length - 1]), inputSpec(flag.input).sensitive && warnings.push(
      `--${flag.name} puts a secret on the command line, where every process on this machine can read it (ps); ` + (flag.input === "secrets" ? "use --secret-envs id=ENV_NAME or --secret-files id=path" : "set GITHUB_TOKEN instead")
    ));
  }
  let environment = environmentInput(values, fail);
  environment !== void 0 && (inputs.has("environment") && fail("give --env or --environment, not both"), inputs.set("environment", environment));
  let tags = given("tag").map(
    (tag) => isValidTag(tag) ? `type=raw,value=${tag}` : fail(`--tag "${tag}" is not a tag (letters, digits, _ . -, up to 128, not starting with . or -)`)
  );
  append(inputs, "tags", tags), append(inputs, "platforms", given("platform"));
  let summary = single("summary");
  summary !== void 0 && (inputs.has("report-file") && fail("give --summary or --report-file, not both"), inputs.set("report-file", summary));
  let defaults = {
    "metadata-context": env.GITHUB_ACTIONS === "true" ? "workflow" : "git",
    "github-token": env.GITHUB_TOKEN,
    registry: env.IMAGE_BUILD_REGISTRY
  };
  return { read: (name) => inputs.get(name) ?? defaults[name] ?? "", warnings };
}
function environmentInput(values, fail) {
  let name = values.get("env")?.at(-1), fields = [
    ["version", values.get("version")?.at(-1)],
    ["latest", values.get("latest")?.at(-1)],
    ["timezone", values.get("timezone")?.at(-1)]
  ];
  if (name === void 0) {
    let orphan = fields.find(([, value]) => value !== void 0);
    orphan && fail(`--${orphan[0]} belongs to the environment policy: give --env too`);
    return;
  }
  return [["name", name], ...fields].filter((field) => field[1] !== void 0).map(([key, value]) => `"${`${key}=${value}`.replace(/"/g, '""')}"`).join(",");
}
function append(inputs, name, lines) {
  if (lines.length === 0) return;
  let current = inputs.get(name);
  inputs.set(name, [...current ? [current] : [], ...lines].join(`
`));
}

export {
  cliInputs
};
