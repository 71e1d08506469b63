/** A section of rendered markdown; the fitter drops or shortens sections to meet GitHub's size limits. */
export interface Block {
  text: string;
  /** A shorter form, used before the block is dropped. */
  short?: string;
  /** 0: always kept; higher numbers go first when space runs out. */
  priority: number;
}

export interface FitOptions {
  /** Largest allowed size. */
  limit: number;
  /** How the limit is counted: UTF-8 bytes (job summary) or characters (comment). */
  measure: (text: string) => number;
  /** Says what was cut; `{what}` is replaced with the list of sections shortened or left out. */
  note: (cut: number) => string;
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
export const characters = (text: string): number => text.length;

/**
 * Joins blocks under the limit: shortens, then drops, the lowest-priority blocks first, and says so.
 * A required block that alone is too long is cut at a line boundary (never inside a code fence, whose
 * content is ours to close).
 */
export function fitBlocks(blocks: readonly Block[], options: FitOptions): string {
  const texts = blocks.map((block) => block.text);
  const sizes = texts.map((text) => options.measure(text));
  // Blocks are joined by a blank line; empty blocks take no room.
  const total = () => sizes.reduce((sum, size) => sum + (size ? size + 2 : 0), 0);
  const join = () => texts.filter(Boolean).join('\n\n') + '\n';
  if (total() <= options.limit) return join();

  let cut = 0;
  const room = () => options.limit - options.measure(options.note(Math.max(cut, 1))) - 4;
  const set = (index: number, text: string) => {
    texts[index] = text;
    sizes[index] = options.measure(text);
    cut++;
  };
  const order = [...blocks.keys()].sort((a, b) => blocks[b].priority - blocks[a].priority || b - a);
  for (const index of order) {
    if (total() <= room()) break;
    const short = blocks[index].short;
    if (short !== undefined && texts[index] !== short) set(index, short);
  }
  for (const index of order) {
    if (total() <= room()) break;
    if (blocks[index].priority > 0 && texts[index]) set(index, '');
  }
  let text = join();
  if (options.measure(text) > room()) text = cutAtLine(text, room(), options.measure);
  return `${text.trimEnd()}\n\n${options.note(Math.max(cut, 1))}\n`;
}

function cutAtLine(text: string, room: number, measure: (text: string) => number): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let size = 0;
  let fence: string | undefined;
  let details = 0;
  for (const line of lines) {
    const cost = measure(line) + 1;
    const closing = (fence ? measure(fence) + 1 : 0) + details * 11;
    if (size + cost + closing > room) break;
    kept.push(line);
    size += cost;
    const fenceMatch = /^(`{3,})/.exec(line);
    if (fenceMatch)
      fence = fence && fenceMatch[1].length >= fence.length ? undefined : (fence ?? fenceMatch[1]);
    if (!fence && line.startsWith('<details')) details++;
    if (!fence && line.startsWith('</details>')) details--;
  }
  if (fence) kept.push(fence);
  for (; details > 0; details--) kept.push('</details>');
  return kept.join('\n');
}
