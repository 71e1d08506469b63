import { type Session } from './session.js';
export interface ListTagsOptions {
    /** Tags asked for per page (the registry may send fewer). */
    pageSize?: number;
    /** Pages read before giving up. */
    maxPages?: number;
}
/**
 * Every tag of a repository, following `Link` pagination; none for a repository nobody pushed to.
 * A partial list would mislead the floating-tag guard, so a list that does not end fails: a `Link`
 * back to a page already read, more than `maxPages` pages, a page over 4 MiB or not JSON.
 */
export declare function listTags(session: Session, repository: string, options?: ListTagsOptions): Promise<string[]>;
/**
 * The next page from a `Link: </v2/…?last=x&n=y>; rel="next"` header, as a path on this registry: the
 * link's host, if any, is ignored, so pagination never takes our credentials to another host.
 */
export declare function nextPage(link: string | undefined, baseUrl: string): string | undefined;
