export { InputError } from './util/errors.js';
export type { Logger } from './util/log.js';
export { createConsoleLogger, silentLogger } from './util/log.js';
export type { CommandRunner, ExecOptions, ExecResult } from './util/exec.js';
export { processRunner } from './util/exec.js';
