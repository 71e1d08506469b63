/**
 * Bad input, found before anything is built or pushed. The message names the input, and where it
 * applies the line (1-based) and the field, so a user can fix it without reading our source.
 */
export declare class InputError extends Error {
    readonly input: string;
    readonly line?: number;
    readonly field?: string;
    constructor(input: string, detail: string, where?: {
        line?: number;
        field?: string;
    });
}
