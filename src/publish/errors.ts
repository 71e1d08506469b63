/** A publish that could not finish; `image` is the registry/repository it failed on. */
export class PublishError extends Error {
  readonly image: string;
  constructor(image: string, detail: string, options?: { cause?: unknown }) {
    super(`publish to ${image}: ${detail}`, options);
    this.name = 'PublishError';
    this.image = image;
  }
}
