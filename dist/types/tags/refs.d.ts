import type { RunContext } from './types.js';
export declare const isBranchRef: (ref: string) => boolean;
export declare const isTagRef: (ref: string) => boolean;
export declare const isPullRef: (ref: string) => boolean;
export declare const branchName: (ref: string) => string;
export declare const tagName: (ref: string) => string;
export declare const pullNumber: (ref: string) => string;
/** The first `length` characters of the sha (the whole sha when it is shorter). */
export declare function shortSha(sha: string, length: number): string;
/** Reads a nested string from the event payload, e.g. payloadString(ctx, 'pull_request', 'head', 'ref'). */
export declare function payloadString(context: RunContext, ...path: string[]): string | undefined;
