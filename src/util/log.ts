export interface GroupOptions {
  untrusted?: boolean;
}

/** Where the library reports progress. The action maps it to runner commands; the CLI to the terminal. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** Something the user should see but that is not a problem (a tag shortened, a fallback taken). */
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /**
   * Opens a collapsible group. `untrusted`: the lines until endGroup come from code we do not control
   * (a pull request's Dockerfile), so they must be printed inert, never read as runner commands.
   */
  startGroup(title: string, options?: GroupOptions): void;
  endGroup(): void;
  /** Registers a value that must never be printed (the Actions runner masks it in every log line). */
  setSecret(value: string): void;
}

// C0 controls but tab (CR and LF among them), DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g;

function escapeControl(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
}

/**
 * A value from outside (a tag, a label, a ref, a version from a git tag) made safe to print where the
 * Actions runner reads commands in every line of a step's output: it stays on one line (CR, LF and
 * other control characters are shown as `\r`, `\n`, `\x1b`), and it cannot be a command: the runner
 * takes a line starting with `::` (after blanks) or holding `##[` as one, so both get a space.
 */
export function inertLine(text: string): string {
  return text
    .replace(CONTROL, escapeControl)
    .replace(/^(\s*):(?=:)/, '$1: ')
    .replace(/##\[/g, '## [');
}

/** Like inertLine, but a message that has several lines keeps them, each one inert. */
export function inertLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(inertLine)
    .join('\n');
}

/**
 * Plain terminal logger; masks registered secrets itself since no runner does it here. Its lines are
 * made inert: the CLI also runs in workflow steps, where the runner reads stderr for commands too.
 */
export function createConsoleLogger(stream: NodeJS.WritableStream = process.stderr, verbose = false): Logger {
  const secrets: string[] = [];
  const mask = (message: string): string =>
    inertLines(secrets.reduce((text, secret) => text.split(secret).join('***'), message));
  const write = (prefix: string, message: string) => stream.write(`${prefix}${mask(message)}\n`);
  return {
    debug: (m) => verbose && write('debug: ', m),
    info: (m) => write('', m),
    notice: (m) => write('notice: ', m),
    warning: (m) => write('warning: ', m),
    error: (m) => write('error: ', m),
    startGroup: (t) => write('▸ ', t),
    endGroup: () => undefined,
    setSecret: (s) => {
      if (s) secrets.push(s);
    },
  };
}

/** Discards everything; for tests and library callers that want silence. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
  setSecret: () => undefined,
};
