import type { ImageReport } from '../report.js';
export interface TerminalOptions {
    /** ANSI colours (default off: the CLI turns them on for a TTY). */
    color?: boolean;
    /** Characters per line for the instruction column to fit in (default 120). */
    width?: number;
}
/** The report for a terminal: plain text tables, colour optional, image text stripped of control codes. */
export declare function renderTerminal(reports: ImageReport | readonly ImageReport[], options?: TerminalOptions): string;
