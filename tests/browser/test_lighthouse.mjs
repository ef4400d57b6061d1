// Tests of lighthouse.mjs's budgets and the 404 page's exemption, on made-up Lighthouse
// results (no browser): node --test tests/browser/test_lighthouse.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge } from './lighthouse.mjs';

// A result whose categories hold the given audits: { category: [[id, weight, score]] }.
function lhr(cats) {
  const out = { categories: {}, audits: {} };
  for (const [cat, refs] of Object.entries(cats)) {
    let sum = 0, weight = 0;
    out.categories[cat] = { auditRefs: refs.map(([id, w]) => ({ id, weight: w })) };
    for (const [id, w, score] of refs) {
      out.audits[id] = { id, title: `title of ${id}`, score, scoreDisplayMode: 'binary' };
      if (score !== null) { sum += score * w; weight += w; }
    }
    out.categories[cat].score = weight ? sum / weight : null;
  }
  return out;
}

const good = (seo, perf = 1, server = 1) => lhr({
  performance: [['largest-contentful-paint', 25, perf], ['uses-text-compression', 0, server],
                ['uses-long-cache-ttl', 0, 1]],
  accessibility: [['color-contrast', 7, 1]],
  'best-practices': [['errors-in-console', 1, 1]],
  seo,
});

test('every category at its budget passes', () => {
  const r = judge(good([['is-crawlable', 4.043, 1], ['document-title', 1, 1]], 0.95), 'index.html');
  assert.deepEqual(r.failures, []);
  assert.deepEqual(r.scores, { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 });
});

test('performance under 95 fails and names the audit', () => {
  const r = judge(good([['document-title', 1, 1]], 0.94), 'index.html');
  assert.equal(r.failures[0], 'performance 94 (budget 95)');
  assert.match(r.failures[1], /largest-contentful-paint: title of largest-contentful-paint/);
});

test('404.html: a failing is-crawlable is left out of SEO, and noted', () => {
  const r = judge(good([['is-crawlable', 4.043, 0], ['document-title', 1, 1]]), '404.html');
  assert.equal(r.scores.seo, 100);
  assert.deepEqual(r.failures, []);
  assert.match(r.notes[0], /is-crawlable left out of SEO/);
});

test('404.html: any other failing SEO audit still fails', () => {
  const r = judge(good([['is-crawlable', 4.043, 0], ['document-title', 1, 0], ['meta-description', 1, 1]]), '404.html');
  assert.equal(r.scores.seo, 50);
  assert.deepEqual(r.failures, ['SEO 50 (budget 100)', '  document-title: title of document-title']);
});

test('another page gets no exemption for is-crawlable', () => {
  const r = judge(good([['is-crawlable', 4.043, 0], ['document-title', 1, 1]]), 'en/index.html');
  assert.equal(r.scores.seo, 20);
  assert.equal(r.failures[1], '  is-crawlable: title of is-crawlable');
});

test("a server audit under 1 fails though performance is in budget", () => {
  const r = judge(good([['document-title', 1, 1]], 1, 0.5), 'index.html');
  assert.equal(r.scores.performance, 100);
  assert.deepEqual(r.failures, ["uses-text-compression: title of uses-text-compression [the server's]"]);
});

test('a server audit Lighthouse did not run is a failure', () => {
  const res = good([['document-title', 1, 1]]);
  delete res.audits['uses-long-cache-ttl'];
  const r = judge(res, 'index.html');
  assert.deepEqual(r.failures, ['uses-long-cache-ttl: not run by this Lighthouse']);
});

test('a server audit that does not apply (nothing to compress) passes', () => {
  const res = good([['document-title', 1, 1]], 1, null);
  res.audits['uses-text-compression'].scoreDisplayMode = 'notApplicable';
  assert.deepEqual(judge(res, 'index.html').failures, []);
});
