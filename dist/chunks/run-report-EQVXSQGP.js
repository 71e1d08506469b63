import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  cliInputs
} from "./chunk-X4LPJ4LF.js";
import {
  wantsColor
} from "./chunk-TLPKESGC.js";
import {
  EXIT,
  UsageError
} from "./chunk-MI6AKWB5.js";
import "./chunk-VNGL6QUX.js";
import {
  failedChecksMessage,
  isMissingImage,
  readLocalImage,
  readRegistryBaseline,
  readRegistryReference,
  registryClients,
  replaceFile,
  storedAnalysisNote
} from "./chunk-Y3AX2O6C.js";
import "./chunk-LDRL4NVG.js";
import {
  buildImageReport,
  parseImageInput,
  parseRegistry,
  readReportInputs,
  renderReportJson,
  renderSummaryMarkdown,
  renderTerminal,
  withDefaultRegistry
} from "./chunk-D24LKZC6.js";
import "./chunk-P24YWDYR.js";
import "./chunk-Q7USVIHK.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-IWQOLGT7.js";
import "./chunk-RVOSA46I.js";
import {
  inertLine
} from "./chunk-DSVLZ5QC.js";
import {
  formatReference
} from "./chunk-H5I7P22Y.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";

// src/cli/run-report.ts
import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
var PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
function locate(input, text, cwd, registry) {
  let value = text.trim(), path = resolve(cwd, value);
  if (statSync(path, { throwIfNoEntry: !1 })) return { kind: "path", path };
  if (/^[./~]|\.(tar|tgz)$|\.tar\.gz$/.test(value))
    throw new InputError(
      input,
      `${value}: no such file or directory (a docker save tarball or an OCI layout)`
    );
  let ref = parseImageInput(withDefaultRegistry(value, registry), input);
  if (!ref.tag && !ref.digest)
    throw new InputError(
      input,
      `"${value}" is not a file or directory here, and as an image it needs a tag or a digest (image:tag)`
    );
  return { kind: "registry", reference: formatReference(ref) };
}
function readReportFlags(context) {
  let single = (name) => context.values.get(name)?.at(-1), { read, warnings } = cliInputs(context.command, context.values, context.io.env);
  warnings.forEach((warning) => context.terminal.logger.warning(warning));
  let registry = parseRegistry(read("registry")), image = single("image");
  if (image === void 0)
    throw new UsageError(
      "report: name the image: image-build report IMAGE (image:tag, image@digest, a docker save tarball or an OCI layout)",
      "report"
    );
  let baseline = single("baseline"), platform = single("platform");
  if (platform !== void 0 && !PLATFORM.test(platform))
    throw new InputError(
      "platform",
      `"${platform}" is not a platform (os/architecture[/variant], e.g. linux/arm64)`
    );
  let reportFile = read("report-file").trim();
  return {
    image: locate("image", image, context.io.cwd, registry),
    ...baseline !== void 0 && { baseline: locate("baseline", baseline, context.io.cwd, registry) },
    ...platform !== void 0 && { platform },
    inputs: readReportInputs(read, registry),
    ...reportFile && { reportFile: resolve(context.io.cwd, reportFile) }
  };
}
async function readLocation(location, options, clientFor) {
  return location.kind === "path" ? readLocalImage(location.path, { ...options, image: basename(location.path) }) : readRegistryReference(clientFor, location.reference, options).catch((error) => {
    throw isMissingImage(error) ? new InputError("image", `${location.reference} does not exist in its registry`) : error;
  });
}
async function readBaseline(options, current, clientFor, notices) {
  let location = options.baseline;
  if (!location) return;
  let label = location.kind === "path" ? basename(location.path) : location.reference.slice(location.reference.lastIndexOf("/") + 1);
  try {
    if (location.kind === "path") {
      let read = await readLocalImage(location.path, {
        image: label,
        platform: current.model.platform,
        contents: options.inputs.contents,
        contentsLimitBytes: options.inputs.contentsLimitBytes
      });
      return { model: read.model, contents: read.contents, label };
    }
    let { model, notice } = await readRegistryBaseline(
      clientFor,
      location.reference,
      current,
      options.inputs.contentsLimitBytes
    );
    return notice && notices.push(notice), { model, label };
  } catch (error) {
    notices.push(
      isMissingImage(error) ? `No comparison: the baseline ${label} does not exist.` : `No comparison: the baseline ${label} could not be read: ${error.message}`
    );
    return;
  }
}
async function runReportCommand(context) {
  let { io, terminal } = context, options = readReportFlags(context), logger = terminal.logger, clientFor = registryClients({ runner: io.runner, logger, env: io.env });
  terminal.phase("report", options.image.kind === "path" ? options.image.path : options.image.reference);
  let read = await readLocation(
    options.image,
    {
      platform: options.platform,
      contents: options.inputs.contents,
      contentsLimitBytes: options.inputs.contentsLimitBytes,
      // A graph's image has its analysis stored next to it: read that (checked) instead of its layers.
      storedAnalysis: { write: !1, logger }
    },
    clientFor
  ), notices = [
    ...read.notices,
    ...read.contentsStoredAt ? [storedAnalysisNote(read.contentsStoredAt)] : []
  ], baseline = await readBaseline(options, read, clientFor, notices), report = buildImageReport({
    model: read.model,
    contents: read.contents,
    ...options.image.kind === "registry" && { tags: [{ reference: options.image.reference }] },
    baseline,
    policy: options.inputs.policy,
    pricePerGbMonth: options.inputs.pricePerGbMonth,
    notices
  });
  for (let notice of report.notices) logger.notice(notice);
  options.reportFile && (await replaceFile(options.reportFile, renderSummaryMarkdown(report)), logger.info(`report written to ${options.reportFile}`)), io.stdout.write(
    context.json ? renderReportJson(report) : renderTerminal(report, { color: wantsColor(io.stdout, io.env) })
  );
  let failed = failedChecksMessage(report);
  return failed ? (terminal.line(`${terminal.style.red("error:")} ${inertLine(failed)}`), EXIT.failed) : EXIT.ok;
}
export {
  readReportFlags,
  runReportCommand
};
