import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-L3XV6VHP.js";
import {
  parseImageInput,
  parseRegistry,
  withDefaultRegistry
} from "./chunk-HSBD32W5.js";
import {
  formatReference
} from "./chunk-TJHWOVG4.js";
import "./chunk-MHEIIVAK.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import "./chunk-EHNN3ETZ.js";

// src/cli/unavailable.ts
var NotAvailableError = class extends Error {
  constructor(command, library) {
    super(
      `${command} is not available in this build: it runs on ${library}, which this build does not include yet`
    ), this.name = "NotAvailableError";
  }
};

// src/cli/run-report.ts
var PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
function readReportFlags(context) {
  let single = (name) => context.values.get(name)?.at(-1), registry = parseRegistry(single("registry") ?? context.io.env.IMAGE_BUILD_REGISTRY ?? ""), reference = (input, text) => {
    let ref = parseImageInput(withDefaultRegistry(text.trim(), registry), input);
    if (!ref.tag && !ref.digest) throw new InputError(input, `"${text}" needs a tag or a digest`);
    return formatReference(ref);
  }, image = single("image");
  if (image === void 0)
    throw new UsageError("report: --image REF is required (image:tag or image@digest)", "report");
  let baseline = single("baseline"), platform = single("platform");
  if (platform !== void 0 && !PLATFORM.test(platform))
    throw new InputError(
      "platform",
      `"${platform}" is not a platform (os/architecture[/variant], e.g. linux/arm64)`
    );
  return {
    image: reference("image", image),
    ...baseline !== void 0 && { baseline: reference("baseline", baseline) },
    ...platform !== void 0 && { platform }
  };
}
async function runReportCommand(context) {
  throw readReportFlags(context), new NotAvailableError("report", "the image report library (src/report, the report-core work)");
}
export {
  readReportFlags,
  runReportCommand
};
