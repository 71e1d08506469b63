import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  buildImageReport,
  COMMENT_LIMIT_CHARACTERS,
  mdText,
  renderPullRequestComment,
  renderSummaryMarkdown,
  renderTerminal,
  reportCommentMarker,
  SUMMARY_LIMIT_BYTES,
  unavailableImageModel,
  type ImageReport,
} from '../../../src/report/index.js';
import { fixtureReport } from '../helpers/fixture-report.js';

// GitHub renders comments and summaries as GFM with raw HTML allowed and bare URLs linked.
const gfm = new MarkdownIt({ html: true, linkify: true });

/** The HTML tags a rendering contains, by name. */
function tags(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) {
    const name = match[0].startsWith('</') ? `/${match[1].toLowerCase()}` : match[1].toLowerCase();
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Text GitHub would turn into a mention, reference or link after rendering (it leaves code alone). */
function linkable(html: string): string[] {
  const text = html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]+>/g, ' ');
  return [...text.matchAll(/@[A-Za-z0-9-]+|#\d+|https?:\/\/\S+|www\.\S+/g)].map((m) => m[0]);
}

describe('markdown renderers', () => {
  const report = fixtureReport();

  it('job summary snapshot', async () => {
    await expect(renderSummaryMarkdown(report)).toMatchFileSnapshot('__snapshots__/summary.md.snap');
  });

  it('pull request comment snapshot', async () => {
    await expect(renderPullRequestComment(report)).toMatchFileSnapshot('__snapshots__/comment.md.snap');
  });

  it('terminal snapshot, and colours only when asked', async () => {
    await expect(renderTerminal(report)).toMatchFileSnapshot('__snapshots__/terminal.txt');
    expect(renderTerminal(report)).not.toContain('\x1b');
    expect(renderTerminal(report, { color: true })).toContain('\x1b[31mFAIL\x1b[0m');
  });

  it.each([
    ['summary', () => renderSummaryMarkdown(report)],
    ['comment', () => renderPullRequestComment(report)],
  ])('%s: hostile text renders inert: no HTML, image, link, mention or reference of its own', (_, render) => {
    const markdown = render();
    const html = gfm.render(markdown);
    const found = tags(html);
    for (const tag of ['img', 'script', 'a', 'b', 'del', 'em', 'h1', 'h2'])
      expect(found[tag] ?? 0, tag).toBe(0);
    // Every <details> we open is closed by us: nothing in the text closed one early.
    expect(found['details']).toBe(found['/details']);
    expect(markdown.match(/^<details><summary>/gm)?.length).toBe(found['/details']);
    expect(linkable(html)).toEqual([]);
    // The text is all there to read, only inert.
    expect(html).toContain('app/&lt;/details&gt;&lt;img src=x&gt;@\u200Dadmin.txt');
  });

  it('the summary shows hostile instructions in full, as text', () => {
    const html = gfm.render(renderSummaryMarkdown(report));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('@\u200Doctocat please review &lt;/details&gt;&lt;script&gt;');
    expect(html).toContain('**bold**');
  });

  it('hostile pipes and newlines stay inside their table cell', () => {
    const html = gfm.render(renderSummaryMarkdown(report));
    for (const table of html.split('<table>').slice(1)) {
      const body = table.slice(0, table.indexOf('</table>'));
      const header = (body.match(/<th[ >]/g) ?? []).length;
      for (const row of body.split('<tr>').slice(2)) expect((row.match(/<td/g) ?? []).length).toBe(header);
    }
  });

  it('a log cannot close its code block or its <details>', () => {
    const html = gfm.render(renderSummaryMarkdown(fixtureReport({ smokeLog: '````\n</details>\n```\nend' })));
    expect(html).toContain('<pre><code>````\n&lt;/details&gt;\n```\nend\n</code></pre>');
  });

  it('starts the comment with one marker line per image, safe inside an HTML comment', () => {
    const comment = renderPullRequestComment(report);
    expect(comment.split('\n')[0]).toBe('<!-- image-build:report:registry.example/api -->');
    const marker = reportCommentMarker('evil --> <img src=x> @me');
    expect(marker).toMatch(/^<!-- image-build:report:[A-Za-z0-9._/:+=_-]+ -->$/);
    expect(marker.slice(4, -3)).not.toMatch(/--|[<>@]/);
  });
});

describe('an image that could not be read', () => {
  it('still renders its tags, build steps and checks, and says why sizes are missing', () => {
    const report = buildImageReport({
      model: unavailableImageModel('registry.example/api'),
      tags: [{ reference: 'registry.example/api:pr-7', outcome: 'local' }],
      build: { steps: [{ instruction: 'RUN make', cached: true }] },
    });
    const summary = renderSummaryMarkdown(report);
    expect(summary).toContain('| Compressed size (pull) | unknown |');
    expect(summary).toContain('| Read from | not readable: no sizes |');
    expect(summary).toContain('registry.example/api:pr-7 (local)');
    expect(summary).not.toContain('#### Layers');
    expect(report.checks.filter((check) => check.status !== 'skip')).toEqual([]);
    expect(renderTerminal(report)).toContain('Compressed (pull)    unknown');
  });
});

describe('size limits', () => {
  const noisy = (): ImageReport => {
    const report = fixtureReport();
    report.notices = Array.from({ length: 300 }, (_, i) => `notice ${i} ${'<|>'.repeat(150)}`);
    return report;
  };

  it('the comment stays under 65,536 characters and says what it cut', () => {
    const comment = renderPullRequestComment(noisy());
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARACTERS);
    expect(comment).toMatch(/shortened or left out to fit GitHub's comment limit/);
    // What matters is still there.
    expect(comment).toContain('#### Checks');
    expect(comment).toContain('#### Layers');
    const html = gfm.render(comment);
    expect(tags(html)['details']).toBe(tags(html)['/details']);
  });

  it('the summary of many images stays under 1 MiB and says so', () => {
    const reports = Array.from({ length: 120 }, () => noisy());
    const summary = renderSummaryMarkdown(reports);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary).toMatch(/under GitHub's 1 MiB limit/);
    const html = gfm.render(summary);
    expect(tags(html)['details']).toBe(tags(html)['/details']);
  });

  it('a small report is not cut', () => {
    expect(renderPullRequestComment(fixtureReport())).not.toMatch(/left out/);
  });
});

describe('mdText', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a|b', 'a\\|b'],
    ['line\nbreak\r\nand\ttab', 'line break and tab'],
    ['<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['![i](u)', '\\!\\[i\\]\\(u\\)'],
    ['@user and a@b.c', '@\u200Duser and a@\u200Db.c'],
    ['fixes #12', 'fixes \\#\u200D12'],
    ['https://x.y and www.x.y', 'https:\u200D//x.y and www\u200D.x.y'],
    ['- item', '\\- item'],
    ['1. one', '1\\. one'],
    ['&amp;', '\\&amp;'],
    ['$x$', '\\$x\\$'],
    ['right\u202Eto-left', 'rightto-left'],
  ])('%j → %j', (input, expected) => expect(mdText(input)).toBe(expected));

  it('cuts long text before escaping, never inside a surrogate pair', () => {
    expect(mdText('a'.repeat(20), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(mdText(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
  });
});
