import type { HistoryEntryLike } from './oci.js';
export interface LayerHistory {
    instruction?: string;
    createdAt?: string;
}
/**
 * Pairs layers with the history entries that made them: each entry without `empty_layer` takes the
 * next layer. When the counts disagree (squashed or hand-made images) the entries are aligned from the
 * top layer down, where the image's own instructions are, and the layers left over get none.
 */
export declare function historyForLayers(layerCount: number, history: readonly HistoryEntryLike[] | undefined): {
    layers: LayerHistory[];
    mismatch: boolean;
};
/**
 * The Dockerfile line as people wrote it. Builders record `RUN` as the shell call
 * (`/bin/sh -c …`, BuildKit adds the build args in scope as `|2 A=1 B=2`, and ` # buildkit`), and the
 * classic builder marks metadata steps `#(nop)`. Only those wrappers go: flags such as
 * `--from=builder` or `--chown=app` stay.
 */
export declare function cleanInstruction(createdBy: string | undefined): string | undefined;
