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
     * The final image's cache ref, imported next time: an extra tag on the image build, so it exists
     * wherever it is read from. Classic: always (pushed when `pushCacheImages`). buildx: with inline
     * cache when pushing (`--push` writes it), and with `local` on the docker driver (kept in the engine
     * for `docker save`).
     */
    finalImage?: string;
    /**
     * Classic builder: one inline-cache image per stage the target needs, because inline cache only
     * describes the stage it is attached to. Each is built (`--target`) before the final image.
     */
    stageImages: {
        stage: string;
        ref: string;
    }[];
    /** Classic builder: `docker push` `finalImage` and `stageImages` after the build (its registry export). */
    pushCacheImages: boolean;
    local?: LocalCacheLayout;
    /** Features asked for that this builder cannot provide, and what was used instead. */
    notices: string[];
    /** One line for the log: what was chosen and why. */
    summary: string;
}
