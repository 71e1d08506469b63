import * as core from '@actions/core';
import type { Logger } from '../util/log.js';

/** The library's Logger on the Actions runner: groups fold, notices annotate, secrets are masked. */
export function createActionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    startGroup: (t) => core.startGroup(t),
    endGroup: () => core.endGroup(),
    setSecret: (s) => {
      if (s) core.setSecret(s);
    },
  };
}

/** Inputs as the library reads them: by the action.yml name, trimmed, '' when unset. */
export function actionInput(name: string): string {
  return core.getInput(name);
}
