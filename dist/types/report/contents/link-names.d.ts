import type { Header as TarHeader, Pax as TarPax } from 'tar';
/**
 * Follows a tar stream's headers as its chunks go by and clears the link name of entries that are not
 * links. Docker's engine writes some whiteouts as regular files that keep a hard link's target in the
 * header (`data/.wh.a10.bin`, link name `data/.wh.a1.bin`, after `rm -rf /data/a1*`); Go's archive/tar
 * and GNU tar ignore a link name there, node-tar's strict parser refuses the entry. Content passes
 * through as views of the chunks it came in (positions in the stream stay exact); a header that needs
 * cleaning, or that is split across chunks, goes on as a copy of its own. Entries are stepped over by
 * their size, pax sizes included, as node-tar's parser does.
 */
export declare class LinkNameCleaner {
    private readonly tar;
    /** Content (and padding) bytes before the next header. */
    private skip;
    /** A header split across chunks, held back until it is whole. */
    private held;
    private heldBytes;
    /** The content of a pax header being read, and the records in force. */
    private pax?;
    private extended?;
    private global?;
    constructor(tar: {
        Header: typeof TarHeader;
        Pax: typeof TarPax;
    });
    /** The chunk as the parser should get it, in pieces (none while a split header is held back). */
    pieces(chunk: Buffer): Buffer[];
    /** Reads one header block; returns a cleaned copy when its link name must go. */
    private header;
    private endPax;
}
