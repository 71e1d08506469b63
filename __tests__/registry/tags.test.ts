import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../src/registry/client.js';
import type { HttpClient, HttpRequest } from '../../src/registry/transport/http.js';

/**
 * A tag-list endpoint that answers each page from `page(n)`, and stops the test (instead of looping
 * forever) after 50 requests: a client without a loop guard fails here rather than hanging.
 */
function tagPages(page: (n: number, url: URL) => { status?: number; body: string; link?: string }) {
  const sent: string[] = [];
  const http: HttpClient = {
    async send(request: HttpRequest) {
      const url = new URL(request.url);
      sent.push(`${url.pathname}${url.search}`);
      if (sent.length > 50) throw new RangeError('the client kept asking for pages');
      const answer = page(sent.length, url);
      return {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json', ...(answer.link ? { link: answer.link } : {}) },
        body: new TextEncoder().encode(answer.body),
      };
    },
  };
  return { http, sent };
}

const client = (http: HttpClient, maxTagPages?: number) =>
  createRegistryClient({ registry: 'reg.test', http, retry: { sleep: async () => undefined }, maxTagPages });

describe('listTags against a registry whose pagination does not end', () => {
  it('stops at a Link back to a page already read, with an error naming the page', async () => {
    const { http, sent } = tagPages(() => ({
      body: '{"name":"app","tags":["a"]}',
      link: '</v2/app/tags/list?n=1000>; rel="next"',
    }));
    await expect(client(http).listTags('app')).rejects.toThrow(
      'GET https://reg.test/v2/app/tags/list?n=1000 answered 200: the Link header leads back to /v2/app/tags/list?n=1000, a page already read: the tag list does not end',
    );
    expect(sent).toHaveLength(1);
  });

  it('stops on a cycle of two pages', async () => {
    const { http, sent } = tagPages((n) => ({
      body: `{"tags":["t${n}"]}`,
      link: `</v2/app/tags/list?last=t${n % 2}>; rel="next"`,
    }));
    await expect(client(http).listTags('app')).rejects.toThrow(
      /leads back to .*last=t1, a page already read/,
    );
    expect(sent).toHaveLength(3);
  });

  it('stops after the page cap when every Link is new', async () => {
    const { http, sent } = tagPages((n) => ({
      body: `{"tags":["t${n}"]}`,
      link: `</v2/app/tags/list?last=t${n}&n=1>; rel="next"`,
    }));
    await expect(client(http, 5).listTags('app')).rejects.toThrow(
      'GET https://reg.test/v2/app/tags/list?last=t5&n=1 failed: the tag list of app has more than 5 pages; stopped reading it',
    );
    expect(sent).toHaveLength(5);
  });

  it('reads up to the cap when the list ends in time', async () => {
    const { http } = tagPages((n) => ({
      body: `{"tags":["t${n}"]}`,
      link: n < 5 ? `</v2/app/tags/list?last=t${n}&n=1>; rel="next"` : undefined,
    }));
    expect(await client(http, 5).listTags('app')).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('fails on a page that is missing or not a tag list, rather than returning part of the list', async () => {
    const vanishing = tagPages((n) =>
      n === 1
        ? { body: '{"tags":["a"]}', link: '</v2/app/tags/list?last=a>; rel="next"' }
        : { status: 404, body: '{"errors":[{"code":"NAME_UNKNOWN","message":"gone"}]}' },
    );
    await expect(client(vanishing.http).listTags('app')).rejects.toThrow(
      'GET https://reg.test/v2/app/tags/list?last=a answered 404 (NAME_UNKNOWN: gone)',
    );
    const html = tagPages(() => ({ body: '<html>proxy error</html>' }));
    await expect(client(html.http).listTags('app')).rejects.toThrow(
      'GET https://reg.test/v2/app/tags/list?n=1000 answered 200: the tag list is not JSON',
    );
    const numbers = tagPages(() => ({ body: '{"tags":[1,2]}' }));
    await expect(client(numbers.http).listTags('app')).rejects.toThrow(/"tags" is not a list of strings/);
  });

  it('follows a Link that names another host only as a path on this registry', async () => {
    const { http, sent } = tagPages((n) => ({
      body: `{"tags":["t${n}"]}`,
      link: n === 1 ? '<https://elsewhere.test/v2/app/tags/list?last=t1>; rel="next"' : undefined,
    }));
    expect(await client(http).listTags('app')).toEqual(['t1', 't2']);
    expect(sent).toEqual(['/v2/app/tags/list?n=1000', '/v2/app/tags/list?last=t1']);
  });
});
