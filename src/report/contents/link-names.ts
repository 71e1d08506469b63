import type { Header as TarHeader, HeaderData, Pax as TarPax } from 'tar';

const LINKS = new Set(['Link', 'SymbolicLink']);
const PAX = new Set(['ExtendedHeader', 'OldExtendedHeader', 'GlobalExtendedHeader']);
const LINK_NAME = { start: 157, end: 257 };
const CHECKSUM = { start: 148, end: 156 };

/**
 * Follows a tar stream's headers as its chunks go by and clears the link name of entries that are not
 * links. Docker's engine writes some whiteouts as regular files that keep a hard link's target in the
 * header (`data/.wh.a10.bin`, link name `data/.wh.a1.bin`, after `rm -rf /data/a1*`); Go's archive/tar
 * and GNU tar ignore a link name there, node-tar's strict parser refuses the entry. Content passes
 * through as views of the chunks it came in (positions in the stream stay exact); a header that needs
 * cleaning, or that is split across chunks, goes on as a copy of its own. Entries are stepped over by
 * their size, pax sizes included, as node-tar's parser does.
 */
export class LinkNameCleaner {
  /** Content (and padding) bytes before the next header. */
  private skip = 0;
  /** A header split across chunks, held back until it is whole. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** The content of a pax header being read, and the records in force. */
  private pax?: { type: string; chunks: Buffer[]; remaining: number };
  private extended?: HeaderData;
  private global?: HeaderData;

  constructor(private readonly tar: { Header: typeof TarHeader; Pax: typeof TarPax }) {}

  /** The chunk as the parser should get it, in pieces (none while a split header is held back). */
  pieces(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let offset = 0;
    let runStart = 0;
    const endRun = (at: number) => {
      if (at > runStart) out.push(chunk.subarray(runStart, at));
    };
    while (offset < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - offset);
        if (this.pax && this.pax.remaining > 0) {
          const wanted = Math.min(n, this.pax.remaining);
          this.pax.chunks.push(Buffer.from(chunk.subarray(offset, offset + wanted)));
          this.pax.remaining -= wanted;
        }
        this.skip -= n;
        offset += n;
        if (this.skip === 0 && this.pax) this.endPax();
        continue;
      }
      if (this.heldBytes === 0 && chunk.length - offset >= 512) {
        const cleaned = this.header(chunk.subarray(offset, offset + 512));
        if (cleaned) {
          endRun(offset);
          out.push(cleaned);
          runStart = offset + 512;
        }
        offset += 512;
        continue;
      }
      endRun(offset);
      const n = Math.min(512 - this.heldBytes, chunk.length - offset);
      this.held.push(Buffer.from(chunk.subarray(offset, offset + n)));
      this.heldBytes += n;
      offset += n;
      runStart = offset;
      if (this.heldBytes === 512) {
        const block = Buffer.concat(this.held);
        this.held = [];
        this.heldBytes = 0;
        out.push(this.header(block) ?? block);
      }
    }
    endRun(chunk.length);
    return out;
  }

  /** Reads one header block; returns a cleaned copy when its link name must go. */
  private header(block: Buffer): Buffer | undefined {
    let header: TarHeader;
    try {
      header = new this.tar.Header(block, 0, this.extended, this.global);
    } catch {
      return undefined; // the parser reports it
    }
    if (header.nullBlock || !header.cksumValid) return undefined;
    const size = header.size ?? 0;
    this.skip = Math.ceil(size / 512) * 512;
    if (PAX.has(header.type)) {
      this.pax = { type: header.type, chunks: [], remaining: size };
      if (this.skip === 0) this.endPax();
      return undefined;
    }
    if (!header.type.startsWith('Next') && header.type !== 'OldGnuLongPath') this.extended = undefined;
    if (LINKS.has(header.type) || block[LINK_NAME.start] === 0) return undefined;
    const cleaned = Buffer.from(block);
    cleaned.fill(0, LINK_NAME.start, LINK_NAME.end);
    cleaned.fill(0x20, CHECKSUM.start, CHECKSUM.end);
    const sum = cleaned.reduce((total, byte) => total + byte, 0);
    cleaned.write(`${sum.toString(8).padStart(6, '0')}\0 `, CHECKSUM.start, 'latin1');
    return cleaned;
  }

  private endPax(): void {
    const { type, chunks } = this.pax as NonNullable<typeof this.pax>;
    const text = Buffer.concat(chunks).toString('utf8');
    if (type === 'GlobalExtendedHeader') this.global = this.tar.Pax.parse(text, this.global, true);
    else this.extended = this.tar.Pax.parse(text, this.extended, false);
    this.pax = undefined;
  }
}
