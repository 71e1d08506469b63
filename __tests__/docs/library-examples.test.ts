import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docPages, fencedBlocks, ROOT } from '../helpers/markdown.js';

/**
 * Every TypeScript block in the docs is a library example, written as a user writes it
 * (`import … from 'image-build'`). Each is type-checked against the real exports of src/index.ts;
 * those marked `run` (```` ```ts example run ````) take pure inputs and are also run, and their
 * `assert`s must hold. A block that is not marked `example` fails: no TypeScript goes unchecked.
 */
const WORK = join(ROOT, 'node_modules/.cache/ib-docs-examples');
const ENTRY = join(ROOT, 'src/index.ts');

interface Example {
  name: string;
  page: string;
  line: number;
  code: string;
  /** Marked `example` after the language. */
  marked: boolean;
  /** Marked `run`: pure inputs, so the test runs it too. */
  run: boolean;
  file: string;
}

const examples: Example[] = docPages().flatMap((page) =>
  fencedBlocks(page.text)
    .filter((block) => block.lang === 'ts' || block.lang === 'typescript')
    .map((block, index) => {
      const name = `${page.path.replace(/[/.]/g, '-')}-${index + 1}`;
      return {
        name,
        page: page.path,
        line: block.line,
        code: block.code,
        run: block.attributes.includes('run'),
        marked: block.attributes.includes('example'),
        file: join(WORK, `${name}.mts`),
      };
    }),
);

/** The example as a module of its own, importing the sources instead of the published package. */
function moduleText(example: Example): string {
  const entry = relative(WORK, ENTRY).replace(/\.ts$/, '.js');
  const code = example.code.replace(/from 'image-build'/g, `from '${entry}'`);
  return `${code}\nexport {};\n`;
}

describe('library examples in the docs', () => {
  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    for (const example of examples) writeFileSync(example.file, moduleText(example));
  });
  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  it('there are examples, every TypeScript block is marked `example`, and each imports image-build', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.filter((example) => example.run).length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      const where = `${example.page}:${example.line}`;
      expect(example.marked, `${where}: mark it \`ts example\``).toBe(true);
      expect(example.code, where).toMatch(/from 'image-build';/);
    }
  });

  it('each type-checks against the exports of src/index.ts', () => {
    const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    // The sources' own ambient declarations (untyped dependencies).
    const declarations = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.d.ts'))
      .map((path) => join(ROOT, 'src', path));
    const program = ts.createProgram([...examples.map((e) => e.file), ...declarations], {
      ...options,
      noEmit: true,
    });
    const byFile = new Map(examples.map((example) => [example.file, example]));
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const example = diagnostic.file && byFile.get(diagnostic.file.fileName);
      if (!example || diagnostic.start === undefined) return `${diagnostic.file?.fileName ?? ''}: ${message}`;
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
      return `${example.page}:${example.line + line}: ${message}`;
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it('the runnable ones run, and their assertions hold', async () => {
    const runnable = examples.filter((example) => example.run);
    // Bundled from the sources (dependencies stay in node_modules), one file per example.
    await build({
      entryPoints: Object.fromEntries(runnable.map((example) => [example.name, example.file])),
      outdir: join(WORK, 'run'),
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    for (const example of runnable) {
      const run = spawnSync(process.execPath, [join(WORK, 'run', `${example.name}.mjs`)], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      });
      expect(
        { status: run.status, stderr: run.stderr.trim() },
        `${example.page}:${example.line}\n${run.stdout}`,
      ).toEqual({ status: 0, stderr: '' });
    }
  }, 120_000);
});
