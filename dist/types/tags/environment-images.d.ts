/** Replaces `{env}` in an image input's text; any other `{…}` is an error naming the line. */
export declare function expandImageTemplate(text: string, input: string, environment: string | undefined): string;
/**
 * The `registry` input: a host (with port) and optionally a path (`ghcr.io/acme`), without scheme,
 * tag or digest. Empty means none.
 */
export declare function parseRegistry(text: string): string | undefined;
/** `name` under `registry` when the name has no registry of its own (Docker's rule for the first component). */
export declare function withDefaultRegistry(name: string, registry: string | undefined): string;
