/** A publish that could not finish; `image` is the registry/repository it failed on. */
export declare class PublishError extends Error {
    readonly image: string;
    constructor(image: string, detail: string, options?: {
        cause?: unknown;
    });
}
