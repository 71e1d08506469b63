import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createTerminal,
  wantsColor
} from "./chunk-TLPKESGC.js";
import {
  COMMANDS,
  EXIT,
  UsageError,
  parseCommandLine,
  signalExitCode
} from "./chunk-MI6AKWB5.js";
import "./chunk-VNGL6QUX.js";
import {
  describeError
} from "./chunk-DXOQI3SJ.js";
import "./chunk-D24LKZC6.js";
import "./chunk-P24YWDYR.js";
import "./chunk-Q7USVIHK.js";
import "./chunk-GRZBPOVS.js";
import {
  INPUT_GROUP_TITLES
} from "./chunk-IWQOLGT7.js";
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  inertLine,
  inertLines
} from "./chunk-DSVLZ5QC.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";

// src/cli/main.ts
import { readFileSync } from "node:fs";

// src/cli/help.ts
var WIDTH = 100, INDENT = 6;
function flagSections(command) {
  let own = command.flags.filter((flag) => !flag.group), sections = [{ title: `${command.name} flags`, flags: own }];
  for (let [group, title] of Object.entries(INPUT_GROUP_TITLES)) {
    let flags = command.flags.filter((flag) => flag.group === group);
    flags.length > 0 && sections.push({ title: `Action inputs: ${title}`, flags });
  }
  return sections;
}
function flagUsage(flag) {
  let names = `${flag.short ? `-${flag.short}, ` : ""}--${flag.name}`, value = flag.valueName ? ` ${flag.valueName}` : "";
  return `${names}${value}${flag.kind === "list" ? " (repeatable)" : ""}`;
}
function wrap(text, indent) {
  let lines = [], line = "";
  for (let word of text.split(/\s+/))
    line && indent + line.length + 1 + word.length > WIDTH ? (lines.push(line), line = word) : line = line ? `${line} ${word}` : word;
  return line && lines.push(line), lines.map((text2) => `${" ".repeat(indent)}${text2}`);
}
function renderUsage() {
  let width = Math.max(...COMMANDS.map((c) => [c.name, ...c.aliases].join(", ").length));
  return [
    "usage: image-build <command> [flags]",
    "",
    "Builds, tags and publishes container images as the image-build GitHub Action does, from a terminal.",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${[c.name, ...c.aliases].join(", ").padEnd(width)}  ${c.summary}`),
    "",
    "image-build <command> --help lists the flags of a command (docs/cli.md has them all);",
    "image-build --version prints the version.",
    "Exit codes: 0 done, 1 failed, 2 bad command line or input (nothing built or pushed), 130 interrupted.",
    ""
  ].join(`
`);
}
function renderHelp(command) {
  let lines = [
    `usage: image-build ${command.name}${command.positional ? ` [${command.positional.toUpperCase()}]` : ""} [flags]${command.aliases.length ? ` (also: ${command.aliases.join(", ")})` : ""}`,
    "",
    ...wrap(command.summary, 0)
  ];
  for (let section of flagSections(command)) {
    lines.push("", `${section.title}:`);
    for (let flag of section.flags) {
      lines.push(`  ${flagUsage(flag)}`);
      let suffix = flag.default !== void 0 ? ` (default: ${flag.default})` : "";
      lines.push(...wrap(`${flag.description}${suffix}`, INDENT));
    }
  }
  lines.push("", "examples:");
  for (let example of command.examples)
    lines.push(`  # ${example.description}`, ...exampleLines(example.argv, "  "));
  return `${lines.join(`
`)}
`;
}
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
function exampleLines(argv, indent = "") {
  let lines = [], line = `${indent}image-build`;
  for (let word of argv.map(shellWord))
    line.length + 1 + word.length + 2 > WIDTH ? (lines.push(`${line} \\`), line = `${indent}  ${word}`) : line = `${line} ${word}`;
  return [...lines, line];
}

// src/cli/main.ts
async function runCli(io) {
  let debugFromEnv = safeBoolean(io.env.IMAGE_BUILD_DEBUG), style = createTerminal({
    stream: io.stderr,
    color: wantsColor(io.stderr, io.env),
    debug: !1
  }).style, report = (error, debug2) => {
    let described = describeError(error), lines = [`${style.red("error:")} ${inertLine(described.message)}`];
    return described.output && lines.push(
      ...inertLines(described.output).split(`
`).map((line) => `  ${line}`)
    ), debug2 && described.stack ? lines.push(inertLines(described.stack)) : described.internal && lines.push("  (run again with --debug for the stack)"), io.stderr.write(`${lines.join(`
`)}
`), io.signal?.aborted ? signalExitCode(io.signal) : error instanceof UsageError || described.input ? EXIT.usage : EXIT.failed;
  }, parsed;
  try {
    parsed = parseCommandLine(io.argv);
  } catch (error) {
    return report(error, debugFromEnv);
  }
  if (parsed.kind === "help")
    return io.stdout.write(parsed.command ? renderHelp(parsed.command) : renderUsage()), EXIT.ok;
  if (parsed.kind === "version")
    return io.stdout.write(`image-build ${packageVersion()}
`), EXIT.ok;
  let { command, values } = parsed, debug = debugFromEnv;
  try {
    debug = parseBoolean("debug", values.get("debug")?.at(-1) ?? "", debugFromEnv);
    let json = parseBoolean("json", values.get("json")?.at(-1) ?? "", !1), terminal = createTerminal({
      stream: io.stderr,
      color: wantsColor(io.stderr, io.env),
      debug,
      clock: io.clock
    }), context = { io, command, values, terminal, json, debug };
    return await (await commandRunner(command))(context);
  } catch (error) {
    return report(error, debug);
  }
}
async function commandRunner(command) {
  switch (command.name) {
    case "tags":
      return (await import("./run-tags-4EQB72VW.js")).runTagsCommand;
    case "build":
    case "promote":
      return (await import("./run-image-43AFHPIW.js")).runImageCommand;
    case "plan":
    case "graph":
      return (await import("./run-graph-MYNBEONW.js")).runGraphCommand;
    case "report":
      return (await import("./run-report-EQVXSQGP.js")).runReportCommand;
  }
}
function packageVersion() {
  try {
    let text = readFileSync(new URL("../../package.json", import.meta.url), "utf8"), { name, version } = JSON.parse(text);
    if (name === "image-build" && typeof version == "string") return version;
  } catch {
  }
  return "(version unknown)";
}
function safeBoolean(text) {
  try {
    return parseBoolean("IMAGE_BUILD_DEBUG", text ?? "", !1);
  } catch {
    return !1;
  }
}

// src/cli/process.ts
async function startCli(proc, runner, run = runCli) {
  let controller = new AbortController(), fail = (what) => (reason) => {
    proc.stderr.write(`error: ${what}: ${inertLine(describeError(reason).message)}
`), proc.exitCode = 1;
  };
  proc.on("unhandledRejection", fail("unhandled rejection")), proc.on("uncaughtException", (reason) => {
    fail("uncaught exception")(reason), proc.exit(1);
  });
  let onSignal = (name) => () => {
    if (controller.signal.aborted) {
      proc.stderr.write(`${name} again: quitting without cleaning up
`), proc.exit(signalExitCode(controller.signal));
      return;
    }
    proc.stderr.write(`${name}: stopping, then cleaning up (again to quit at once)
`), controller.abort(name);
  };
  proc.on("SIGINT", onSignal("SIGINT")), proc.on("SIGTERM", onSignal("SIGTERM"));
  try {
    let code = await run({
      argv: proc.argv.slice(2),
      env: proc.env,
      stdout: proc.stdout,
      stderr: proc.stderr,
      runner,
      cwd: proc.cwd(),
      signal: controller.signal
    });
    proc.exitCode = code, controller.signal.aborted && proc.exit(code);
  } catch (error) {
    fail("internal error")(error);
  }
}
export {
  startCli
};
