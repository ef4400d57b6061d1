// The built site served as it will be in production: by Debian's nginx, started on a free
// port of 127.0.0.1 with the server block `suture server-config nginx` generates from the
// site's site.yaml (never a hand-written one), inside a minimal nginx.conf of our own so that
// it runs as any user, with its pid file, logs and temporary files in a folder of its own.
//
// checkServing() then asks nginx for every file of the site, as a browser would and as one
// that takes no compression would, and lists every response that is not what the generated
// configuration promises: the security headers on every response (the 404 too), caching
// (immutable for the fingerprinted style sheets and scripts, revalidated for pages), each
// precompressed copy chosen by Accept-Encoding and decompressing to its file byte for byte,
// and the 404 page with status 404.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pageUrlPath } from './site.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';
const MODULES = '/etc/nginx/modules-enabled';

// A free TCP port on 127.0.0.1 (the kernel's choice; free when this returns).
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// The modules Debian's packages enable (brotli_static among them), as load_module lines.
function moduleLines() {
  if (!existsSync(MODULES)) return '';
  return readdirSync(MODULES).filter((f) => f.endsWith('.conf')).sort()
    .map((f) => `include ${join(MODULES, f)};`).join('\n');
}

// The nginx.conf around the generated server block: one worker, in the foreground, every
// path it writes inside dir. As root, nginx's workers would run as nobody, who may not read
// a site under a private home: they run as the user who runs the tests instead.
function wrapperConf(dir, block) {
  const runAsRoot = process.getuid && process.getuid() === 0;
  return `# Written by tests/browser/nginx.mjs for make test-browser.
${runAsRoot ? `user ${userInfo().username};` : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${moduleLines()}
events { worker_connections 256; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/site.conf;
}
`;
}

// Resolves once something accepts connections on port, or rejects after ms.
function waitForPort(port, child, ms) {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const attempt = () => {
      if (child.exitCode !== null) return fail(new Error(`nginx exited with ${child.exitCode}`));
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'HEAD' }, (res) => {
        res.resume();
        ok();
      });
      req.on('error', () => {
        if (Date.now() - started > ms) fail(new Error(`nginx did not answer on port ${port} in ${ms} ms`));
        else setTimeout(attempt, 50);
      });
      req.end();
    };
    attempt();
  });
}

// Starts nginx serving site (a built site) with the configuration suture generates from the
// site.yaml in content. suture: the suture binary. Resolves to a server with address() and
// close(), as Node's http.Server has, and conf, the generated server block; rejects with the
// reason (nginx missing, the configuration refused by nginx -t, no answer).
export async function startNginx(site, { suture, content }) {
  if (!existsSync(NGINX)) throw new Error(`no nginx at ${NGINX} (Debian: apt-get install nginx libnginx-mod-http-brotli-static)`);
  const port = await freePort();
  const gen = spawnSync(suture, ['server-config', 'nginx', '--content', content,
                                 '--root', resolve(site), '--listen', `127.0.0.1:${port}`],
                        { encoding: 'utf8' });
  if (gen.error || gen.status !== 0) {
    throw new Error(`suture server-config nginx failed (${gen.error ? gen.error.message : `exit ${gen.status}`}): ${gen.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'suture-nginx-'));
  writeFileSync(join(dir, 'site.conf'), gen.stdout);
  writeFileSync(join(dir, 'nginx.conf'), wrapperConf(dir, gen.stdout));
  // nginx's own prefix stays: Debian's load_module lines name modules relative to it.
  const args = ['-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const test = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the generated configuration:\n${test.stderr}`);
  }
  const child = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const close = (done) => {
    const finish = () => { rmSync(dir, { recursive: true, force: true }); if (done) done(); };
    if (child.exitCode !== null || child.signalCode !== null) return finish();
    child.once('exit', finish);
    child.kill('SIGQUIT');
  };
  try {
    await waitForPort(port, child, 10000);
  } catch (e) {
    close();
    throw new Error(`${e.message}\n${stderr}`);
  }
  return { address: () => ({ port }), close, conf: gen.stdout };
}

// ------------------------------------------------------------------ the responses

// GET path from origin with the given request headers; resolves to { status, headers, body }.
function get(origin, path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(origin + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders,
                               body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

// Every file of the site below dir, as "a/b.css" paths, without the compressed copies and
// the build's own records (.suture/) and _headers, which are not served as pages of it.
function listFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      const rel = relative(dir, p).split(sep).join('/');
      if (ent.isDirectory()) { if (ent.name !== '.suture') walk(p); }
      else if (ent.isFile() && !/\.(gz|br)$/.test(ent.name) && rel !== '_headers') files.push(rel);
    }
  };
  walk(dir);
  return files.sort();
}

// The security headers every response must carry, with what each value must hold.
export const SECURITY_HEADERS = {
  'content-security-policy': [/default-src 'self'/, /frame-ancestors 'none'/],
  'strict-transport-security': [/max-age=\d{7,}/],
  'x-content-type-options': [/^nosniff$/],
  'referrer-policy': [/^strict-origin-when-cross-origin$/],
  'permissions-policy': [/camera=\(\)/, /geolocation=\(\)/, /microphone=\(\)/],
  'x-frame-options': [/^DENY$/i],
};

// What is wrong with the security headers of res, as texts.
function securityProblems(res) {
  const out = [];
  for (const [name, musts] of Object.entries(SECURITY_HEADERS)) {
    const v = res.headers[name];
    if (v === undefined) { out.push(`no ${name}`); continue; }
    for (const re of musts) if (!re.test(String(v))) out.push(`${name} '${v}' lacks ${re}`);
  }
  return out;
}

const FINGERPRINTED = /^assets\/[^/]+\.[0-9a-f]{12}\.(css|js)$/;

// What is wrong with the caching of res, the file rel, as texts.
function cacheProblems(rel, res) {
  const cc = String(res.headers['cache-control'] || '');
  if (FINGERPRINTED.test(rel)) {
    if (!/immutable/.test(cc) || !/max-age=31536000/.test(cc)) return [`cache-control '${cc}': a fingerprinted asset must be immutable for a year`];
  } else if (rel.endsWith('.html')) {
    if (!/no-cache|must-revalidate/.test(cc) || /immutable/.test(cc)) return [`cache-control '${cc}': a page must be revalidated`];
  } else if (/immutable/.test(cc)) {
    return [`cache-control '${cc}': only fingerprinted assets may be immutable`];
  } else if (!cc) {
    return ['no cache-control'];
  }
  return [];
}

// The problems of one file: served plain, gzipped and in Brotli. Resolves to
// { rel, problems: [text], variants: { identity: bytes, gzip?: bytes, br?: bytes },
//   headerLines: the plain response's status line and headers, as texts }.
async function checkFile(origin, base, site, rel) {
  const url = base + (rel.endsWith('.html') ? pageUrlPath(rel) : rel);
  const bytes = readFileSync(join(site, rel));
  const problems = [];
  const variants = {};
  const plain = await get(origin, url);
  if (plain.status !== 200) problems.push(`status ${plain.status} without compression`);
  else if (!plain.body.equals(bytes)) problems.push('the uncompressed response is not the file');
  if (plain.headers['content-encoding']) problems.push(`content-encoding ${plain.headers['content-encoding']} though none was accepted`);
  variants.identity = plain.body.length;
  problems.push(...securityProblems(plain), ...cacheProblems(rel, plain));
  if (rel.endsWith('.html') && !/^text\/html; charset=utf-8$/i.test(plain.headers['content-type'] || '')) {
    problems.push(`content-type '${plain.headers['content-type']}'`);
  }
  for (const [enc, suffix, unpack] of [['gzip', '.gz', gunzipSync], ['br', '.br', brotliDecompressSync]]) {
    if (!existsSync(join(site, rel + suffix))) continue;
    const res = await get(origin, url, { 'Accept-Encoding': enc });
    if (res.headers['content-encoding'] !== enc) {
      problems.push(`asked for ${enc}, got content-encoding '${res.headers['content-encoding'] || 'none'}'`);
      continue;
    }
    variants[enc] = res.body.length;
    let back;
    try { back = unpack(res.body); } catch (e) { problems.push(`the ${enc} response does not decompress: ${e.message}`); continue; }
    if (!back.equals(bytes)) problems.push(`the ${enc} response does not decompress to the file`);
    if (!/accept-encoding/i.test(String(res.headers.vary || ''))) problems.push(`the ${enc} response has no Vary: Accept-Encoding`);
    problems.push(...securityProblems(res).map((p) => `${enc}: ${p}`));
  }
  // A browser sends both: it gets the smaller, Brotli, when there is one.
  if (existsSync(join(site, rel + '.br'))) {
    const both = await get(origin, url, { 'Accept-Encoding': 'gzip, deflate, br' });
    if (both.headers['content-encoding'] !== 'br') problems.push(`with 'gzip, deflate, br' got '${both.headers['content-encoding'] || 'none'}', not br`);
  }
  const headerLines = [`HTTP/1.1 ${plain.status}`];
  for (let i = 0; i + 1 < plain.raw.length; i += 2) headerLines.push(`${plain.raw[i]}: ${plain.raw[i + 1]}`);
  return { rel, problems, variants, headerLines };
}

// Asks nginx at origin for every file of site (base: the base path, "/") and for missing
// addresses. Resolves to { files: [checkFile results], notFound: [{ url, problems }],
// bytesByType: { ".html": { identity, gzip, br, files } } } for the report.
export async function checkServing(origin, base, site) {
  const files = [];
  for (const rel of listFiles(site)) files.push(await checkFile(origin, base, site, rel));
  const notFound = [];
  const missing = [[`${base}no-such-folder/no-such-page/`, '404.html']];
  if (existsSync(join(site, 'en', '404.html'))) missing.push([`${base}en/no-such-page/`, 'en/404.html']);
  for (const [url, page] of missing) {
    const res = await get(origin, url);
    const problems = [];
    if (res.status !== 404) problems.push(`status ${res.status}, not 404`);
    if (!res.body.equals(readFileSync(join(site, page)))) problems.push(`the body is not ${page}`);
    problems.push(...securityProblems(res));
    notFound.push({ url, page, problems });
  }
  const bytesByType = {};
  for (const f of files) {
    const ext = (f.rel.match(/\.[a-z0-9]+$/i) || ['(none)'])[0].toLowerCase();
    const t = bytesByType[ext] ||= { files: 0, identity: 0, gzip: 0, br: 0 };
    t.files++;
    t.identity += f.variants.identity || 0;
    t.gzip += f.variants.gzip ?? f.variants.identity ?? 0;
    t.br += f.variants.br ?? f.variants.gzip ?? f.variants.identity ?? 0;
  }
  return { files, notFound, bytesByType };
}

// Whether a page of origin may be shown in a frame: a page of another origin (about:blank,
// set by setContent) frames it; resolves to { framed: bool, detail: text }.
export async function checkFraming(browser, origin, base) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const refusals = [];
  page.on('console', (m) => { if (/frame-ancestors|Refused to frame|X-Frame-Options/i.test(m.text())) refusals.push(m.text()); });
  await page.setContent(`<!doctype html><title>frame</title><iframe src="${origin}${base}" width="300" height="300"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  let framedTitle = null;
  if (frame) {
    try { framedTitle = await frame.evaluate(() => document.title); } catch { framedTitle = null; }
  }
  const frameUrl = frame ? frame.url() : '(no frame)';
  await ctx.close();
  const framed = Boolean(framedTitle) && !frameUrl.startsWith('chrome-error:');
  return { framed, detail: framed ? `the page loaded in a frame (title '${framedTitle}')` : (refusals[0] || `frame at ${frameUrl}`).trim() };
}
