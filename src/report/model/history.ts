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
export function historyForLayers(
  layerCount: number,
  history: readonly HistoryEntryLike[] | undefined,
): { layers: LayerHistory[]; mismatch: boolean } {
  const producing = (history ?? []).filter((entry) => !entry.empty_layer);
  const offset = producing.length - layerCount;
  const layers = Array.from({ length: layerCount }, (_, index): LayerHistory => {
    const entry = producing[index + offset];
    return entry
      ? { instruction: cleanInstruction(entry.created_by ?? entry.comment), createdAt: entry.created }
      : {};
  });
  return { layers, mismatch: history !== undefined && offset !== 0 };
}

/**
 * The Dockerfile line as people wrote it. Builders record `RUN` as the shell call
 * (`/bin/sh -c …`, BuildKit adds the build args in scope as `|2 A=1 B=2`, and ` # buildkit`), and the
 * classic builder marks metadata steps `#(nop)`. Only those wrappers go: flags such as
 * `--from=builder` or `--chown=app` stay.
 */
export function cleanInstruction(createdBy: string | undefined): string | undefined {
  if (!createdBy?.trim()) return undefined;
  let text = createdBy.trim().replace(/\s+# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return text.slice(nop[0].length).trim() || undefined;
  // `RUN |2 A=1 B=2 /bin/sh -c cmd`, `|1 A=1 /bin/sh -c cmd` (classic), `/bin/sh -c cmd`.
  const shell = /^(?:RUN\s+)?(?:\|\d+\s(?:.*?\s)??)?\/bin\/sh -c\s+/s.exec(text);
  if (shell) text = `RUN ${text.slice(shell[0].length)}`;
  return text.trim();
}
