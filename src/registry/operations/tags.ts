import type { RegistryRequest } from '../transport/transport.js';
import { pullScope, type Session } from './session.js';

/** Every tag of a repository, following `Link` pagination; none for a repository nobody pushed to. */
export async function listTags(session: Session, repository: string, pageSize = 1000): Promise<string[]> {
  const tags: string[] = [];
  let path: string | undefined = `/v2/${repository}/tags/list?n=${pageSize}`;
  while (path) {
    const request: RegistryRequest = { method: 'GET', path };
    const response = await session.send(request, [pullScope(repository)]);
    // distribution answers NAME_UNKNOWN (404) for a repository without any push yet.
    if (response.status === 404) return tags;
    if (response.status !== 200) session.fail(request, response);
    const body = JSON.parse(Buffer.from(response.body).toString('utf8')) as { tags?: string[] | null };
    tags.push(...(body.tags ?? []));
    path = nextPage(response.headers.link, session.baseUrl);
  }
  return tags;
}

/** The next page from a `Link: </v2/…?last=x&n=y>; rel="next"` header, as a path on this registry. */
export function nextPage(link: string | undefined, baseUrl: string): string | undefined {
  if (!link) return undefined;
  const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!match) return undefined;
  const url = new URL(match[1], baseUrl);
  return url.pathname + url.search;
}
