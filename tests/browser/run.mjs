#!/usr/bin/env node
// Browser tests of a built site: every page, at 360x800 and 1280x800, in Debian's Chromium
// driven by playwright-core.
//
//   node tests/browser/run.mjs [--site DIR] [--out DIR]
//
// The site is served by Debian's nginx on 127.0.0.1 with the configuration `suture
// server-config nginx` generates (nginx.mjs); first every file of the site is asked for as
// browsers ask, and every response's headers, each precompressed copy (chosen by
// Accept-Encoding, decompressing to its file byte for byte) and the 404 status are checked,
// and a page framed by another origin must be refused.
// For each page and each width: load it from nginx; fail on any
// request to another host, on failed requests and on console errors; run axe-core with the
// WCAG 2.0/2.1/2.2 A and AA tags and fail on any violation; tab through the page and fail on
// a focused element that is not in the viewport, is covered by another element, or looks the
// same focused as blurred; take a full-page screenshot; on a page with glossary popovers,
// open the first by keyboard, check it and the focus, run axe with it open and close it with
// Escape (checkPopover); measure the layout (tests/browser/layout.mjs: the first paragraph of
// an article on a phone's first screen, the header at most a quarter of the viewport, and at
// 320 px with 200 % text no sideways scrolling and a usable search field). On each search
// page, a word that the articles have only deep in their bodies must show a result whose
// snippet marks it, taken from the article's own page (snippets.mjs). Then Lighthouse
// (lighthouse.mjs) over every page, one at a time, mobile: performance at least 95,
// accessibility, best practices and SEO 100 (404.html's SEO without is-crawlable, as it says
// noindex on purpose; a page under 95 for performance is run once more). Then the Nu HTML
// Checker (vnu.jar, run with Java) over every page: zero errors. A summary table goes to
// OUT/browser-report.md, with the Lighthouse scores of each page. The screenshots are of
// every page (Korean at /, English at /en/) at both widths: OUT/screenshots/PAGE-WIDTH.png.
//
// Options and environment (options win):
//   --site DIR    SITE_DIR       the built site (default: site/ of the repository)
//   --out DIR     BROWSER_OUT    where screenshots/ and browser-report.md go (default: build/)
//   --content DIR CONTENT_DIR    the content the site was built from, whose site.yaml the
//                                server configuration is made from (default: content/)
//                 SUTURE         the suture binary (default: build/suture)
//                 NGINX          nginx (default: /usr/sbin/nginx)
//                 BASE_PATH      the site's base path (default: read from the pages' canonical
//                                links, which carry site.yaml's base_url; "/" if none)
//                 CHROMIUM       the browser (default: /usr/bin/chromium)
//                 JAVA           the Java launcher for vnu.jar (default: java on PATH)
//                 PAGES          only pages whose path contains this text (for a quick look)
//                 BROWSER_JOBS   pages checked at once (default 2; Lighthouse: always one)
//                 LIGHTHOUSE     0: leave Lighthouse out (about 8 s a page) for a quick look
//
// Exit status: 0 all passed, 1 a check failed, 2 a set-up problem (no browser, no Java, no
// node_modules, no site, no nginx, a configuration nginx refuses).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync,
         writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { measureLayout, measureLargeTextAt, layoutFailures, layoutRow, LAYOUT_TABLE_HEAD,
         NARROW } from './layout.mjs';
import { listPages, pageUrlPath, findBasePath } from './site.mjs';
import { startNginx, checkServing, checkFraming } from './nginx.mjs';
import { runLighthouse, lighthouseReport } from './lighthouse.mjs';
import { checkSnippets, SNIPPETS_TABLE_HEAD } from './snippets.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

const VIEWPORTS = [
  { name: '360', width: 360, height: 800 },
  { name: '1280', width: 1280, height: 800 },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VNU_JAR = join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// ------------------------------------------------------------------ arguments and set-up

function setupError(msg) {
  console.error(`test-browser: ${msg}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opt = { site: process.env.SITE_DIR || join(ROOT, 'site'),
                out: process.env.BROWSER_OUT || join(ROOT, 'build'),
                content: process.env.CONTENT_DIR || join(ROOT, 'content') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) setupError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--site') opt.site = val();
    else if (a.startsWith('--site=')) opt.site = a.slice(7);
    else if (a === '--out') opt.out = val();
    else if (a.startsWith('--out=')) opt.out = a.slice(6);
    else if (a === '--content') opt.content = val();
    else if (a.startsWith('--content=')) opt.content = a.slice(10);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/browser/run.mjs [--site DIR] [--out DIR] [--content DIR]');
      process.exit(0);
    } else if (!a.startsWith('-')) opt.site = a;
    else setupError(`unknown option '${a}' (usage: run.mjs [--site DIR] [--out DIR] [--content DIR])`);
  }
  opt.site = resolve(opt.site);
  opt.content = resolve(opt.content);
  opt.out = resolve(opt.out);
  return opt;
}

// "articles/x/index.html" -> "articles-x", "index.html" -> "index", "404.html" -> "404".
function shotName(rel) {
  let s = rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
  s = s.replace(/\/+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  return s || 'index';
}


// ------------------------------------------------------------------ PNG comparison

// Decodes the 8-bit, non-interlaced RGB(A) PNGs Chromium writes: enough to compare two.
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8], colour = data[9], interlace = data[12];
      channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[colour];
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const o = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[o + x - channels] : 0;
      const b = y > 0 ? out[o - stride + x] : 0;
      const c = x >= channels && y > 0 ? out[o - stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[o + x] = v & 255;
    }
  }
  return { width, height, channels, data: out };
}

function changedPixels(pngA, pngB) {
  const a = decodePng(pngA), b = decodePng(pngB);
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) return a.width * a.height;
  let n = 0;
  for (let i = 0; i < a.data.length; i += a.channels) {
    for (let k = 0; k < a.channels; k++) {
      if (a.data[i + k] !== b.data[i + k]) { n++; break; }
    }
  }
  return n;
}

// ------------------------------------------------------------------ checks in the page

// Runs in the page: everything the focus check needs to know about the focused element.
function focusedInfo(el) {
  const describe = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += `#${e.id}`;
    for (const c of e.classList) s += `.${c}`;
    const href = e.getAttribute('href');
    if (href) s += `[href="${href}"]`;
    const text = (e.getAttribute('aria-label') || e.textContent || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` "${text.length > 40 ? text.slice(0, 40) + '…' : text}"`;
    return s;
  };
  const r = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  // Covered (WCAG 2.4.11): the centre of each of its boxes (a link wrapped over two lines
  // has two) hits another element, not the element, its content or its container.
  let covered = null;
  for (const b of el.getClientRects()) {
    if (b.width === 0 || b.height === 0) continue;
    const cx = Math.min(Math.max(b.left + b.width / 2, 0), vw - 1);
    const cy = Math.min(Math.max(b.top + b.height / 2, 0), vh - 1);
    const hit = document.elementFromPoint(cx, cy);
    if (!hit || hit === el || el.contains(hit) || hit.contains(el)) { covered = null; break; }
    covered = describe(hit);
  }
  return {
    desc: describe(el),
    rect: { x: r.left, y: r.top, width: r.width, height: r.height },
    viewport: { width: vw, height: vh },
    inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw,
    covered,
  };
}

function countFocusable() {
  const sel = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]),' +
    ' select:not([disabled]), textarea:not([disabled]), iframe, summary, audio[controls], video[controls],' +
    ' [contenteditable]:not([contenteditable="false"]), [tabindex]';
  let n = 0;
  for (const e of document.querySelectorAll(sel)) {
    if (e.tabIndex < 0) continue;
    if (e.checkVisibility && !e.checkVisibility({ visibilityProperty: true })) continue;
    n++;
  }
  return n;
}

// Tabs through the page from the top. Returns the focus stops and the failures.
async function checkFocus(page) {
  const focusable = await page.evaluate(countFocusable);
  const limit = focusable + 2;
  const stops = [], failures = [];
  let first = null;
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const handle = await page.evaluateHandle(() => {
      const a = document.activeElement;
      return a && a !== document.body && a !== document.documentElement ? a : null;
    });
    const el = handle.asElement();
    if (!el) break;                                    // focus left the document
    if (first && await page.evaluate(([a, b]) => a === b, [first, el])) break;   // wrapped round
    if (!first) first = el;
    const info = await el.evaluate(focusedInfo);
    const stop = { desc: info.desc, changed: 0, problems: [] };
    stops.push(stop);
    if (!info.inViewport) {
      stop.problems.push(`not in the viewport when focused (box ${fmtRect(info.rect)})`);
    } else {
      if (info.covered) stop.problems.push(`covered by ${info.covered} when focused`);
      const pad = 6;
      const x0 = Math.max(0, Math.floor(info.rect.x - pad)), y0 = Math.max(0, Math.floor(info.rect.y - pad));
      const x1 = Math.min(info.viewport.width, Math.ceil(info.rect.x + info.rect.width + pad));
      const y1 = Math.min(info.viewport.height, Math.ceil(info.rect.y + info.rect.height + pad));
      const clip = { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
      const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
      await el.evaluate((e) => e.blur());
      const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
      await el.evaluate((e) => e.focus({ preventScroll: true }));
      stop.changed = changedPixels(focused, blurred);
      // A visible indicator changes at least a quarter of what a 1 px outline round the
      // element's box would (and never fewer than 8 pixels).
      const w = Math.min(info.rect.width, clip.width), h = Math.min(info.rect.height, clip.height);
      const need = Math.max(8, Math.round((2 * (w + h)) / 4));
      if (stop.changed < need) {
        stop.problems.push(`no visible focus indicator (${stop.changed} pixels change between focused and blurred, ${need} needed)`);
      }
    }
    if (stop.problems.length) failures.push(`${stop.desc}: ${stop.problems.join('; ')}`);
  }
  return { focusable, stops, failures };
}

function fmtRect(r) {
  return `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
}

// ------------------------------------------------------------------ one page at one width

async function checkPage(browser, origin, page, vp, axeSource, shotDir) {
  const result = { axe: [], incomplete: [], focus: null, external: [], failedRequests: [],
                   consoleErrors: [], loadError: null };
  const context = await browser.newContext({
    viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: 1,
    colorScheme: 'light', reducedMotion: 'reduce', serviceWorkers: 'block',
  });
  try {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) {
        result.external.push(route.request().url());
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const tab = await context.newPage();
    const httpErrors = new Set();
    tab.on('requestfailed', (req) => {
      const url = req.url();
      if (result.external.includes(url) || httpErrors.has(url)) return;   // reported already
      result.failedRequests.push(`${url}: ${req.failure()?.errorText ?? 'failed'}`);
    });
    tab.on('response', (res) => {
      const isDoc = res.request().isNavigationRequest() && res.request().frame() === tab.mainFrame();
      if (res.status() >= 400 && !(isDoc && res.status() === page.expectStatus)) {
        httpErrors.add(res.url());
        result.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
      }
    });
    tab.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text(), url = msg.location().url;
      // Chromium logs each failed load as an error too: those are reported above as failed
      // or external requests (and the 404 page's own status is expected).
      if (text.startsWith('Failed to load resource') &&
          (httpErrors.has(url) || result.external.includes(url) ||
           (url === origin + page.url && text.includes(`status of ${page.expectStatus}`)))) return;
      result.consoleErrors.push(url ? `${text} (${url})` : text);
    });
    tab.on('pageerror', (err) => result.consoleErrors.push(`uncaught: ${err.message}`));

    const res = await tab.goto(origin + page.url, { waitUntil: 'load', timeout: 30000 });
    if (!res) throw new Error('no response');
    if (res.status() !== page.expectStatus) {
      result.failedRequests.push(`${page.url}: HTTP ${res.status()}, expected ${page.expectStatus}`);
    }
    await tab.evaluate(() => document.fonts.ready);

    await tab.screenshot({ path: join(shotDir, `${page.shot}-${vp.name}.png`), fullPage: true,
                           animations: 'disabled', caret: 'hide' });

    // axe-core from node_modules, evaluated in the page (no network, and not subject to the
    // page's Content-Security-Policy, which forbids inline scripts).
    await tab.evaluate(axeSource);
    const axe = await runAxe(tab);
    result.axe = axe.violations;
    result.incomplete = axe.incomplete;

    // Before the focus walk, which may scroll and open things.
    await tab.evaluate(() => window.scrollTo(0, 0));
    result.layout = await measureLayout(tab);
    result.focus = await checkFocus(tab);
    result.reflow = await checkReflow(tab);
    result.popover = await checkPopover(tab, axeSource, join(shotDir, `${page.shot}-${vp.name}-popover.png`));
    if (result.popover) {
      for (const v of result.popover.axe) result.axe.push({ ...v, help: `with a glossary popover open: ${v.help}` });
    }
  } catch (err) {
    result.loadError = err.message.split('\n')[0];
  } finally {
    await context.close();
  }
  return result;
}

// axe-core (already evaluated in the page) over the whole document, AXE_TAGS' rules.
async function runAxe(tab) {
  return tab.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'],
    });
    return {
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html,
                                     summary: n.failureSummary })),
      })),
      incomplete: r.incomplete.map((v) => `${v.id} (${v.nodes.length})`),
    };
  }, AXE_TAGS);
}

// ------------------------------------------------------------------ glossary popovers

// On a page whose glossary terms open their explanation in place (button.glossary-term
// with popovertarget, templates/README.md "Glossary popovers"): from a fresh load, Tab to
// the first term, press Enter; its popover must be open, inside the viewport, with the
// focus still on the term; Tab must move into the popover; axe runs with it open (a
// screenshot is taken); Escape must close it and give the focus back to the term. null on
// a page without terms; else { failures, axe } (axe: the violations with it open).
async function checkPopover(tab, axeSource, shot) {
  if (!(await tab.$('button.glossary-term[popovertarget]'))) return null;
  const failures = [];
  await tab.reload({ waitUntil: 'load' });
  await tab.evaluate(axeSource);
  const limit = (await tab.evaluate(countFocusable)) + 2;
  let found = false;
  for (let i = 0; i < limit && !found; i++) {
    await tab.keyboard.press('Tab');
    found = await tab.evaluate(() => document.activeElement?.matches('button.glossary-term[popovertarget]') ?? false);
  }
  if (!found) return { failures: ['no glossary term is reached with Tab'], axe: [] };
  const target = await tab.evaluate(() => document.activeElement.getAttribute('popovertarget'));
  const isFocusOnTrigger = (id) => tab.evaluate((t) => document.activeElement?.getAttribute('popovertarget') === t &&
                                                       document.activeElement.classList.contains('glossary-term'), id);
  await tab.keyboard.press('Enter');
  const state = await tab.evaluate((id) => {
    const p = document.getElementById(id);
    if (!p) return { missing: true };
    const r = p.getBoundingClientRect();
    return { open: p.matches(':popover-open'), rect: { x: r.x, y: r.y, width: r.width, height: r.height },
             vw: innerWidth, vh: innerHeight };
  }, target);
  if (state.missing) return { failures: [`no element #${target} for the term's popovertarget`], axe: [] };
  if (!state.open) failures.push(`Enter on the term did not open #${target}`);
  const r = state.rect;
  if (r.width === 0 || r.height === 0 || r.x < 0 || r.y < 0 || r.x + r.width > state.vw || r.y + r.height > state.vh) {
    failures.push(`#${target} is not wholly in the viewport when open (box ${fmtRect(r)})`);
  }
  if (!(await isFocusOnTrigger(target))) failures.push('the focus left the term when its popover opened');
  await tab.screenshot({ path: shot, animations: 'disabled', caret: 'hide' });
  const axe = (await runAxe(tab)).violations;
  await tab.keyboard.press('Tab');
  const inside = await tab.evaluate((id) => document.getElementById(id).contains(document.activeElement), target);
  if (!inside) failures.push(`Tab from the open term did not move into #${target}`);
  await tab.keyboard.press('Escape');
  const closed = await tab.evaluate((id) => !document.getElementById(id).matches(':popover-open'), target);
  if (!closed) failures.push(`Escape did not close #${target}`);
  if (!(await isFocusOnTrigger(target))) failures.push('the focus did not return to the term after Escape');
  return { failures, axe };
}

// ------------------------------------------------------------------ reflow (WCAG 1.4.10)

// Content must fit the viewport's width without scrolling sideways (WCAG 2.2 SC 1.4.10,
// Reflow): the page may not be wider than the window, and no visible control or text may
// start or end outside it. Wide tables are exempt only inside a scrolling region (an
// element whose overflow-x scrolls, as .comparison-wrap), which keyboard users can reach.
async function checkReflow(tab) {
  return tab.evaluate(() => {
    window.scrollTo(0, 0);   // the focus walk may have scrolled sideways to a control
    const vw = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > vw + 1) {
      out.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${vw} px window`);
    }
    const inScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll') return true;
      }
      return false;
    };
    const seen = new Set();
    for (const el of document.querySelectorAll('a, button, input, select, textarea, h1, h2, h3, p, li, th, td')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden' || st.position === 'fixed') continue;
      if (el.closest('.skip-link, .visually-hidden, [hidden]')) continue;
      if ((r.right > vw + 1 || r.left < -1) && !inScroller(el)) {
        const name = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '');
        if (seen.has(name)) continue;
        seen.add(name);
        out.push(`${name} spans ${Math.round(r.left)}..${Math.round(r.right)} px in a ${vw} px window`);
      }
    }
    return out;
  });
}

// ------------------------------------------------------------------ the Nu HTML Checker

function runValidator(site, pages, java) {
  const files = pages.map((p) => join(site, p));
  const r = spawnSync(java, ['-Xss8m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
                      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) setupError(`cannot run ${java}: ${r.error.message} (Debian: apt-get install default-jre-headless)`);
  let json;
  try { json = JSON.parse(r.stderr || r.stdout); } catch {
    setupError(`vnu.jar printed no JSON (exit ${r.status}):\n${(r.stderr || r.stdout).slice(0, 2000)}`);
  }
  const byPage = new Map(pages.map((p) => [p, []]));
  const other = [];
  for (const m of json.messages || []) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    let rel = null, shown = m.url ?? 'vnu';
    try {
      const file = fileURLToPath(m.url);
      rel = relative(site, file).split(sep).join('/');
      const fromCwd = relative(process.cwd(), file);
      shown = fromCwd.startsWith('..') ? file : fromCwd;
    } catch { /* no file URL */ }
    const line = m.firstLine ?? m.lastLine ?? 0;
    const col = m.firstColumn ?? m.lastColumn ?? 0;
    const err = { line, col, text: `${shown}:${line}:${col}: ${m.message}`, extract: m.extract };
    if (rel && byPage.has(rel)) byPage.get(rel).push(err);
    else other.push(err);
  }
  for (const errs of byPage.values()) errs.sort((a, b) => a.line - b.line || a.col - b.col);
  return { byPage, other };
}

// ------------------------------------------------------------------ main

async function main() {
  const started = Date.now();
  const opt = parseArgs(process.argv.slice(2));
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < 20) console.error(`test-browser: warning: Node.js ${process.versions.node}; playwright-core wants 20 or later`);
  if (!existsSync(opt.site) || !statSync(opt.site).isDirectory()) setupError(`no site at ${opt.site}: build it first ('make site')`);
  let pages = listPages(opt.site);
  if (process.env.PAGES) pages = pages.filter((p) => p.includes(process.env.PAGES));
  if (!pages.length) setupError(`no .html pages in ${opt.site}`);

  let chromium;
  try { ({ chromium } = await import('playwright-core')); } catch {
    setupError(`playwright-core is missing: run 'npm ci --ignore-scripts' in ${relative(process.cwd(), HERE) || '.'}`);
  }
  let axeSource;
  try { axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'); } catch {
    setupError(`axe-core is missing: run 'npm ci --ignore-scripts' in ${relative(process.cwd(), HERE) || '.'}`);
  }
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) setupError(`no browser at ${executablePath} (Debian: apt-get install chromium)`);
  const java = process.env.JAVA || 'java';
  const jv = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (jv.error || jv.status !== 0) setupError(`cannot run ${java} for the Nu HTML Checker (Debian: apt-get install default-jre-headless)`);
  if (process.env.LIGHTHOUSE !== '0' && !existsSync(join(HERE, 'node_modules', 'lighthouse', 'package.json'))) {
    setupError(`lighthouse is missing: run 'npm ci --ignore-scripts' in tests/browser`);
  }
  if (!existsSync(VNU_JAR)) setupError(`${VNU_JAR} is missing: run 'npm ci --ignore-scripts' in tests/browser`);

  const base = findBasePath(opt.site, pages);
  const shotDir = join(opt.out, 'screenshots');
  mkdirSync(shotDir, { recursive: true });
  for (const f of readdirSync(shotDir)) if (f.endsWith('.png')) rmSync(join(shotDir, f));

  const suture = process.env.SUTURE || join(ROOT, 'build', 'suture');
  const server = await startNginx(opt.site, { suture, content: opt.content })
    .catch((e) => setupError(`cannot serve the site with nginx: ${e.message}`));
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`test-browser: ${pages.length} pages of ${opt.site} at ${origin}${base}, served by nginx`);
  const serving = await checkServing(origin, base, opt.site);
  const servingFailures = [];
  for (const f of serving.files) for (const p of f.problems) servingFailures.push(`${f.rel}: ${p}`);
  for (const n of serving.notFound) for (const p of n.problems) servingFailures.push(`${n.url} (404): ${p}`);
  console.log(`  nginx: ${serving.files.length} files and ${serving.notFound.length} missing addresses asked for, ` +
              `${servingFailures.length} problems`);

  const profile = mkdtempSync(join(tmpdir(), 'suture-chromium-'));
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS,
                                      env: { ...process.env, HOME: profile } });
  } catch (e) {
    server.close();
    rmSync(profile, { recursive: true, force: true });
    setupError(`cannot start ${executablePath}: ${e.message.split('\n')[0]}`);
  }

  // Every page at every width, two at a time (one per core); the report keeps page order.
  const results = pages.map((rel) => {
    const entry = { rel, url: base + pageUrlPath(rel), shot: shotName(rel), expectStatus: 200 };
    // The 404 page is loaded as the server answers a missing address, a few folders deep,
    // so that its links and stylesheet must work from anywhere.
    if (rel === '404.html') {
      entry.url = `${base}no-such-folder/no-such-page/`;
      entry.expectStatus = 404;
    }
    return { page: rel, entry, byWidth: {} };
  });
  const tasks = results.flatMap((row) => VIEWPORTS.map((vp) => ({ row, vp })));
  const jobs = Math.max(1, Number(process.env.BROWSER_JOBS) || 2);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const { row, vp } = tasks[next++];
      const t0 = Date.now();
      const r = await checkPage(browser, origin, row.entry, vp, axeSource, shotDir);
      r.ms = Date.now() - t0;
      row.byWidth[vp.name] = r;
      console.log(`  ${row.page} at ${vp.width}: ${r.loadError ? `not checked (${r.loadError})` :
        `${r.axe.length} axe violations, ${r.focus.stops.length} focus stops, ` +
        `${r.focus.failures.length} focus failures`}, ${r.ms} ms`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  // Each page once more at 320 px with twice the text size (layout.mjs).
  let nextLarge = 0;
  const largeWorker = async () => {
    while (nextLarge < results.length) {
      const row = results[nextLarge++];
      try {
        row.large = await measureLargeTextAt(browser, origin + row.entry.url,
                                             { colorScheme: 'light', serviceWorkers: 'block' });
      } catch (err) {
        row.largeError = err.message.split('\n')[0];
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, largeWorker));
  // A page of ours inside another origin's frame must be refused (frame-ancestors 'none').
  const framing = await checkFraming(browser, origin, base);
  if (framing.framed) servingFailures.push(`framing: ${framing.detail}`);
  // Snippets from the articles' own pages, on the search pages (snippets.mjs).
  const snippets = await checkSnippets(browser, opt.site, opt.site === join(ROOT, 'site'),
                                       origin, base, pages);
  await browser.close();
  rmSync(profile, { recursive: true, force: true });

  // Lighthouse (lighthouse.mjs), one page at a time in a Chromium of its own; the 404 page
  // at its own address. LIGHTHOUSE=0 leaves it out for a quick local look, never in CI.
  let lh = null;
  if (process.env.LIGHTHOUSE !== '0') {
    const tl = Date.now();
    const lhResults = await runLighthouse(
      results.map((row) => ({ rel: row.page, url: origin + base + pageUrlPath(row.page) })),
      { executablePath });
    lh = lighthouseReport(lhResults, ((Date.now() - tl) / 1000).toFixed(1));
    lh.byPage = new Map(lhResults.map((r) => [r.rel, r]));
  }
  server.close();

  const t1 = Date.now();
  const vnu = runValidator(opt.site, pages, java);
  const vnuMs = Date.now() - t1;

  // -------------------------------------------------------------- report
  const lines = [];
  const layoutLines = [];
  const detail = [];
  const review = [];
  let failedPages = 0;
  for (const row of results) {
    const errs = vnu.byPage.get(row.page) || [];
    let failed = errs.length > 0;
    const cells = { axe: [], stops: [], focusFail: [], external: 0, other: 0 };
    for (const vp of VIEWPORTS) {
      const r = row.byWidth[vp.name];
      cells.axe.push(r.loadError ? 'error' : String(r.axe.length));
      cells.stops.push(r.focus ? String(r.focus.stops.length) : '-');
      cells.focusFail.push(r.focus ? String(r.focus.failures.length) : '-');
      cells.external += r.external.length;
      cells.other += r.failedRequests.length + r.consoleErrors.length;
      const head = `${row.page} at ${vp.width}x${vp.height}`;
      if (r.loadError) { failed = true; detail.push(`${head}: could not be checked: ${r.loadError}`); }
      for (const v of r.axe) {
        failed = true;
        detail.push(`${head}: axe ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}`);
        for (const n of v.nodes) {
          detail.push(`      ${n.target}\n        ${n.html.replace(/\s+/g, ' ').slice(0, 300)}` +
                      (n.summary ? `\n        ${n.summary.replace(/\n\s*/g, ' / ')}` : ''));
        }
      }
      if (r.focus) {
        for (const f of r.focus.failures) { failed = true; detail.push(`${head}: focus: ${f}`); }
      }
      for (const f of r.reflow || []) { failed = true; detail.push(`${head}: reflow: ${f}`); }
      for (const f of r.popover?.failures || []) { failed = true; detail.push(`${head}: glossary popover: ${f}`); }
      if (r.incomplete.length) review.push(`${head}: ${r.incomplete.join(', ')}`);
      for (const u of r.external) { failed = true; detail.push(`${head}: request to another host: ${u}`); }
      for (const u of r.failedRequests) { failed = true; detail.push(`${head}: failed request: ${u}`); }
      for (const c of r.consoleErrors) { failed = true; detail.push(`${head}: console error: ${c}`); }
    }
    for (const e of errs) {
      detail.push(`${e.text}${e.extract ? `\n    ${e.extract.replace(/\s+/g, ' ').trim()}` : ''}`);
    }
    // The layout measures: the first paragraph, the header, 320 px with 200 % text. The
    // 404 page is measured too but is not an article.
    const m = { '360': row.byWidth['360']?.layout, '1280': row.byWidth['1280']?.layout,
                large: row.large };
    layoutLines.push(layoutRow(row.page, m));
    if (row.largeError) { failed = true; detail.push(`${row.page} at ${NARROW.width}x${NARROW.height}, 200 % text: could not be checked: ${row.largeError}`); }
    for (const f of layoutFailures(m)) { failed = true; detail.push(`${row.page}: layout: ${f}`); }
    const lhRow = lh?.byPage.get(row.page);
    if (lhRow?.failures.length) failed = true;
    if (failed) failedPages++;
    lines.push(`| ${row.page} | ${cells.axe.join(' / ')} | ${cells.stops.join(' / ')} | ` +
               `${cells.focusFail.join(' / ')} | ${cells.external} | ${cells.other} | ${errs.length} | ` +
               `${failed ? 'FAIL' : 'pass'} |`);
  }
  for (const e of vnu.other) detail.push(`vnu: ${e.text}`);
  for (const f of snippets.failures) detail.push(`snippets: ${f}`);
  if (lh) detail.push(...lh.detail);
  for (const f of servingFailures) detail.push(`nginx: ${f}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const report = [
    '# Browser tests',
    '',
    `Site: \`${opt.site}\` served at \`${base}\`; Chromium at 360x800 / 1280x800; ` +
    `axe-core ${readPkgVersion('axe-core')} (${AXE_TAGS.join(', ')}); playwright-core ${readPkgVersion('playwright-core')}; ` +
    `vnu-jar ${readPkgVersion('vnu-jar')} (${(vnuMs / 1000).toFixed(1)} s). ${seconds} s in all.`,
    '',
    '| page | axe violations 360 / 1280 | focus stops 360 / 1280 | focus failures 360 / 1280 | external requests | failed requests, console errors | validator errors | result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
    `${results.length - failedPages} passed, ${failedPages} failed`,
    '',
    '## Layout',
    '',
    'The first paragraph of an article\'s body at 360x800 (fails below 800 px; other pages: ' +
    'their first paragraph, not checked), the site header\'s height (fails above 25 % of ' +
    'the viewport\'s height), and at 320x800 with the browser\'s text size doubled: the page\'s ' +
    'width (fails wider than the window) and the header\'s search field with the menu open ' +
    '(fails below 120 px). See tests/browser/layout.mjs.',
    '',
    ...LAYOUT_TABLE_HEAD,
    ...layoutLines,
    '',
    ...SNIPPETS_TABLE_HEAD,
    ...snippets.lines,
    ...(snippets.failures.length ? ['', `${snippets.failures.length} failed (see Failures)`] : []),
    '',
    ...(lh ? lh.lines : ['## Lighthouse', '', 'Not run (LIGHTHOUSE=0).', '']),
    ...servingReport(serving, framing, servingFailures, server.conf),
  ];
  if (detail.length) report.push('## Failures', '', '```', ...detail, '```', '');
  if (review.length) {
    report.push('## For a person to review (axe could not decide; not failures)', '', '```', ...review, '```', '');
  }
  mkdirSync(opt.out, { recursive: true });
  const reportFile = join(opt.out, 'browser-report.md');
  writeFileSync(reportFile, report.join('\n'));

  if (detail.length) console.log('\n' + detail.join('\n'));
  console.log('\n' + report.slice(4, 4 + 2 + lines.length).join('\n'));
  if (lh) console.log('\n' + lh.lines.slice(4).join('\n'));
  console.log(`\nscreenshots in ${shotDir}, report in ${reportFile} (${seconds} s)`);
  console.log(`test-browser: ${results.length - failedPages} passed, ${failedPages} failed` +
              (snippets.failures.length ? `; ${snippets.failures.length} snippet checks failed` : ''));
  if (servingFailures.length) console.log(`test-browser: ${servingFailures.length} problems with what nginx sends`);
  process.exit(failedPages || snippets.failures.length || servingFailures.length ? 1 : 0);
}

// The report's section on serving: bytes sent per file type, plain and compressed; the
// response headers of the home page; the framing check; how many problems.
function servingReport(serving, framing, failures, conf) {
  const kb = (n) => (n / 1024).toFixed(1);
  const rows = Object.entries(serving.bytesByType).sort((a, b) => b[1].identity - a[1].identity)
    .map(([ext, t]) => `| ${ext} | ${t.files} | ${kb(t.identity)} | ${kb(t.gzip)} | ${kb(t.br)} |`);
  const home = serving.files.find((f) => f.rel === 'index.html');
  return [
    '## Served by nginx',
    '',
    'Every file of the site asked for plain, with `Accept-Encoding: gzip` and with `br`, from nginx ' +
    'running the configuration `suture server-config nginx` printed (tests/browser/nginx.mjs). ' +
    'KiB sent per file type (a file without a copy counts at the size it is sent):',
    '',
    '| type | files | plain KiB | gzip KiB | Brotli KiB |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Framed by another origin: ${framing.framed ? 'SHOWN (failure)' : 'refused'} (${framing.detail}).`,
    '',
    `${failures.length} problems${failures.length ? ' (see Failures)' : ''}.`,
    '',
    ...(home ? ['Response headers of `/`:', '', '```', ...home.headerLines, '```', ''] : []),
    '<details><summary>The generated configuration</summary>',
    '',
    '```nginx',
    conf.trimEnd(),
    '```',
    '',
    '</details>',
    '',
  ];
}

function readPkgVersion(name) {
  try { return JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version; } catch {
    return '?';
  }
}

main().catch((e) => {
  console.error(`test-browser: ${e.stack || e}`);
  process.exit(2);
});
