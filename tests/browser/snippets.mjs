// Snippets from an article's own page (issue 19), for tests/browser/run.mjs: on a search
// page, a word that the articles have only deep in their bodies (beyond the excerpts the
// index keeps) must show a result whose snippet marks it, which search.js can only do by
// loading the article's page after the results are shown.
//
// Each check names its search page and a word of the built site (make site, from
// content/). Before the browser, the word is searched for in that page's index with
// search.js itself: every article it finds must have it in no title, summary, heading or
// excerpt sentence (search.js's needsPage), or the check would prove nothing, and it fails
// asking for another word. Another site than the repository's (BROWSER_SITE) may not have
// the words: there a check whose word does not qualify is skipped, and says so.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const search = require(resolve(HERE, '..', '..', 'templates', 'assets', 'search.js'));

// The search pages (below the site) and their words: in the risks lists of the articles.
export const SNIPPET_CHECKS = [
  { page: 'search/index.html', index: 'search-index.json', query: '매듭' },
  { page: 'en/search/index.html', index: 'en/search-index.json', query: 'bruising' },
];

// Why query cannot show a snippet from an article's page in the index at file, or null.
function precondition(file, query) {
  let ix;
  try {
    ix = search.prepare(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    return `cannot read ${file}: ${e.message}`;
  }
  const articles = search.search(ix, query).filter((r) => r.kind === 'article');
  if (!articles.length) return `no article of ${file} has '${query}': choose another word`;
  const shown = articles.filter((r) => !search.needsPage(r)).map((r) => r.url);
  if (shown.length) {
    return `'${query}' is in the title, summary, a heading or the excerpt of ${shown.join(', ')} ` +
           `(${file}): choose a word that only the bodies have, beyond the excerpts`;
  }
  return null;
}

// Runs in the page: the texts of the marks in the snippets of #search-results, and how many
// article results there are.
function marksInPage() {
  const items = [...document.querySelectorAll('#search-results li.search-result-article')];
  return {
    results: items.length,
    marks: items.map((li) => [...li.querySelectorAll('.search-result-snippet mark')]
      .map((m) => m.textContent)),
  };
}

// Run the checks whose page is among pages, on a phone's screen: site the built site (own:
// whether it is the repository's, built from content/), origin and base where it is served
// (on 127.0.0.1: a request elsewhere fails the check). Returns {failures, lines}: what
// failed (strings) and the rows of the report's table.
export async function checkSnippets(browser, site, own, origin, base, pages) {
  const failures = [], lines = [];
  for (const c of SNIPPET_CHECKS) {
    if (!pages.includes(c.page)) continue;
    const head = `${c.page}, '${c.query}'`;
    const why = precondition(join(site, c.index), c.query);
    if (why && !own) {
      lines.push(`| ${c.page} | ${c.query} | skipped: ${why.replace(/\|/g, '/')} | | |`);
      continue;
    }
    if (why) {
      failures.push(`${head}: ${why}`);
      continue;
    }
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light',
      reducedMotion: 'reduce', serviceWorkers: 'block',
    });
    const errors = [], loaded = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin || url.protocol === 'data:') return route.continue();
      errors.push(`request to another host: ${url}`);
      return route.abort('blockedbyclient');
    });
    try {
      const tab = await context.newPage();
      tab.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      tab.on('request', (r) => { if (r.resourceType() === 'fetch') loaded.push(new URL(r.url()).pathname); });
      await tab.goto(origin + base + c.page.replace(/index\.html$/, ''), { waitUntil: 'load' });
      await tab.fill('#search-q', c.query);
      const want = c.query.normalize('NFKC').toLowerCase();
      try {
        await tab.waitForFunction((q) => [...document.querySelectorAll(
          '#search-results .search-result-snippet mark')].some((m) =>
          m.textContent.normalize('NFKC').toLowerCase().includes(q)), want, { timeout: 15000 });
      } catch {
        const got = await tab.evaluate(marksInPage);
        failures.push(`${head}: no result's snippet marks the word after 15 s (${got.results} ` +
                      `article results; marks: ${JSON.stringify(got.marks)}; loaded: ${loaded.join(', ')})`);
        continue;
      }
      await tab.waitForLoadState('networkidle');
      const got = await tab.evaluate(marksInPage);
      const marked = got.marks.filter((ms) => ms.some((m) =>
        m.normalize('NFKC').toLowerCase().includes(want))).length;
      const pagesLoaded = loaded.filter((u) => !u.endsWith('.json'));
      if (new Set(pagesLoaded).size !== pagesLoaded.length) {
        failures.push(`${head}: a page was loaded twice: ${pagesLoaded.join(', ')}`);
      }
      for (const e of errors) failures.push(`${head}: console error: ${e}`);
      lines.push(`| ${c.page} | ${c.query} | ${got.results} | ${marked} | ${pagesLoaded.length} |`);
    } finally {
      await context.close();
    }
  }
  return { failures, lines };
}

export const SNIPPETS_TABLE_HEAD = [
  '## Snippets from articles\' pages',
  '',
  'A word that the articles have only deep in their bodies, typed on a search page: the ' +
  'article results, how many of them show it marked in their snippet (at least one must), ' +
  'and the article pages loaded for that (each at most once). See tests/browser/snippets.mjs.',
  '',
  '| search page | query | article results | marked | pages loaded |',
  '| --- | --- | --- | --- | --- |',
];
