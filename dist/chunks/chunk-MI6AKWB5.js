import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  GRAPH_PER_IMAGE_INPUTS
} from "./chunk-VNGL6QUX.js";
import {
  INPUT_SPEC,
  closestMatch
} from "./chunk-IWQOLGT7.js";

// src/cli/context.ts
var EXIT = { ok: 0, failed: 1, usage: 2 };
function signalExitCode(signal) {
  return signal.reason === "SIGTERM" ? 143 : 130;
}

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/flags.ts
function inputFlag(spec) {
  let cliDefault = spec.cli && "default" in spec.cli ? spec.cli.default : void 0;
  return {
    name: spec.name,
    kind: spec.kind,
    description: spec.description,
    ...spec.kind !== "boolean" && { valueName: spec.kind === "list" ? "LINE" : "VALUE" },
    ...(cliDefault ?? spec.default) !== void 0 && { default: cliDefault ?? spec.default },
    input: spec.name,
    group: spec.group
  };
}
function inputFlags(groups, except = []) {
  return INPUT_SPEC.filter(
    (spec) => groups.includes(spec.group) && !(spec.cli && "omitted" in spec.cli) && !except.includes(spec.name)
  ).map(inputFlag);
}
var ENVIRONMENT_FLAGS = [
  {
    name: "env",
    kind: "string",
    valueName: "NAME",
    description: "Environment to tag for, any name (dev, staging, prod, qa): the environment policy (docs/cli.md); the same as --environment NAME"
  },
  {
    name: "version",
    kind: "string",
    valueName: "SEMVER",
    description: "Version of this build (1.0.0, 1.0.0-rc.1): tagged v<version>, and <version> in prod; needs --env"
  },
  {
    name: "latest",
    kind: "string",
    valueName: "MODE",
    default: "auto",
    description: "When the policy tags latest: auto (the floating-tag guard decides), always (the build script did; the guard is off), never; needs --env"
  },
  {
    name: "timezone",
    kind: "string",
    valueName: "ZONE",
    default: "UTC",
    description: "IANA time zone of the <env>-<YYYYMMDD-HHmmss> tag; needs --env"
  }
], TAG_FLAG = {
  name: "tag",
  kind: "list",
  valueName: "TAG",
  description: "One more tag, as it is; the same as --tags type=raw,value=TAG"
}, PLATFORM_FLAG = {
  name: "platform",
  kind: "list",
  valueName: "PLATFORM",
  description: "A target platform such as linux/arm64; the same as --platforms"
}, JSON_FLAG = {
  name: "json",
  kind: "boolean",
  description: "Print the outputs as one JSON object on stdout, and nothing else there (progress stays on stderr)"
}, SUMMARY_FLAG = {
  name: "summary",
  kind: "string",
  valueName: "FILE",
  description: "Write the report (markdown) to FILE, replacing it whole; the same as --report-file"
}, COMMON_FLAGS = [
  {
    name: "debug",
    kind: "boolean",
    description: "Show debug lines, the builder's own output and an error's stack (also IMAGE_BUILD_DEBUG=true)"
  },
  { name: "help", kind: "boolean", short: "h", description: "Show the flags of this command" }
], GRAPH_VALUE_NAMES = {
  "images-file": "FILE",
  only: "NAME",
  concurrency: "N"
};
function graphFlags(except) {
  return inputFlags(["graph"], except).map(({ group: _group, ...flag }) => ({
    ...flag,
    ...GRAPH_VALUE_NAMES[flag.name] && { valueName: GRAPH_VALUE_NAMES[flag.name] }
  }));
}
var GRAPH_FLAGS = graphFlags(["concurrency", "reuse"]), GRAPH_RUN_FLAGS = graphFlags(["images-file", "only"]), REPORT_FLAGS = [
  {
    name: "image",
    kind: "string",
    valueName: "IMAGE",
    description: "The image to report on (or give it as the argument): image:tag or image@digest in its registry, a docker save tarball, or an OCI layout directory"
  },
  {
    name: "baseline",
    kind: "string",
    valueName: "IMAGE",
    description: "An image to compare with (the previous release), in the same forms: size and layer deltas; one that does not exist gives a notice"
  },
  {
    name: "platform",
    kind: "string",
    valueName: "PLATFORM",
    description: "The platform to report on when the image is an index (default: the first real one)"
  }
];

// src/cli/commands.ts
var PER_IMAGE = GRAPH_PER_IMAGE_INPUTS, COMMANDS = [
  {
    name: "build",
    aliases: [],
    summary: "Compute the tags, build the image and, with --push, publish it; then the report",
    flags: [
      ...ENVIRONMENT_FLAGS,
      TAG_FLAG,
      PLATFORM_FLAG,
      ...inputFlags(["tags", "build", "cache", "publish", "ecr", "report"], ["promote-from"]),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS
    ],
    examples: [
      {
        description: "The RAG team's build script: a release candidate for staging, pushed to ECR",
        argv: [
          "build",
          "--images",
          "rag-worker-{env}",
          "--env",
          "staging",
          "--version",
          "1.0.0-rc.1",
          "--registry",
          "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
          "--push"
        ]
      },
      {
        description: "The same, moving latest to the release candidate as the script did",
        argv: [
          "build",
          "--images",
          "rag-worker-{env}",
          "--env",
          "staging",
          "--version",
          "1.0.0-rc.1",
          "--latest",
          "always",
          "--push"
        ]
      },
      {
        description: "A production release without the build cache, with one more tag",
        argv: [
          "build",
          "--images",
          "ghcr.io/acme/api",
          "--env",
          "prod",
          "--version",
          "1.0.0",
          "--no-cache",
          "--tag",
          "stable",
          "--push"
        ]
      },
      {
        description: "metadata-action's tag rules, a registry cache and a report file",
        argv: [
          "build",
          "--images",
          "ghcr.io/acme/api",
          "--tags",
          "type=semver,pattern={{version}},value=1.2.3",
          "--tags",
          "type=sha",
          "--context",
          ".",
          "--file",
          "docker/Dockerfile",
          "--target",
          "runtime",
          "--cache",
          "registry",
          "--push",
          "--summary",
          "report.md"
        ]
      },
      {
        description: "Two platforms, outputs as JSON for a script",
        argv: [
          "build",
          "--images",
          "ghcr.io/acme/api",
          "--env",
          "dev",
          "--platform",
          "linux/amd64",
          "--platform",
          "linux/arm64",
          "--push=true",
          "--json"
        ]
      }
    ]
  },
  {
    name: "tags",
    aliases: [],
    summary: "Compute the tags, labels and build args for the checkout and print them; builds nothing",
    flags: [...ENVIRONMENT_FLAGS, TAG_FLAG, ...inputFlags(["tags"]), JSON_FLAG, ...COMMON_FLAGS],
    examples: [
      {
        description: "What the staging policy would tag",
        argv: ["tags", "--images", "rag-worker-{env}", "--env", "staging", "--version", "1.0.0-rc.1"]
      },
      {
        description: "The tags of a metadata-action rule, as JSON",
        argv: ["tags", "--images", "ghcr.io/acme/api", "--tags", "type=sha", "--json"]
      }
    ]
  },
  {
    name: "promote",
    aliases: ["publish"],
    summary: "Publish an existing image under the computed tags, without building (nothing is uploaded twice)",
    flags: [
      ...ENVIRONMENT_FLAGS,
      TAG_FLAG,
      // Promote names its image: a release's reuse of its commit's image does not apply.
      ...inputFlags(["tags", "publish", "ecr", "report"], ["push", "reuse-commit", "release-annotations"]),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS
    ],
    examples: [
      {
        description: "Promote the image built for a commit to prod",
        argv: [
          "promote",
          "--images",
          "ghcr.io/acme/api",
          "--promote-from",
          "ghcr.io/acme/api:git-a1b2c3d",
          "--env",
          "prod",
          "--version",
          "1.0.0"
        ]
      },
      {
        description: "The same command under its other name, with raw tags",
        argv: [
          "publish",
          "--images",
          "ghcr.io/acme/api",
          "--promote-from",
          "ghcr.io/acme/api:git-a1b2c3d",
          "--tag",
          "prod"
        ]
      }
    ]
  },
  {
    name: "plan",
    aliases: [],
    summary: "Print the images file as a plan (JSON): order, inputs hashes, what is already published",
    flags: [
      ...GRAPH_FLAGS,
      ...ENVIRONMENT_FLAGS,
      ...inputFlags(["tags", "build", "cache", "publish", "ecr"], PER_IMAGE),
      JSON_FLAG,
      ...COMMON_FLAGS
    ],
    examples: [
      {
        description: "The plan a workflow fans out over a matrix",
        argv: ["plan", "--images-file", "image-build.yml", "--registry", "ghcr.io/acme", "--json"]
      }
    ]
  },
  {
    name: "graph",
    aliases: [],
    summary: "Build the images file: parents first, unchanged images reused, one report for all",
    flags: [
      ...GRAPH_FLAGS,
      ...GRAPH_RUN_FLAGS,
      ...ENVIRONMENT_FLAGS,
      PLATFORM_FLAG,
      ...inputFlags(["tags", "build", "cache", "publish", "ecr", "report"], PER_IMAGE),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS
    ],
    examples: [
      {
        description: "Build and publish the whole graph",
        argv: ["graph", "--images-file", "image-build.yml", "--registry", "ghcr.io/acme", "--push"]
      },
      {
        description: "One image of it, in one job of a matrix",
        argv: ["graph", "--only", "embedder", "--registry", "ghcr.io/acme", "--push", "--concurrency", "1"]
      }
    ]
  },
  {
    name: "report",
    aliases: [],
    summary: "Report on an image: size, layers, files, base, checks; from its registry, a docker save tarball or an OCI layout (no daemon needed)",
    positional: "image",
    flags: [
      ...REPORT_FLAGS,
      ...inputFlags(["tags"], []).filter((flag) => flag.name === "registry"),
      ...inputFlags(
        ["report"],
        ["report-file", "report-baseline", "smoke-test", "smoke-test-timeout", "smoke-test-network"]
      ),
      JSON_FLAG,
      SUMMARY_FLAG,
      ...COMMON_FLAGS
    ],
    examples: [
      {
        description: "A release against the one before it",
        argv: ["report", "ghcr.io/acme/api:1.1.0", "--baseline", "ghcr.io/acme/api:1.0.0"]
      },
      {
        description: "A tarball from docker save, as a dive replacement without a daemon",
        argv: ["report", "api.tar"]
      },
      {
        description: "One platform of a multi-platform image, as JSON",
        argv: ["report", "ghcr.io/acme/api:1.1.0", "--platform", "linux/arm64", "--json"]
      }
    ]
  }
];
function findCommand(word) {
  return COMMANDS.find((command) => command.name === word || command.aliases.includes(word));
}

// src/cli/args.ts
var UsageError = class extends Error {
  /** The command whose help would have helped, when one was named. */
  command;
  constructor(message, command) {
    super(message), this.name = "UsageError", this.command = command;
  }
};
function parseCommandLine(argv) {
  let [word, ...rest] = argv;
  if (word === void 0 || word === "--help" || word === "-h") return { kind: "help" };
  if (word === "--version" || word === "-V" || word === "version") return { kind: "version" };
  if (word === "help")
    return rest.length === 0 ? { kind: "help" } : { kind: "help", command: commandNamed(rest[0]) };
  if (word.startsWith("-"))
    throw new UsageError(`the command comes first: image-build <command> [flags] (got "${word}")`);
  let command = commandNamed(word), terminator = rest.indexOf("--"), flagArgs = terminator < 0 ? rest : rest.slice(0, terminator);
  return flagArgs.includes("--help") || flagArgs.includes("-h") ? { kind: "help", command } : { kind: "run", command, values: parseFlags(command, rest) };
}
function commandNamed(word) {
  let command = findCommand(word);
  if (command) return command;
  let names = COMMANDS.flatMap((c) => [c.name, ...c.aliases]), near = closestMatch(word, names);
  throw new UsageError(
    `unknown command "${word}"${near ? ` (did you mean ${near}?)` : ""}; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`
  );
}
function parseFlags(command, args) {
  let byName = new Map(command.flags.map((flag) => [flag.name, flag])), options = {};
  for (let flag of command.flags)
    options[flag.name] = {
      type: flag.kind === "boolean" ? "boolean" : "string",
      multiple: !0,
      ...flag.short && { short: flag.short }
    };
  let fail = (message) => {
    throw new UsageError(`${command.name}: ${message}`, command.name);
  }, { tokens } = parseArgs({
    args: [...args],
    options,
    strict: !1,
    allowPositionals: !0,
    tokens: !0
  }), seen = /* @__PURE__ */ new Set(), previous, terminated = !1, positionals = 0;
  for (let token of tokens) {
    if (token.kind === "option-terminator")
      terminated = !0;
    else if (token.kind === "positional" && command.positional && !terminated && positionals++ === 0 && !(previous?.kind === "option" && byName.get(previous.name)?.kind === "boolean" && !previous.inlineValue))
      seen.has(command.positional) && fail(`give the ${command.positional} once (as --${command.positional} or as the argument)`), seen.add(command.positional);
    else if (token.kind === "positional") {
      let after = previous?.kind === "option" && byName.get(previous.name)?.kind === "boolean" && !previous.inlineValue ? ` (${previous.rawName} takes no separate value: write ${previous.rawName}=${token.value})` : terminated ? " (after --, which ends the flags)" : "";
      fail(
        `unexpected argument "${token.value}"${after}; ${command.name} takes ${command.positional ? `one argument (the ${command.positional}) and flags` : "flags only"}`
      );
    } else {
      let flag = byName.get(token.name);
      if (flag)
        flag.kind !== "boolean" && (token.value === void 0 || !token.inlineValue && token.value.startsWith("-")) && fail(
          `${token.rawName} needs a value${token.value === void 0 ? "" : ` (for one that starts with "-", write ${token.rawName}=${token.value})`}`
        ), flag.kind !== "list" && seen.has(flag.name) && fail(
          flag.name === command.positional ? `give the ${flag.name} once (as --${flag.name} or as the argument)` : `--${flag.name} is given twice`
        ), seen.add(flag.name);
      else {
        let near = closestMatch(token.name, byName.keys());
        fail(
          `unknown flag ${token.rawName}${near ? ` (did you mean --${near}?)` : ""}; see image-build ${command.name} --help`
        );
      }
    }
    previous = token;
  }
  let inlineBooleans = /* @__PURE__ */ new Map(), end = args.indexOf("--"), stripped = args.map((arg, index) => {
    let equals = arg.indexOf("=");
    return !arg.startsWith("--") || equals < 0 || end >= 0 && index > end || byName.get(arg.slice(2, equals))?.kind !== "boolean" ? arg : (inlineBooleans.set(index, arg.slice(equals + 1)), arg.slice(0, equals));
  }), parsed;
  try {
    parsed = parseArgs({
      args: stripped,
      options,
      strict: !0,
      allowPositionals: !!command.positional,
      tokens: !0
    });
  } catch (error) {
    return fail(error.message.split(`
`)[0]);
  }
  let values = /* @__PURE__ */ new Map();
  for (let token of parsed.tokens) {
    if (token.kind === "positional" && command.positional && values.set(command.positional, [token.value]), token.kind !== "option") continue;
    let value = token.value ?? inlineBooleans.get(token.index) ?? "true";
    values.set(token.name, [...values.get(token.name) ?? [], value]);
  }
  return values;
}

export {
  EXIT,
  signalExitCode,
  COMMANDS,
  UsageError,
  parseCommandLine
};
