/**
 * Every boolean input of the action and CLI: true/false, yes/no, on/off, 1/0 in any case; empty means
 * the default. Anything else is an error naming the input, never a silent false.
 */
export declare function parseBoolean(input: string, text: string, fallback: boolean): boolean;
