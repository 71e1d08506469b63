import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseImagesFile } from '../../src/graph/index.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { parseMetadataInputs } from '../../src/tags/index.js';
import { docPages, fencedBlocks, ROOT } from '../helpers/markdown.js';

/**
 * Every YAML block of README.md, CONTRIBUTING.md and docs/*.md is one of: a workflow, steps or one
 * step (each `org/image-build@v1` step given only the action's real inputs, and those inputs readable
 * by the action's own parser), the inputs of a step alone, or an images file (read by the graph's
 * parser). Anything else fails, so no example escapes the check.
 */
const inputsOf = (file: string) =>
  new Set(Object.keys((parse(readFileSync(join(ROOT, file), 'utf8')) as { inputs: object }).inputs));
const MAIN_INPUTS = inputsOf('action.yml');
const TAGS_INPUTS = inputsOf('tags/action.yml');
const MAIN = 'org/image-build@v1';
const TAGS = 'org/image-build/tags@v1';

/**
 * Inputs another change adds to action.yml (the report and the pull request comment), tolerated
 * until it lands so that the docs can show them already. Remove a name once action.yml has it (a
 * test below says when).
 */
const PENDING_INPUTS = new Set<string>();

/** Expressions the runner would render, as it renders them for acme/app. */
const RENDERED: Record<string, string> = {
  'github.repository': 'acme/app',
  'github.repository_owner': 'acme',
};

/** A `with:` value as the action receives it, or undefined when it holds an expression we cannot render. */
function rendered(value: unknown): string | undefined {
  const text = String(value).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) =>
    name in RENDERED ? RENDERED[name] : match,
  );
  return text.includes('${{') ? undefined : text;
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** Every object in the document with a `uses` key (steps of any job, or steps alone). */
function stepsIn(node: unknown): Step[] {
  if (Array.isArray(node)) return node.flatMap(stepsIn);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.uses === 'string' ? [record as Step] : [];
  return [...own, ...Object.values(record).flatMap(stepsIn)];
}

const blocks = docPages().flatMap((page) =>
  fencedBlocks(page.text)
    .filter((block) => block.lang === 'yaml' || block.lang === 'yml')
    .map((block) => ({ where: `${page.path}:${block.line}`, code: block.code })),
);

/** Checks the inputs of one step of the main action; returns the problems. */
function mainStepProblems(values: Record<string, unknown>): string[] {
  const unknown = Object.keys(values).filter((name) => !MAIN_INPUTS.has(name) && !PENDING_INPUTS.has(name));
  if (unknown.length) return unknown.map((name) => `"${name}" is not an input of ${MAIN}`);
  const given = Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => !PENDING_INPUTS.has(name))
      .map(([name, value]) => [name, rendered(value)]),
  );
  try {
    readImageBuildInputs((name) => given[name] ?? '');
  } catch (error) {
    return [(error as Error).message];
  }
  return [];
}

describe('YAML examples in the docs', () => {
  it('there are examples on several pages', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    expect(new Set(blocks.map((block) => block.where.split(':')[0])).size).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((block) => [block.where, block.code] as const))(
    '%s uses only real inputs of the actions, and the action reads them',
    (_where, code) => {
      const document: unknown = parse(code);
      const steps = stepsIn(document);
      const ours = steps.filter((step) => step.uses === './' || step.uses?.includes('image-build'));
      for (const step of ours) expect([MAIN, TAGS]).toContain(step.uses);
      for (const step of ours.filter((s) => s.uses === MAIN))
        expect(mainStepProblems(step.with ?? {})).toEqual([]);
      for (const step of ours.filter((s) => s.uses === TAGS)) {
        const values = step.with ?? {};
        expect(Object.keys(values).filter((name) => !TAGS_INPUTS.has(name))).toEqual([]);
        const given = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, rendered(v) ?? '']));
        expect(() => parseMetadataInputs((name) => given[name] ?? '')).not.toThrow();
      }
      if (steps.length > 0) return;
      const top = document as Record<string, unknown>;
      expect(top !== null && typeof top === 'object', 'a YAML block is a mapping').toBe(true);
      if (typeof top.images === 'object' && top.images !== null) {
        // An images file (docs/graphs.md): the graph's own parser reads it.
        expect(() => parseImagesFile(code, 'image-build.yml', ROOT)).not.toThrow();
        return;
      }
      // The inputs of a step alone.
      expect(mainStepProblems(top)).toEqual([]);
    },
  );

  it('pending inputs are not in action.yml yet (remove them from PENDING_INPUTS once they are)', () => {
    expect([...PENDING_INPUTS].filter((name) => MAIN_INPUTS.has(name))).toEqual([]);
  });
});
