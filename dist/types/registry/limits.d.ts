export declare const BODY_LIMITS: {
    /** distribution refuses manifests over 4 MiB on PUT; nothing larger is a real manifest. */
    readonly manifest: number;
    /** One page of a tag list: 4 MiB is some 40,000 tags. */
    readonly tagPage: number;
    /** A token response is a JWT or an opaque string in a small JSON object. */
    readonly token: number;
    /** Config blobs are read whole (image reports): a config with hundreds of layers is well under 1 MiB. */
    readonly configBlob: number;
    /**
     * Blobs we upload from memory (small artifacts such as a stored report analysis, never layers): the
     * size a single monolithic PUT can be trusted to carry.
     */
    readonly uploadBlob: number;
    /** Any other successful answer (ping, PUT, mount): we read nothing from these bodies. */
    readonly other: number;
    /** Error bodies are read this far for their error codes; the rest is dropped, not an error. */
    readonly errorBody: number;
};
/** Pages of a tag list followed before giving up: 1,000 pages of 100 tags is 100,000 tags. */
export declare const MAX_TAG_PAGES = 1000;
/** Redirects followed for one request (fetch's own limit is 20). */
export declare const MAX_REDIRECTS = 10;
/** A limit as people say it in messages: `4 MiB`, `64 KiB`, `100 bytes`. */
export declare function limitText(bytes: number): string;
