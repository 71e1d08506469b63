import type { Logger } from '../util/log.js';
/** The library's Logger on the Actions runner: groups fold, notices annotate, secrets are masked. */
export declare function createActionsLogger(): Logger;
/** Inputs as the library reads them: by the action.yml name, trimmed, '' when unset. */
export declare function actionInput(name: string): string;
