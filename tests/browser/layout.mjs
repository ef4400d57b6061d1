// Layout measures of a built page, for tests/browser/run.mjs and on their own:
//
//   node tests/browser/layout.mjs [--site DIR] [PAGE-FILTER]
//
// prints, per page, what run.mjs checks (the same functions):
//
//   first paragraph   at 360x800, the top edge of the page's first paragraph of running text
//                     (FIRST_PARAGRAPH below), in CSS px from the top of the page; an article
//                     fails when it is below the first screen (more than 800 px down)
//   header            the height of the site header (header.site-header) at 360x800 and
//                     1280x800; fails above 25 % of the viewport's height
//   320 px, 200 %     a 320x800 viewport with the browser's text size doubled (Chromium's
//                     font-size setting through CDP, Page.setFontSizes: 16 px -> 32 px, as a
//                     reader's "larger text" setting does): the page must not scroll sideways
//                     (scrollWidth <= clientWidth) and the search field, with the menu open,
//                     must stay at least 120 px wide
//
// The menu (details.site-menu) is opened for the search field's width only: the other
// measures are taken as a reader first sees the page.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEADER_MAX_SHARE = 0.25;
export const ARTICLE_FIRST_PARAGRAPH_MAX = 800;
export const SEARCH_MIN_WIDTH = 120;
export const NARROW = { name: '320', width: 320, height: 800 };

// The first paragraph of running text: an article's first paragraph of its body; elsewhere
// the first paragraph in <main>.
export const FIRST_PARAGRAPH = '.article-body > p';

// Runs in the page.
function measureInPage(sel) {
  const top = (el) => (el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null);
  window.scrollTo(0, 0);
  const header = document.querySelector('header.site-header');
  const isArticle = document.body.classList.contains('kind-article');
  const para = isArticle ? document.querySelector(sel) : document.querySelector('main p');
  return {
    isArticle,
    header: header ? Math.round(header.getBoundingClientRect().height) : null,
    firstParagraph: top(para),
    viewportHeight: window.innerHeight,
  };
}

// Runs in the page, which the browser shows with its text size doubled (measureLargeTextAt):
// measures, opens the menu, and measures again.
function measureLargeText() {
  const root = document.documentElement;
  window.scrollTo(0, 0);
  const out = { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  const menu = document.querySelector('details.site-menu');
  if (menu) menu.open = true;
  const input = document.querySelector('.site-search-input, #search-q');
  out.search = input ? Math.round(input.getBoundingClientRect().width) : null;
  out.scrollWidthMenuOpen = root.scrollWidth;
  out.header = Math.round(document.querySelector('header.site-header')?.getBoundingClientRect().height ?? 0);
  return out;
}

// The measures at one viewport of a page already loaded in `tab`.
export async function measureLayout(tab) {
  return tab.evaluate(measureInPage, FIRST_PARAGRAPH);
}

// The 320 px / 200 % text measures: `context` is a new browser context; `url` the page.
export async function measureLargeTextAt(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: NARROW.width, height: NARROW.height },
                                             deviceScaleFactor: 1, reducedMotion: 'reduce',
                                             ...contextOptions });
  try {
    const tab = await context.newPage();
    // The browser's own text size at 200 % (Chromium's font-size setting, 16 px -> 32 px),
    // as a reader who needs large text sets it: unlike a style sheet's root font size, it
    // also moves the em-based breakpoints, as it does for that reader.
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await tab.goto(url, { waitUntil: 'load', timeout: 30000 });
    return await tab.evaluate(measureLargeText);
  } finally {
    await context.close();
  }
}

// What fails, as sentences; `m` holds { '360': measureLayout, '1280': ..., large: ... }.
export function layoutFailures(m) {
  const out = [];
  for (const [name, r] of Object.entries(m)) {
    if (name === 'large' || !r) continue;
    if (r.header !== null && r.header > HEADER_MAX_SHARE * r.viewportHeight) {
      out.push(`at ${name} px the header is ${r.header} px tall, more than ${HEADER_MAX_SHARE * 100} % of ${r.viewportHeight} px`);
    }
  }
  const phone = m['360'];
  if (phone && phone.isArticle) {
    if (phone.firstParagraph === null) out.push(`at 360 px the article has no first paragraph (${FIRST_PARAGRAPH})`);
    else if (phone.firstParagraph > ARTICLE_FIRST_PARAGRAPH_MAX) {
      out.push(`at 360x800 the article's first paragraph starts ${phone.firstParagraph} px down, below the first screen (${ARTICLE_FIRST_PARAGRAPH_MAX} px)`);
    }
  }
  const l = m.large;
  if (l) {
    const sw = Math.max(l.scrollWidth, l.scrollWidthMenuOpen);
    if (sw > l.clientWidth) out.push(`at 320 px with 200 % text the page is ${sw} px wide in a ${l.clientWidth} px window`);
    if (l.search !== null && l.search < SEARCH_MIN_WIDTH) {
      out.push(`at 320 px with 200 % text the search field is ${l.search} px wide (at least ${SEARCH_MIN_WIDTH} px)`);
    }
  }
  return out;
}

// One row of the report's layout table.
export function layoutRow(page, m) {
  const v = (x) => (x === null || x === undefined ? '-' : String(x));
  const l = m.large || {};
  return `| ${page} | ${v(m['360']?.firstParagraph)}${m['360']?.isArticle ? '' : ' (not an article)'} | ` +
         `${v(m['360']?.header)} / ${v(m['1280']?.header)} | ${v(l.header)} | ` +
         `${v(l.scrollWidth === undefined ? null : Math.max(l.scrollWidth, l.scrollWidthMenuOpen))} / ${v(l.clientWidth)} | ` +
         `${v(l.search)} |`;
}

export const LAYOUT_TABLE_HEAD = [
  '| page | first paragraph at 360x800 (px from top) | header height 360 / 1280 (px) | header at 320, 200 % text (px, menu open) | page width / window at 320, 200 % text (px) | search field at 320, 200 % text (px) |',
  '| --- | --- | --- | --- | --- | --- |',
];

// ------------------------------------------------------------------ on its own

async function standalone() {
  const { createRequire } = await import('node:module');
  const { readdirSync } = await import('node:fs');
  const { createServer } = await import('node:http');
  const { readFileSync, existsSync, statSync } = await import('node:fs');
  const { extname } = await import('node:path');
  const here = dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2);
  let site = resolve(here, '..', '..', 'site');
  let filter = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--site') site = resolve(args[++i]);
    else filter = args[i];
  }
  const pages = [];
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), rel + e.name + '/');
      else if (e.name.endsWith('.html') && e.name !== '404.html') pages.push(rel + e.name);
    }
  };
  walk(site, '');
  pages.sort();
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
                  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x/').pathname);
    let f = join(site, p);
    if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
    if (!existsSync(f)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'Content-Type': types[extname(f)] || 'application/octet-stream' });
    res.end(readFileSync(f));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const require = createRequire(import.meta.url);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
                                          args: ['--no-sandbox'] });
  console.log(LAYOUT_TABLE_HEAD.join('\n'));
  let failed = 0;
  for (const rel of pages.filter((p) => p.includes(filter))) {
    const url = origin + rel.replace(/index\.html$/, '');
    const m = {};
    for (const vp of [{ name: '360', width: 360, height: 800 }, { name: '1280', width: 1280, height: 800 }]) {
      const ctx = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: 1 });
      const tab = await ctx.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      m[vp.name] = await measureLayout(tab);
      await ctx.close();
    }
    m.large = await measureLargeTextAt(browser, url);
    const f = layoutFailures(m);
    if (f.length) failed++;
    console.log(layoutRow(rel, m) + (f.length ? ` FAIL: ${f.join('; ')}` : ''));
  }
  await browser.close();
  server.close();
  console.log(`${failed} pages fail the layout measures`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  standalone().catch((e) => { console.error(e); process.exit(2); });
}
