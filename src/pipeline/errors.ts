import { InputError } from '../util/errors.js';

/** How a run's failure reads to a user, the same in the action and the CLI. */
export interface DescribedError {
  /** One line: what failed, in the user's terms. */
  message: string;
  /** The builder's or docker's last lines, when the failure came with them. */
  output?: string;
  /** The JavaScript stack: shown only when asked for (--debug, step debug logging). */
  stack?: string;
  /** A mistake in image-build itself rather than in the input or the environment. */
  internal: boolean;
  /** Bad input (exit 2 in the CLI): nothing was built or pushed. */
  input: boolean;
}

/** JavaScript's own errors mean a bug here, never a user's input or a registry's answer. */
const INTERNAL = [TypeError, ReferenceError, RangeError, SyntaxError];

export function describeError(error: unknown): DescribedError {
  if (!(error instanceof Error)) {
    return { message: `internal error: ${String(error)}`, internal: true, input: false };
  }
  const internal = INTERNAL.some((type) => error instanceof type);
  const output = (error as { output?: unknown }).output;
  return {
    message: internal ? `internal error: ${error.message}` : error.message,
    ...(typeof output === 'string' && output.trim() !== '' && { output: output.trimEnd() }),
    ...(error.stack !== undefined && { stack: error.stack }),
    internal,
    input: error instanceof InputError,
  };
}
