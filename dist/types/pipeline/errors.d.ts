/** How a run's failure reads to a user, the same in the action and the CLI. */
export interface DescribedError {
    /** One line: what failed, in the user's terms. */
    message: string;
    /** The builder's or docker's last lines, when the failure came with them. */
    output?: string;
    /** The JavaScript stack: shown only when asked for (--debug, step debug logging). */
    stack?: string;
    /** A mistake in image-build itself rather than in the input or the environment. */
    internal: boolean;
    /** Bad input (exit 2 in the CLI): nothing was built or pushed. */
    input: boolean;
}
export declare function describeError(error: unknown): DescribedError;
