import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  cliInputs
} from "./chunk-X4LPJ4LF.js";
import {
  EXIT
} from "./chunk-MI6AKWB5.js";
import "./chunk-VNGL6QUX.js";
import {
  computeTags
} from "./chunk-O2WHQVRQ.js";
import "./chunk-LDRL4NVG.js";
import {
  readImageBuildInputs
} from "./chunk-D24LKZC6.js";
import "./chunk-P24YWDYR.js";
import "./chunk-Q7USVIHK.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-MUA3NJ56.js";
import {
  automaticBuildArgs,
  leveledAnnotations
} from "./chunk-IWQOLGT7.js";
import "./chunk-RVOSA46I.js";
import {
  inertLine
} from "./chunk-DSVLZ5QC.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";

// src/pipeline/tags-only.ts
async function computeTagsOnly(inputs, deps) {
  let { metadata, context } = await computeTags(inputs, deps);
  return {
    version: metadata.version,
    tags: metadata.tags,
    labels: metadata.labels,
    annotations: leveledAnnotations(metadata),
    buildArgs: automaticBuildArgs(metadata, context)
  };
}

// src/cli/run-tags.ts
async function runTagsCommand(context) {
  let { io, terminal } = context, { read, warnings } = cliInputs(context.command, context.values, io.env);
  warnings.forEach((warning) => terminal.logger.warning(warning));
  let inputs = readImageBuildInputs(read);
  terminal.phase("tags");
  let outputs = await computeTagsOnly(inputs, {
    env: io.env,
    runner: io.runner,
    logger: terminal.logger,
    cwd: io.cwd,
    ...io.pipeline?.now && { now: io.pipeline.now }
  });
  if (context.json)
    io.stdout.write(`${JSON.stringify(outputs, null, 2)}
`);
  else {
    let { style } = terminal, section = (title, values) => values.length ? [style.bold(title), ...values.map((value) => `  ${inertLine(value)}`)] : [];
    io.stdout.write(
      `${[
        ...section("tags", outputs.tags),
        ...section("labels", outputs.labels),
        ...section(
          "build args",
          Object.entries(outputs.buildArgs).map(([name, value]) => `${name}=${value}`)
        )
      ].join(`
`)}
`
    );
  }
  return EXIT.ok;
}
export {
  runTagsCommand
};
