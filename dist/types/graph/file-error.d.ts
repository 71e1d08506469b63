import { InputError } from '../util/errors.js';
/** A place in the images file: 1-based line and column. */
export interface SourcePosition {
    line: number;
    column: number;
}
/**
 * Bad input in an images file, found before anything is built: the message starts with
 * `file:line:column`, as compilers print it, so an editor or the runner's log links to the place.
 */
export declare class ImagesFileError extends InputError {
    readonly file: string;
    readonly column?: number;
    constructor(file: string, detail: string, position?: SourcePosition);
}
