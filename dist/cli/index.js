#!/usr/bin/env node
import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  imageBuildOutputs,
  readImageBuildInputs,
  renderRunReport
} from "../chunks/chunk-L2FWRS7C.js";
import "../chunks/chunk-2PT4JQTW.js";
import {
  runImageBuild
} from "../chunks/chunk-4V2COKR5.js";
import "../chunks/chunk-RVOSA46I.js";
import "../chunks/chunk-3ZRYWWEM.js";
import "../chunks/chunk-LMFJZTF2.js";
import "../chunks/chunk-CYWJL6HG.js";
import {
  createConsoleLogger,
  processRunner
} from "../chunks/chunk-TQ5TNZCH.js";
import {
  InputError
} from "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/cli/main.ts
import { writeFile } from "node:fs/promises";

// src/cli/args.ts
function parseArgs(argv) {
  let inputs = /* @__PURE__ */ new Map(), command = "", help = !1;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = !0;
      continue;
    }
    if (arg.startsWith("--")) {
      let eq = arg.indexOf("="), name = (eq === -1 ? arg.slice(2) : arg.slice(2, eq)).toLowerCase();
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`invalid option "${arg}"`);
      let value;
      eq !== -1 ? value = arg.slice(eq + 1) : i + 1 < argv.length && !argv[i + 1].startsWith("--") ? value = argv[++i] : value = "true";
      let previous = inputs.get(name);
      inputs.set(name, previous === void 0 ? value : `${previous}
${value}`);
      continue;
    }
    if (command) throw new Error(`unexpected argument "${arg}" (the command is already "${command}")`);
    command = arg;
  }
  return { command, inputs, help };
}

// src/cli/main.ts
var USAGE = `usage: image-build <command> [--input value ...]

commands:
  tags      compute tags, labels and build args for the checkout and print them as JSON
  build     compute tags, build, and (with --push) publish; prints the outputs as JSON
  promote   publish an existing image under the computed tags (--promote-from image:tag)

Every option is an input of the GitHub Action with the same name and meaning, e.g.
  image-build build --images ghcr.io/acme/app --tags 'type=semver,pattern={{version}},value=1.2.3' \\
    --context . --push --cache registry --report-file report.md
A multi-line input is given by repeating its option. Outside GitHub Actions the git checkout in the
current directory is the context (--metadata-context git).`;
async function runCli(io) {
  let parsed;
  try {
    parsed = parseArgs(io.argv);
  } catch (error) {
    return io.stderr.write(`${error.message}
${USAGE}
`), 2;
  }
  if (parsed.help || !parsed.command)
    return (parsed.help ? io.stdout : io.stderr).write(`${USAGE}
`), parsed.help ? 0 : 2;
  if (!["tags", "build", "promote"].includes(parsed.command))
    return io.stderr.write(`unknown command "${parsed.command}"
${USAGE}
`), 2;
  let defaults = {
    "metadata-context": io.env.GITHUB_ACTIONS === "true" ? "workflow" : "git",
    // Secrets stay out of argv (visible in `ps`): the token comes from the environment.
    "github-token": io.env.GITHUB_TOKEN ?? ""
  }, read = (name) => parsed.inputs.get(name) ?? defaults[name] ?? "", logger = createConsoleLogger(io.stderr, io.env.IMAGE_BUILD_DEBUG === "true"), state = {};
  try {
    let inputs = readImageBuildInputs(read);
    if (parsed.command === "promote" && !inputs.publish.promoteFrom)
      throw new InputError("promote-from", "promote needs --promote-from image:tag (or image@digest)");
    if (parsed.command === "tags") {
      let { computeTagsOnly } = await import("../chunks/tags-only-BJDSINJH.js"), outputs = await computeTagsOnly(inputs, { env: io.env, runner: io.runner, logger, cwd: io.cwd });
      return io.stdout.write(`${JSON.stringify(outputs, null, 2)}
`), 0;
    }
    let result = await runImageBuild(inputs, {
      env: io.env,
      runner: io.runner,
      logger,
      cwd: io.cwd,
      saveState: (saved) => state = saved
    });
    io.stdout.write(`${JSON.stringify(imageBuildOutputs(result, inputs.metadata), null, 2)}
`);
    let markdown = await renderRunReport(result, { runner: io.runner, logger, env: io.env });
    return inputs.reportFile && await writeFile(inputs.reportFile, markdown), 0;
  } catch (error) {
    return error instanceof InputError ? (logger.error(error.message), 2) : (logger.error(error.message), 1);
  } finally {
    if (state.ecrLogin) {
      let { ecrLogout } = await import("../chunks/login-LWHILDUB.js");
      await ecrLogout(state.ecrLogin, { runner: io.runner, logger, env: io.env });
    }
  }
}

// src/cli/index.ts
runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  runner: processRunner,
  cwd: process.cwd()
}).then((code) => {
  process.exitCode = code;
});
