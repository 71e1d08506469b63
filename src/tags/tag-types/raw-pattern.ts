import Handlebars from 'handlebars';

/** True when the pattern is exactly `{{raw}}` (the only pattern kept for prereleases). */
export function isRawPattern(pattern: string): boolean {
  try {
    const program = Handlebars.parseWithoutProcessing(pattern);
    const [only] = program.body;
    if (program.body.length !== 1 || only.type !== 'MustacheStatement') return false;
    const parts = (only as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression;
    return parts.parts.length === 1 && parts.parts[0] === 'raw';
  } catch {
    return false;
  }
}
