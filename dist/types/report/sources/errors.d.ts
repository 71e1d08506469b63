/** An image whose bytes cannot be read as one: a corrupt or truncated layer, a tarball that is not an image. */
export declare class ImageContentError extends Error {
    constructor(message: string);
}
