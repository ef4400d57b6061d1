// The built site for the browser tests (run.mjs, lighthouse.mjs): its pages and their
// addresses below the base path. nginx serves it (nginx.mjs).

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Every .html file below dir, as "a/b/index.html" paths, index.html first.
export function listPages(dir) {
  const pages = [];
  const walk = (d) => {
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile() && ent.name.endsWith('.html')) pages.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return pages.sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
}

// The page's address below the base path: "articles/x/index.html" -> "articles/x/".
export function pageUrlPath(rel) {
  if (rel === 'index.html') return '';
  if (rel.endsWith('/index.html')) return rel.slice(0, -'index.html'.length);
  return rel;
}

// The base path from the canonical links: a page at "articles/x/" whose canonical URL's path
// is "/kb/articles/x/" says the base path is "/kb/".
export function findBasePath(site, pages) {
  if (process.env.BASE_PATH) {
    let b = process.env.BASE_PATH;
    if (!b.startsWith('/')) b = '/' + b;
    if (!b.endsWith('/')) b += '/';
    return b;
  }
  for (const rel of pages) {
    const html = readFileSync(join(site, rel), 'utf8');
    for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
      if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
      const m = tag.match(/\bhref\s*=\s*"([^"]*)"|\bhref\s*=\s*'([^']*)'/i);
      if (!m) continue;
      let path;
      try { path = new URL(m[1] ?? m[2], 'http://x/').pathname; } catch { continue; }
      const own = pageUrlPath(rel);
      if (path.endsWith(own)) {
        const base = path.slice(0, path.length - own.length);
        if (base.startsWith('/') && base.endsWith('/')) return base;
      }
    }
  }
  return '/';
}
