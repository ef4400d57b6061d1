// The built site for the browser tests (run.mjs, lighthouse.mjs): its pages, their
// addresses below the base path, and a tiny static server on 127.0.0.1 that answers a
// missing address with the site's 404.html and status 404, as a web server does.

import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync, createReadStream } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

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

// ------------------------------------------------------------------ static server

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.avif': 'image/avif', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.pdf': 'application/pdf', '.webmanifest': 'application/manifest+json',
};
const NAMED_TYPES = { 'feed.xml': 'application/atom+xml; charset=utf-8' };

function contentType(file) {
  const base = file.slice(file.lastIndexOf(sep) + 1);
  return NAMED_TYPES[base] || TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
}

export function startServer(site, base) {
  const send = (req, res, status, file) => {
    const st = statSync(file);
    res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': st.size,
                            'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  const notFound = (req, res) => {
    const f = join(site, '404.html');
    if (existsSync(f)) return send(req, res, 404, f);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    let path;
    try { path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1/').pathname); } catch {
      res.writeHead(400); return res.end();
    }
    if (!path.startsWith(base)) {
      // The base path without its slash: redirect, as a web server does for a folder.
      if (path + '/' === base) { res.writeHead(301, { Location: base }); return res.end(); }
      return notFound(req, res);
    }
    const rest = path.slice(base.length);
    if (rest.split('/').some((seg) => seg === '..') || rest.includes('\0')) return notFound(req, res);
    let file = join(site, ...rest.split('/').filter(Boolean));
    let st = existsSync(file) ? statSync(file) : null;
    if (st && st.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: path + '/' });
        return res.end();
      }
      file = join(file, 'index.html');
      st = existsSync(file) ? statSync(file) : null;
    }
    if (!st || !st.isFile()) return notFound(req, res);
    send(req, res, 200, file);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}
