#!/usr/bin/env node
// Renders a job summary (or a pull request comment) written in GitHub-flavoured markdown the way
// GitHub shows it, light theme, and takes a PNG screenshot with Debian's Chromium:
//
//   node scripts/summary-screenshot.mjs <markdown-file> <png-out> [options]
//
// Nothing reaches the network: the page and mermaid load from file://, the browser runs in a
// network namespace of its own (unshare), the page's Content-Security-Policy allows nothing else,
// any other request is aborted (and counted), and host names resolve nowhere. Exit 0: done; 1: usage or setup error; 3: written, but a mermaid
// diagram failed to render (GitHub would show an error box there too).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Marked } from 'marked';

const USAGE = `usage: node scripts/summary-screenshot.mjs <markdown-file> <png-out> [options]
  --comment          render as a pull request comment (line breaks kept, narrower)
  --open-details     open every <details> section (GitHub shows them closed)
  --width <px>       viewport width (default 1100 for a summary, 900 for a comment)
  --scale <n>        device scale factor (default 1; 2 for a sharper image)
  --title <text>     heading of the summary card (default: "build summary")
  --html <file>      also write the page as HTML
  --chromium <path>  browser (default $CHROMIUM_PATH or /usr/bin/chromium)`;

// Written for this tool after GitHub's light theme: its colours, type scale and spacing.
const STYLESHEET = `
:root { color-scheme: light; }
html, body { margin: 0; background: #ffffff; }
body { padding: 16px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", sans-serif, "Apple Color Emoji", "Noto Color Emoji"; color: #1f2328; }
#card { max-width: 1012px; border: 1px solid #d1d9e0; border-radius: 6px; background: #ffffff; overflow: hidden; }
#card.comment { max-width: 820px; }
.card-header, .comment-header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; background: #f6f8fa; font-size: 14px; font-weight: 600; }
.comment-header { font-weight: 400; color: #59636e; }
.comment-header strong { color: #1f2328; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; }
.markdown-body { padding: 16px 24px 24px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
.markdown-body p, .markdown-body blockquote, .markdown-body ul, .markdown-body ol, .markdown-body dl,
.markdown-body table, .markdown-body pre, .markdown-body details, .markdown-body .alert { margin-top: 0; margin-bottom: 16px; }
.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4, .markdown-body h5, .markdown-body h6 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
.markdown-body h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body h4 { font-size: 1em; }
.markdown-body h5 { font-size: .875em; }
.markdown-body h6 { font-size: .85em; color: #59636e; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body strong { font-weight: 600; }
.markdown-body hr { height: .25em; margin: 24px 0; padding: 0; border: 0; background: #d1d9e0; }
.markdown-body ul, .markdown-body ol { padding-left: 2em; }
.markdown-body li + li { margin-top: .25em; }
.markdown-body li:has(> input[type=checkbox]) { list-style: none; margin-left: -1.4em; }
.markdown-body input[type=checkbox] { margin: 0 .3em .25em 0; vertical-align: middle; }
.markdown-body blockquote { margin-left: 0; margin-right: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body code, .markdown-body kbd, .markdown-body pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%; }
.markdown-body code { padding: .2em .4em; margin: 0; white-space: break-spaces; background: #818b981f; border-radius: 6px; }
.markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; font-size: 100%; white-space: pre; }
.markdown-body kbd { padding: 3px 5px; font-size: 11px; border: 1px solid #d1d9e0; border-bottom-color: #d1d9e0b3; border-radius: 6px; box-shadow: inset 0 -1px 0 #d1d9e0b3; background: #f6f8fa; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; font-variant: tabular-nums; }
.markdown-body th { font-weight: 600; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body tr { background: #ffffff; border-top: 1px solid #d1d9e0b3; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body details summary { cursor: pointer; display: list-item; }
.markdown-body details[open] > summary { margin-bottom: 8px; }
.markdown-body details > :last-child { margin-bottom: 0; }
.markdown-body img { max-width: 100%; }
.markdown-body pre.mermaid { background: #ffffff; border: 1px solid #d1d9e0; text-align: center; white-space: pre; font-family: inherit; font-size: 100%; }
.markdown-body pre.mermaid.mermaid-error { text-align: left; border-color: #d1242f; background: #ffebe9; font-family: ui-monospace, "Liberation Mono", monospace; font-size: 85%; }
.markdown-body .alert { padding: 8px 16px; border-left: .25em solid; }
.markdown-body .alert > :last-child { margin-bottom: 0; }
.markdown-body .alert-title { font-weight: 500; margin-bottom: 4px; }
.alert-note { border-color: #0969da !important; } .alert-note .alert-title { color: #0969da; }
.alert-tip { border-color: #1a7f37 !important; } .alert-tip .alert-title { color: #1a7f37; }
.alert-important { border-color: #8250df !important; } .alert-important .alert-title { color: #8250df; }
.alert-warning { border-color: #9a6700 !important; } .alert-warning .alert-title { color: #9a6700; }
.alert-caution { border-color: #d1242f !important; } .alert-caution .alert-title { color: #d1242f; }
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    comment: { type: 'boolean', default: false },
    'open-details': { type: 'boolean', default: false },
    width: { type: 'string' },
    scale: { type: 'string', default: '1' },
    title: { type: 'string', default: 'build summary' },
    html: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length !== 2) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 1);
}
const [markdownFile, pngOut] = positionals;
const width = Number(values.width ?? (values.comment ? 900 : 1100));
const scale = Number(values.scale);
if (!Number.isInteger(width) || width < 320 || !(scale >= 1 && scale <= 4)) {
  console.error(`--width must be a whole number of pixels ≥ 320 and --scale between 1 and 4\n${USAGE}`);
  process.exit(1);
}
if (!existsSync(values.chromium)) {
  console.error(
    `No browser at ${values.chromium}. Install Debian's: apt-get install -y chromium fonts-liberation2 ` +
      'fonts-noto-color-emoji (or pass --chromium / CHROMIUM_PATH).',
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const mermaidUrl = pathToFileURL(require.resolve('mermaid/dist/mermaid.min.js')).href;
const markdown = await readFile(markdownFile, 'utf8');
const nonce = randomBytes(16).toString('base64');
const page = renderPage(markdown, {
  comment: values.comment,
  openDetails: values['open-details'],
  title: values.title,
  nonce,
  mermaidUrl,
});
if (values.html) await writeFile(values.html, page);

const workdir = await mkdtemp(join(tmpdir(), 'summary-screenshot-'));
const pagePath = join(workdir, 'index.html');
await writeFile(pagePath, page);
const isolated = spawnSync('unshare', ['--net', '--', 'true'], { stdio: 'ignore' }).status === 0;
let executablePath = values.chromium;
if (isolated) {
  // The browser runs in a network namespace of its own, with no interface up: even its own probes
  // (Chromium opens a UDP socket towards a public resolver to test IPv6) have nowhere to go.
  executablePath = join(workdir, 'chromium-offline');
  await writeFile(executablePath, `#!/bin/sh\nexec unshare --net -- ${shellQuote(values.chromium)} "$@"\n`, {
    mode: 0o755,
  });
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ],
});
let exitCode = 0;
try {
  // Playwright gives each launch a fresh, temporary user-data-dir.
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor: scale,
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  const aborted = [];
  await context.route(/^(?!file:|data:)/, (route) => {
    aborted.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const tab = await context.newPage();
  const refused = [];
  const pageErrors = [];
  tab.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    (/Content Security Policy/.test(text) ? refused : pageErrors).push(text);
  });
  tab.on('pageerror', (error) => pageErrors.push(error.message));
  await tab.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
  const result = await tab.waitForFunction(() => globalThis.__summaryRendered, null, { timeout: 60_000 });
  const { diagrams, failures } = await result.jsonValue();
  await tab.locator('#card').screenshot({ path: pngOut, animations: 'disabled' });
  const size = await tab.locator('#card').boundingBox();
  console.log(
    `${pngOut}: ${Math.round(size.width * scale)}×${Math.round(size.height * scale)} px, ` +
      `${diagrams} mermaid diagram(s), ${aborted.length + refused.length} outside load(s) refused, ` +
      (isolated
        ? 'browser without network (own namespace)'
        : 'unshare unavailable: browser in the host network'),
  );
  for (const url of aborted) console.error(`aborted request: ${url}`);
  for (const text of refused)
    console.error(`refused by the page's Content-Security-Policy: ${text.split('. ')[0]}`);
  for (const text of pageErrors) console.error(`page error: ${text}`);
  for (const failure of failures) console.error(`mermaid diagram failed: ${failure}`);
  if (failures.length) exitCode = 3;
} finally {
  await browser.close();
  await rm(workdir, { recursive: true, force: true });
}
process.exit(exitCode);

function shellQuote(text) {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The page: markdown rendered by marked (GFM), in a GitHub-like light stylesheet. */
function renderPage(source, { comment, openDetails, title, nonce, mermaidUrl }) {
  const marked = new Marked({ gfm: true, breaks: comment });
  marked.use({
    renderer: {
      code({ text, lang }) {
        if ((lang ?? '').trim().split(/\s+/)[0] === 'mermaid')
          return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
        return false;
      },
      // GitHub's alerts: a blockquote that starts with [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION].
      blockquote({ tokens }) {
        const html = this.parser.parse(tokens);
        const alert = /^<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*(?:<br>)?\s*/i.exec(html);
        if (!alert) return false;
        const kind = alert[1].toLowerCase();
        const rest = html.slice(alert[0].length);
        // "[!NOTE]" alone in its paragraph ends it; otherwise the paragraph goes on after it.
        const content = rest.startsWith('</p>') ? rest.slice(4).trimStart() : `<p>${rest}`;
        const label = kind[0].toUpperCase() + kind.slice(1);
        return `<div class="alert alert-${kind}"><p class="alert-title">${label}</p>${content}</div>\n`;
      },
    },
  });
  let body = marked.parse(source);
  if (openDetails) body = body.replace(/<details(?![^>]*\bopen\b)/gi, '<details open');
  // Only our two scripts run (the nonce); only inline styles and data: images load.
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
  ].join('; ');
  const frame = comment
    ? `<div class="comment-header"><strong>github-actions</strong> <span class="bot">bot</span> commented</div>`
    : `<div class="card-header">${escapeHtml(title)}</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${STYLESHEET}</style>
</head><body>
<div id="card" class="${comment ? 'comment' : 'summary'}">${frame}
<div class="markdown-body">
${body}
</div></div>
<script nonce="${nonce}" src="${escapeHtml(mermaidUrl)}"></script>
<script nonce="${nonce}">
(async () => {
  // What GitHub's sanitizer always drops (it keeps an allowlist; this covers what would change the picture).
  const body = document.querySelector('.markdown-body');
  body.querySelectorAll('script, style, link, meta, base, iframe, frame, frameset, object, embed, form, textarea, button, select, input:not([type=checkbox])').forEach((n) => n.remove());
  for (const element of body.querySelectorAll('*')) {
    for (const { name } of [...element.attributes]) if (/^on|^style$/i.test(name)) element.removeAttribute(name);
  }
  const nodes = [...document.querySelectorAll('pre.mermaid')];
  const failures = [];
  if (nodes.length && typeof mermaid === 'undefined') {
    failures.push('mermaid did not load');
  } else if (nodes.length) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', fontFamily: getComputedStyle(document.body).fontFamily });
    for (const node of nodes) {
      const source = node.textContent;
      try {
        await mermaid.run({ nodes: [node], suppressErrors: false });
      } catch (error) {
        failures.push(String(error && error.message || error).split('\\n')[0]);
        node.classList.add('mermaid-error');
        node.textContent = source;
      }
    }
  }
  await document.fonts.ready;
  window.__summaryRendered = { diagrams: nodes.length, failures };
})();
</script>
</body></html>`;
}

function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}
