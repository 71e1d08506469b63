/**
 * Bad input, found before anything is built or pushed. The message names the input, and where it
 * applies the line (1-based) and the field, so a user can fix it without reading our source.
 */
export class InputError extends Error {
  readonly input: string;
  readonly line?: number;
  readonly field?: string;

  constructor(input: string, detail: string, where: { line?: number; field?: string } = {}) {
    const place = [
      `input "${input}"`,
      where.line !== undefined ? `line ${where.line}` : undefined,
      where.field !== undefined ? `field "${where.field}"` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${place}: ${detail}`);
    this.name = 'InputError';
    this.input = input;
    this.line = where.line;
    this.field = where.field;
  }
}
