import type { RunContext } from './types.js';

// Helpers over the git ref of a run, shared by the tag types and the expressions.

export const isBranchRef = (ref: string): boolean => ref.startsWith('refs/heads/');
export const isTagRef = (ref: string): boolean => ref.startsWith('refs/tags/');
export const isPullRef = (ref: string): boolean => ref.startsWith('refs/pull/');

export const branchName = (ref: string): string => ref.replace(/^refs\/heads\//, '');
export const tagName = (ref: string): string => ref.replace(/^refs\/tags\//, '');
export const pullNumber = (ref: string): string => ref.replace(/^refs\/pull\//, '').replace(/\/merge$/, '');

/** The first `length` characters of the sha (the whole sha when it is shorter). */
export function shortSha(sha: string, length: number): string {
  return length >= sha.length ? sha : sha.substring(0, length);
}

/** Reads a nested string from the event payload, e.g. payloadString(ctx, 'pull_request', 'head', 'ref'). */
export function payloadString(context: RunContext, ...path: string[]): string | undefined {
  let node: unknown = context.payload;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : typeof node === 'number' ? String(node) : undefined;
}
