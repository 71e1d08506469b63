import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Reading the project's markdown the way the docs tests check it: pages, fenced blocks, command lines. */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DocPage {
  /** Path from the repository root, `docs/tags.md`. */
  path: string;
  text: string;
}

/** Every page users or contributors read: README.md, CONTRIBUTING.md and docs/*.md. */
export function docPages(): DocPage[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', 'CONTRIBUTING.md', ...docs].map((path) => ({
    path,
    text: readFileSync(join(ROOT, path), 'utf8'),
  }));
}

export interface FencedBlock {
  /** The fence's language (`ts`, `yaml`, `sh`), lower-cased; '' when none. */
  lang: string;
  /** The words after the language (`example run` in ```` ```ts example run ````). */
  attributes: string[];
  code: string;
  /** 1-based line of the block's first code line in the page. */
  line: number;
}

/** The fenced code blocks of a page (``` or ~~~, indented inside lists too), in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j])) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
      j++;
    }
    blocks.push({
      lang: lang.toLowerCase(),
      attributes: rest.trim().split(/\s+/).filter(Boolean),
      code: body.join('\n'),
      line: i + 2,
    });
    i = j;
  }
  return blocks;
}

/** The words a POSIX shell makes of a command line: quotes, and spaces between words. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === "'" || char === '"') {
      const end = line.indexOf(char, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

const SHELLS = new Set(['sh', 'bash', 'shell', 'console']);

/**
 * Every `image-build …` command line in a page's shell blocks (continuations joined, a pipe and a
 * trailing comment cut), as the argument list after `image-build`.
 */
export function imageBuildCommandLines(markdown: string): string[][] {
  return fencedBlocks(markdown)
    .filter((block) => SHELLS.has(block.lang))
    .flatMap((block) =>
      block.code
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^(\S+=\S+\s+)*(npx )?image-build /.test(line))
        .map((line) => {
          const words = shellWords(line.split(' | ')[0].replace(/\s+#\s.*$/, ''));
          return words.slice(words.indexOf('image-build') + 1);
        }),
    );
}
