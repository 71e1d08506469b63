import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCommandLine } from '../../src/cli/args.js';
import { cliInputs } from '../../src/cli/inputs.js';
import {
  INPUT_REFERENCE_END,
  INPUT_REFERENCE_START,
  inputPage,
  renderInputReference,
  type ActionOutput,
} from '../../src/pipeline/input-reference.js';
import { INPUT_SPEC } from '../../src/pipeline/input-spec.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { docPages, fencedBlocks, imageBuildCommandLines, ROOT } from '../helpers/markdown.js';

/**
 * What keeps the pages true to the code, beyond the examples: README.md's inputs and outputs tables
 * are generated from the input spec and action.yml (IB_UPDATE_DOCS=1 rewrites them), every link to a
 * file or a heading leads somewhere, every input the README links to a page is documented there,
 * tables of inputs name real inputs, and every `image-build` command line parses.
 */
const pages = docPages();
const page = (path: string) => pages.find((p) => p.path === path)?.text ?? '';
const README = join(ROOT, 'README.md');

const actionYaml = (file: string) =>
  parse(readFileSync(join(ROOT, file), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, { description: string }>;
  };
const action = actionYaml('action.yml');
const outputs: ActionOutput[] = Object.entries(action.outputs).map(([name, { description }]) => ({
  name,
  description,
}));
const allInputs = new Set([
  ...Object.keys(action.inputs),
  ...Object.keys(actionYaml('tags/action.yml').inputs),
]);

/** The page without its fenced blocks. */
function withoutBlocks(markdown: string): string {
  return markdown.replace(/^\s*(`{3,}|~{3,})[\s\S]*?^\s*\1\s*$/gm, '');
}

/** The page without its fenced blocks and code spans: what a reader sees as prose and links. */
function prose(markdown: string): string {
  return withoutBlocks(markdown).replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const match of withoutBlocks(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(match[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

/** Parses a command line as the CLI does and reads its inputs as the action would; throws what it meets. */
function checkCommandLine(argv: string[]): void {
  const parsed = parseCommandLine(argv);
  if (parsed.kind !== 'run') return;
  const { read } = cliInputs(parsed.command, parsed.values, {});
  if (['build', 'tags', 'promote'].includes(parsed.command.name)) readImageBuildInputs(read);
}

describe('README.md', () => {
  const readme = page('README.md');

  it('starts with the two commands that work on a fresh machine', () => {
    const first = fencedBlocks(readme)[0];
    expect(first.lang).toBe('sh');
    expect(first.code.split('\n').map((line) => line.replace(/\s+#.*$/, ''))).toEqual([
      'bash scripts/demo.sh',
      'bash scripts/test.sh',
    ]);
    expect(readme.slice(0, readme.indexOf('```')).split('\n').length).toBeLessThan(12);
  });

  it('holds the inputs and outputs tables generated from the input spec and action.yml', async () => {
    const start = readme.indexOf(INPUT_REFERENCE_START);
    const end = readme.indexOf(INPUT_REFERENCE_END) + INPUT_REFERENCE_END.length;
    expect(start).toBeGreaterThan(0);
    const expected = await prettier.format(
      `${readme.slice(0, start)}${renderInputReference(outputs)}${readme.slice(end)}`,
      { ...(await prettier.resolveConfig(README)), filepath: README },
    );
    if (process.env.IB_UPDATE_DOCS === '1') writeFileSync(README, expected);
    expect(readme).toBe(expected);
  });

  it('stays short: the details are in docs/', () => {
    expect(readme.split('\n').length).toBeLessThan(400);
  });
});

describe('every page', () => {
  it.each(pages.map((p) => [p.path, p.text] as const))(
    '%s: every link to a file or heading resolves',
    (path, text) => {
      const broken: string[] = [];
      for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = file ? normalize(join(dirname(join(ROOT, path)), file)) : join(ROOT, path);
        if (!existsSync(resolved)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor))
          broken.push(`${target}: no such heading`);
      }
      expect(broken).toEqual([]);
    },
  );

  it.each(pages.map((p) => [p.path, p.text] as const))(
    '%s: tables of inputs name real inputs',
    (_path, text) => {
      const named: string[] = [];
      for (const table of text.matchAll(/^\|\s*inputs?\s*\|.*\n\|[-| :]+\|\n((?:\|.*\|\n?)*)/gim)) {
        for (const row of table[1].split('\n').filter(Boolean)) {
          const first = row.split(/(?<!\\)\|/)[1] ?? '';
          named.push(...[...first.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((match) => match[1]));
        }
      }
      expect(named.filter((name) => !allInputs.has(name))).toEqual([]);
    },
  );

  it.each(pages.map((p) => [p.path, p.text] as const))(
    '%s: every image-build command line parses, and the action reads its inputs',
    (_path, text) => {
      for (const argv of imageBuildCommandLines(text))
        expect(() => checkCommandLine(argv), argv.join(' ')).not.toThrow();
    },
  );
});

describe('the pages the inputs table links to', () => {
  it.each(INPUT_SPEC.map((spec) => [spec.name, inputPage(spec)] as const))(
    '%s is documented on %s',
    (name, target) => {
      // In a code span of its own, or beginning one (`name: value`, `name=value`).
      expect(page(target.replace(/#.*$/, ''))).toMatch(new RegExp(`\`${name}[\`:= ]`));
    },
  );
});
