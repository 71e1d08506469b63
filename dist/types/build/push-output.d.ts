/** The digest `docker push` reports: `1.0: digest: sha256:… size: 1234`. */
export declare function parsePushDigest(output: string, tag?: string): string | undefined;
/** Splits `registry/repo:tag` (or `@digest`) into the repository and the tag. */
export declare function splitImageRef(ref: string): {
    repository: string;
    tag?: string;
};
