import Handlebars from 'handlebars';

/** Names every handlebars template may use: the built-in helpers. */
const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

/** What a global expression can read (`value=`, `enable=`, `prefix=`, `suffix=`, labels, flavor). */
export const EXPRESSION_NAMES = [
  'branch',
  'tag',
  'sha',
  'base_ref',
  'is_default_branch',
  'is_not_default_branch',
  'head_branch',
  'prerelease',
  'date',
  'commit_date',
] as const;

/** What a `type=semver` pattern can read (the parsed version's fields). */
export const SEMVER_PATTERN_NAMES = ['raw', 'version', 'major', 'minor', 'patch', 'prerelease', 'build'];
/** What a `type=pep440` pattern can read. */
export const PEP440_PATTERN_NAMES = ['raw', 'version', 'major', 'minor', 'patch'];
/** What a `type=schedule` pattern can read: the date helpers only. */
export const SCHEDULE_PATTERN_NAMES = ['date', 'commit_date'];

type Node = hbs.AST.Node;

/**
 * The `{{names}}` a template uses that it cannot read: handlebars renders them empty without a word,
 * so `{{brnch}}` silently becomes a shorter tag. A template that does not parse is left to the render,
 * which reports it.
 */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  if (!template.includes('{{')) return [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parseWithoutProcessing(template);
  } catch {
    return [];
  }
  const allowed = new Set([...known, ...BUILT_IN]);
  const found = new Set<string>();
  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        break;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const call = node as hbs.AST.BlockStatement;
        visit(call.path);
        call.params.forEach(visit);
        call.hash?.pairs.forEach((pair) => visit(pair.value));
        visit(call.program);
        visit(call.inverse);
        break;
      }
      case 'PathExpression': {
        const path = node as hbs.AST.PathExpression;
        const head = path.parts[0];
        if (!path.data && head !== undefined && !allowed.has(head)) found.add(path.original);
        break;
      }
    }
  };
  visit(program);
  return [...found];
}
