import { InputError } from './errors.js';

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/**
 * Every boolean input of the action and CLI: true/false, yes/no, on/off, 1/0 in any case; empty means
 * the default. Anything else is an error naming the input, never a silent false.
 */
export function parseBoolean(input: string, text: string, fallback: boolean): boolean {
  const value = text.trim().toLowerCase();
  if (value === '') return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new InputError(input, `"${text.trim()}" is not a boolean (true or false)`);
}
