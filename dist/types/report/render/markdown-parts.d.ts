import type { CheckStatus } from '../checks/types.js';
import type { ImageSourceKind } from '../model/types.js';
/** Full for the job summary; condensed for a pull request comment. */
export interface SectionOptions {
    condensed: boolean;
}
export declare const STATUS_ICON: Record<CheckStatus, string>;
export declare const SOURCE_TEXT: Record<ImageSourceKind, string>;
export declare const bytesOrUnknown: (bytes: number | undefined) => string;
export declare function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string;
export declare function details(summary: string, body: string): string;
/** The digest in a code span only when it is one; anything else is escaped text. */
export declare function digestText(digest: string): string;
