import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { renderHelp, renderUsage, shellWord } from '../../src/cli/help.js';

describe('help', () => {
  it('lists the commands', () => {
    expect(renderUsage()).toMatchSnapshot();
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s --help lists every flag with its description',
    (_name, command) => {
      const help = renderHelp(command);
      expect(help).toMatchSnapshot();
      const flat = help.replace(/\n\s+/g, ' ');
      for (const flag of command.flags) {
        expect(help).toContain(`--${flag.name}`);
        expect(flat).toContain(flag.description.replace(/\s+/g, ' '));
      }
      for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    },
  );

  it('quotes example words as a shell reads them back', () => {
    expect(shellWord('rag-worker-{env}')).toBe("'rag-worker-{env}'");
    expect(shellWord('type=semver,pattern={{version}}')).toBe("'type=semver,pattern={{version}}'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('ghcr.io/acme/api:1.0')).toBe('ghcr.io/acme/api:1.0');
  });
});
