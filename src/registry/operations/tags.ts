import { BODY_LIMITS, MAX_TAG_PAGES } from '../limits.js';
import { RegistryError } from '../transport/errors.js';
import type { RegistryRequest } from '../transport/transport.js';
import { pullScope, type Session } from './session.js';

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
export async function listTags(
  session: Session,
  repository: string,
  options: ListTagsOptions = {},
): Promise<string[]> {
  const maxPages = options.maxPages ?? MAX_TAG_PAGES;
  const tags: string[] = [];
  const seen = new Set<string>();
  let path: string | undefined = `/v2/${repository}/tags/list?n=${options.pageSize ?? 1000}`;
  while (path) {
    const request: RegistryRequest = { method: 'GET', path, maxBodyBytes: BODY_LIMITS.tagPage };
    if (seen.size >= maxPages) {
      const detail = `the tag list of ${repository} has more than ${maxPages} pages; stopped reading it`;
      throw new RegistryError('GET', session.baseUrl + path, undefined, [], detail);
    }
    seen.add(path);
    const response = await session.send(request, [pullScope(repository)]);
    // distribution answers NAME_UNKNOWN (404) for a repository without any push yet.
    if (response.status === 404 && seen.size === 1) return tags;
    if (response.status !== 200) session.fail(request, response);
    tags.push(...readTagPage(response.body, (detail) => session.fail(request, response, detail)));
    path = nextPage(response.headers.link, session.baseUrl);
    if (path && seen.has(path)) {
      session.fail(
        request,
        response,
        `the Link header leads back to ${path}, a page already read: the tag list does not end`,
      );
    }
  }
  return tags;
}

function readTagPage(body: Uint8Array, fail: (detail: string) => never): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    fail('the tag list is not JSON');
  }
  const tags = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { tags?: unknown };
  if (tags.tags === undefined || tags.tags === null) return [];
  if (!Array.isArray(tags.tags) || tags.tags.some((t) => typeof t !== 'string'))
    fail('the tag list\'s "tags" is not a list of strings');
  return tags.tags as string[];
}

/**
 * The next page from a `Link: </v2/…?last=x&n=y>; rel="next"` header, as a path on this registry: the
 * link's host, if any, is ignored, so pagination never takes our credentials to another host.
 */
export function nextPage(link: string | undefined, baseUrl: string): string | undefined {
  if (!link) return undefined;
  const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!match) return undefined;
  const url = new URL(match[1], baseUrl);
  return url.pathname + url.search;
}
