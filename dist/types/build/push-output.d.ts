/** Splits `registry/repo:tag` (or `@digest`) into the repository and the tag. */
export declare function splitImageRef(ref: string): {
    repository: string;
    tag?: string;
};
