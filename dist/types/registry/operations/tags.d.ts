import { type Session } from './session.js';
/** Every tag of a repository, following `Link` pagination; none for a repository nobody pushed to. */
export declare function listTags(session: Session, repository: string, pageSize?: number): Promise<string[]>;
/** The next page from a `Link: </v2/…?last=x&n=y>; rel="next"` header, as a path on this registry. */
export declare function nextPage(link: string | undefined, baseUrl: string): string | undefined;
