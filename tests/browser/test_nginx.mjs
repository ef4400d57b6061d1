// Tests of nginx.mjs's checks on a server that gets things wrong on purpose (Node's own, no
// nginx): each check must be able to fail. node --test tests/browser/test_nginx.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkServing, SECURITY_HEADERS } from './nginx.mjs';

const GOOD = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), geolocation=(), microphone=()',
  'x-frame-options': 'DENY',
};

// A site of one page, one fingerprinted style sheet and a 404 page, with a .gz of the page.
function site() {
  const dir = mkdtempSync(join(tmpdir(), 'suture-test-nginx-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title><p>' + 'x'.repeat(2000));
  writeFileSync(join(dir, 'index.html.gz'), gzipSync(readFileSync(join(dir, 'index.html'))));
  writeFileSync(join(dir, 'assets', 'site.0123456789ab.css'), 'p{color:#111}');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>not found</title>');
  return dir;
}

// A server for dir that answers as wrong(req) says: { headers: {...}, gz: bytes, status404 }.
function serve(dir, wrong) {
  const server = createServer((req, res) => {
    const w = wrong(req);
    const path = req.url === '/' ? '/index.html' : req.url;
    let body, status = 200;
    try { body = readFileSync(join(dir, path)); } catch {
      body = readFileSync(join(dir, '404.html'));
      status = w.status404 ?? 404;
    }
    const headers = { ...GOOD, ...w.headers,
      'content-type': path.endsWith('.html') || status !== 200 ? 'text/html; charset=utf-8' : 'text/css',
      'cache-control': path.includes('.0123456789ab.') ? 'public, max-age=31536000, immutable' : 'no-cache' };
    for (const [k, v] of Object.entries(w.headers || {})) if (v === undefined) delete headers[k];
    if (w.cacheAsset && path.includes('.0123456789ab.')) headers['cache-control'] = w.cacheAsset;
    if (/gzip/.test(req.headers['accept-encoding'] || '') && path === '/index.html' && status === 200) {
      body = w.gz ?? gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function problems(wrong) {
  const dir = site();
  const server = await serve(dir, wrong);
  try {
    const r = await checkServing(`http://127.0.0.1:${server.address().port}`, '/', dir);
    return [...r.files.flatMap((f) => f.problems.map((p) => `${f.rel}: ${p}`)),
            ...r.notFound.flatMap((n) => n.problems.map((p) => `404: ${p}`))];
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a server that does everything right has no problems', async () => {
  assert.deepEqual(await problems(() => ({})), []);
});

test('a missing security header is found on every response, the 404 too', async () => {
  const found = await problems(() => ({ headers: { 'x-frame-options': undefined } }));
  assert.ok(found.includes('index.html: no x-frame-options'), found.join('\n'));
  assert.ok(found.includes('404: no x-frame-options'), found.join('\n'));
  assert.ok(found.some((p) => p.startsWith('assets/site.0123456789ab.css: no x-frame-options')));
});

test("a CSP without frame-ancestors 'none' is a problem", async () => {
  const found = await problems(() => ({ headers: { 'content-security-policy': "default-src 'self'" } }));
  assert.ok(found.some((p) => /content-security-policy .* lacks \/frame-ancestors 'none'\//.test(p)), found.join('\n'));
});

test('a fingerprinted asset that is not immutable is a problem', async () => {
  const found = await problems(() => ({ cacheAsset: 'max-age=60' }));
  assert.ok(found.some((p) => p.startsWith('assets/site.0123456789ab.css: cache-control')), found.join('\n'));
});

test('a gzip response that is not the file is a problem', async () => {
  const found = await problems(() => ({ gz: gzipSync(Buffer.from('something else')) }));
  assert.ok(found.includes('index.html: the gzip response does not decompress to the file'), found.join('\n'));
});

test('a missing page answered with 200 is a problem', async () => {
  const found = await problems(() => ({ status404: 200 }));
  assert.ok(found.includes('404: status 200, not 404'), found.join('\n'));
});

test('every security header is checked', () => {
  assert.deepEqual(Object.keys(SECURITY_HEADERS).sort(), Object.keys(GOOD).sort());
});
