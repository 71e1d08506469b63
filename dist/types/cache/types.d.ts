/** Where the `local` preset keeps its cache, and how the builder fills it. */
export interface LocalCacheLayout {
    /** Directory restored from and saved to the Actions cache. */
    dir: string;
    /**
     * `buildx-directory`: buildx imports from `dir` and exports to `newDir`; the post step moves `newDir`
     * over `dir`, so the saved cache holds only what the last build used.
     * `engine-images`: the classic builder keeps inline-cache images in the engine; the post step
     * `docker save`s exactly those images into `dir`.
     */
    mode: 'buildx-directory' | 'engine-images';
    newDir: string;
}
/** What the builder must do to import and export cache. */
export interface CachePlan {
    /** The preset actually used after fallbacks (`auto` resolved). */
    preset: 'gha' | 'registry' | 'local' | 'inline' | 'none';
    /** buildx: `--cache-from` specs. Classic: image references with inline cache. */
    cacheFrom: string[];
    /** buildx only: `--cache-to` specs. */
    cacheTo: string[];
    /** Classic builder: embed inline cache (`BUILDKIT_INLINE_CACHE=1`) in every image it builds. */
    inline: boolean;
    /**
     * A separate image of the final stage that carries its inline cache, tagged in the engine: the classic
     * builder's cache when the build must be reproducible (pushed when `pushCacheImages`), and the
     * engine-images of the `local` preset (kept for `docker save`).
     */
    finalImage?: string;
    /**
     * The published image itself carries the cache (inline): after publishing, this ref is pointed at
     * it with one manifest PUT, and the next build imports it.
     */
    tagPublished?: string;
    /** Classic builder: the final stage's inline cache ref; only the image build imports it. */
    finalCacheRef?: string;
    /**
     * Classic builder: one inline-cache image per stage the target needs, because inline cache only
     * describes the stage it is attached to. Each is built (`--target`) before the final image.
     */
    stageImages: {
        stage: string;
        ref: string;
        /** False when the registry has none yet. */ imported?: boolean;
    }[];
    /** Classic builder: `docker push` `finalImage` and `stageImages` after the build (its registry export). */
    pushCacheImages: boolean;
    local?: LocalCacheLayout;
    /** Features asked for that this builder cannot provide, and what was used instead. */
    notices: string[];
    /** One line for the log: what was chosen and why. */
    summary: string;
}
