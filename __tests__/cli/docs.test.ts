import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { cliInputs } from '../../src/cli/inputs.js';
import { REFERENCE_END, REFERENCE_START, renderCliReference } from '../../src/cli/reference.js';
import { INPUT_SPEC } from '../../src/pipeline/input-spec.js';
import { readImageBuildInputs } from '../../src/pipeline/inputs.js';
import { imageBuildCommandLines } from '../helpers/markdown.js';

const DOC = new URL('../../docs/cli.md', import.meta.url);

describe('docs/cli.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('holds the reference generated from the flags and the input spec (as prettier lays it out)', async () => {
    const start = doc.indexOf(REFERENCE_START);
    const end = doc.indexOf(REFERENCE_END) + REFERENCE_END.length;
    expect(start).toBeGreaterThan(0);
    const path = fileURLToPath(DOC);
    const expected = await prettier.format(`${doc.slice(0, start)}${renderCliReference()}${doc.slice(end)}`, {
      ...(await prettier.resolveConfig(path)),
      filepath: path,
    });
    if (process.env.IB_UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });

  it('documents every flag of every command and every input', () => {
    for (const command of COMMANDS) {
      for (const flag of command.flags)
        expect(doc, `${command.name} --${flag.name}`).toContain(`--${flag.name}`);
    }
    for (const spec of INPUT_SPEC.filter((spec) => !spec.cli || !('omitted' in spec.cli))) {
      expect(doc).toContain(`--${spec.name}`);
    }
  });

  const examples = imageBuildCommandLines(doc);
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(COMMANDS.flatMap((c) => c.examples).length + 4);
  });

  it.each(examples.map((argv) => [argv.join(' '), argv] as const))(
    'example parses and its inputs are valid: %s',
    (_line, argv) => {
      const parsed = parseCommandLine(argv);
      expect(parsed.kind).toBe('run');
      if (parsed.kind !== 'run') return;
      const { read } = cliInputs(parsed.command, parsed.values, {});
      if (['build', 'tags', 'promote'].includes(parsed.command.name))
        expect(() => readImageBuildInputs(read)).not.toThrow();
    },
  );
});
