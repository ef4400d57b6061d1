// test_search.mjs: tests of the matching and ranking in templates/assets/search.js, the
// script of the /search/ page. `make test-browser` runs them first (it installs Node.js);
// alone, with Node 18 or later:
//
//     node --test tests/search/test_search.mjs
//
// search.js is the one file browsers load; in Node it exports its functions instead of
// starting on a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const s = require('../../templates/assets/search.js');

// An index as generator/searchindex.c writes it (format 2), built by hand: words and
// postings are what the C side would keep for these bodies.
function index({ articles, terms = [], words = [] }) {
    const vocab = [...new Set(words.flatMap(([ws]) => ws))].sort();
    const postings = vocab.map(w =>
        words.flatMap(([ws, i]) => (ws.includes(w) ? [i] : []))
            .map((id, k, ids) => (k ? id - ids[k - 1] : id).toString(36)).join(' '));
    // Headings are listed once, and articles refer to them by number.
    const headings = [];
    const numbered = articles.map(a => ({ ...a, headings: a.headings.map(h => {
        const at = headings.findIndex(x => x[0] === h[0] && x[1] === h[1]);
        return at >= 0 ? at : headings.push(h) - 1;
    }) }));
    return s.prepare({ format: 2, articles: numbered, headings, terms, words: vocab, postings });
}

const article = (url, title, summary = '', headings = [], lang = 'en', text = []) =>
    ({ url, title, summary, lang, headings, text });

const ix = index({
    articles: [
        article('/a/basics/', 'Thread lift basics', 'What a thread lift is.', [['Risks', 'risks']]),
        article('/a/facelift/', 'Facelift recovery', 'Weeks, not days.',
                [['Comparing a thread lift', 'comparing-a-thread-lift'], ['Scars', 'scars']]),
        article('/a/aftercare/', 'Aftercare', 'Looking after your face.'),
        article('/a/ko/', '실리프팅 안내', '얼굴의 층에 대한 설명입니다.', [], 'ko'),
        article('/a/series/', '시리즈 소개', '연재 글.', [], 'ko'),
    ],
    terms: [
        { term: 'SMAS', aliases: ['superficial musculoaponeurotic system'],
          definition: 'A thin sheet of tissue under the skin.', url: '/g/#term-smas' },
        { term: 'dimpling', aliases: [], definition: 'Small dents over a thread.',
          url: '/g/#term-dimpling' },
    ],
    words: [
        [['threads', 'lifting', 'swelling'], 2],
        [['smas', 'swelling'], 1],
        [['스마스층은', '피부'], 3],
    ],
});

const urls = q => s.search(ix, q).map(r => r.url);

test('normalisation: NFKC, lower case, words of letters, marks and digits', () => {
    assert.equal(s.fold('ＳＭＡＳ Layer'), 'smas layer');
    assert.equal(s.fold('\ufb01ller'), 'filler');
    assert.equal(s.fold('Week \u216b'), 'week xii');
    assert.deepEqual(s.words("The SMAS-layer's role, in 3 months."),
                     ['the', 'smas', 'layer', 's', 'role', 'in', '3', 'months']);
    assert.deepEqual(s.words('실리프팅은 SMAS층을 당깁니다.'), ['실리프팅은', 'smas층을', '당깁니다']);
    assert.deepEqual(s.words('re\u0301sume\u0301 — 50% & more…'), ['résumé', '50', 'more']);
    assert.deepEqual(s.words('— … !'), []);
    // Compatibility jamo, as an input method shows a consonant still being typed.
    assert.equal(s.fold('\u3131'), '\u1100');
    assert.equal(s.isHangul('리프팅'), true);
    assert.equal(s.isHangul('lift'), false);
});

test('postings: gaps in base 36, or a bit set in hex', () => {
    assert.deepEqual(s.decodePostings('0 11', 40), [0, 37]);
    assert.deepEqual(s.decodePostings('5', 40), [5]);
    assert.deepEqual(s.decodePostings('#0d', 40), [0, 2, 3]);
    assert.deepEqual(s.decodePostings('#ffffffffff', 40), [...Array(40).keys()]);
    assert.deepEqual(s.decodePostings('', 40), []);
    // Nothing outside the index, whatever the file says.
    assert.deepEqual(s.decodePostings('#ff', 3), [0, 1, 2]);
    assert.deepEqual(s.decodePostings('1 z', 3), [1]);
});

test('titles first, then headings, then glossary terms, then bodies', () => {
    const results = s.search(ix, 'thread');
    assert.deepEqual(results.map(r => [r.kind, r.url]), [
        ['article', '/a/basics/'],                           // in the title
        ['article', '/a/facelift/#comparing-a-thread-lift'], // in a heading: links to it
        ['article', '/a/aftercare/'],                        // "threads" in the body
        ['term', '/g/#term-dimpling'],                       // in a term's definition
    ]);
    assert.deepEqual(results.map(r => r.rank), [0, 1, 3, 4]);
    assert.equal(results[1].heading, 'Comparing a thread lift');
    assert.equal(results[0].text, 'What a thread lift is.');
    // A glossary term's name ranks above any body.
    assert.deepEqual(urls('smas'), ['/g/#term-smas', '/a/facelift/']);
    assert.deepEqual(urls('superficial'), ['/g/#term-smas']);
});

test('every word must match; each may match in another place', () => {
    // "thread" in the title and "risks" in a heading: the heading's rank, and its link.
    assert.deepEqual(urls('thread risks'), ['/a/basics/#risks']);
    assert.deepEqual(urls('thread zzz'), []);
    assert.deepEqual(urls('zzz'), []);
    assert.deepEqual(urls(''), []);
    assert.deepEqual(urls('  — '), []);
});

test('prefix matching in English; a word inside a word does not match', () => {
    assert.deepEqual(urls('lif'), ['/a/basics/', '/a/facelift/#comparing-a-thread-lift',
                                   '/a/aftercare/']);
    // "lift" is not the start of "facelift": Facelift matches by its heading only.
    assert.equal(s.search(ix, 'lift')[1].rank, 1);
    // Both in the body, equally well: newest first (the index's order).
    assert.deepEqual(urls('swell'), ['/a/facelift/', '/a/aftercare/']);
    assert.deepEqual(urls('ift'), []);
});

test('a whole word before a beginning, a shorter title first, then newest first', () => {
    const tie = index({
        articles: [article('/1/', 'Lifting explained'), article('/2/', 'Lift and filler'),
                   article('/3/', 'Lift'), article('/4/', 'Lift options'),
                   article('/5/', 'Lift costs')],
    });
    const order = ['/3/', '/4/', '/5/', '/2/', '/1/'];
    assert.deepEqual(s.search(tie, 'lift').map(r => r.url), order);
    assert.deepEqual(s.search(tie, 'LIFT').map(r => r.url), order);
    assert.deepEqual(s.search(tie, 'ＬＩＦＴ').map(r => r.url), order);
});

test('Korean: inside words, particles and all, and syllables still being typed', () => {
    assert.deepEqual(urls('리프팅'), ['/a/ko/']);          // in "실리프팅"
    assert.deepEqual(urls('실리프팅은'), []);              // more than the title holds
    assert.deepEqual(urls('스마스'), ['/a/ko/']);          // in the body's "스마스층은"
    assert.deepEqual(urls('층'), ['/a/ko/']);              // summary "층에", body "스마스층은"
    assert.deepEqual(urls('피부'), ['/a/ko/']);
    // Typed key by key, as an input method shows it: 리, 리프, 리프ㅌ, 리프티, 리프팅.
    assert.deepEqual(urls('리'), ['/a/ko/', '/a/series/']); // 시리즈 has 리 too
    for (const q of ['리프', '리프\u314c', '리프티', '리프팅'])
        assert.deepEqual(urls(q), ['/a/ko/'], q);
    // "시리" passes through "실" (ㄹ as the final, until 이 follows): 실 finds 시리즈 too.
    assert.deepEqual(urls('실'), ['/a/ko/', '/a/series/']);
    assert.equal(s.alternative('실'.normalize('NFD')), '시'.normalize('NFD') + '\u1105');
    assert.equal(s.alternative('닭'.normalize('NFD')), '달'.normalize('NFD') + '\u1100');
    assert.equal(s.alternative('lift'), null);
    // English and Korean in one query: both must match.
    assert.deepEqual(urls('리프팅 안내'), ['/a/ko/']);
    assert.deepEqual(urls('리프팅 thread'), []);
});

test('the query is read as the index is: duplicates once, the last word being typed', () => {
    const q = s.parseQuery('Lift lift LIFT 실');
    assert.deepEqual(q.map(t => t.text), ['lift', '실'.normalize('NFD')]);
    assert.equal(q[1].hangul, true);
    assert.equal(q[1].alt, s.alternative('실'.normalize('NFD')));
    assert.equal(q[0].alt, null);
});

test('an index written by suture (tests/unit/test_searchindex.c, SMALL_JSON)', () => {
    const small = s.prepare(JSON.parse(
        '{"format":2,"articles":[{"url":"/kb/articles/layers/","title":"The layers of the face",' +
        '"summary":"Where the SMAS lies.","lang":"en","headings":[0]},' +
        '{"url":"/kb/articles/smas-ko/","title":"스마스층과 실리프팅","summary":"얼굴의 층.",' +
        '"lang":"ko","headings":[]}],"headings":[["Glide planes","glide"]],' +
        '"terms":[{"term":"SMAS","aliases":["superficial ' +
        'musculoaponeurotic system"],"definition":"A thin sheet of tissue.",' +
        '"url":"/kb/glossary/#term-smas"}],"words":["over","skin","slides","tissue","under",' +
        '"스마스층은","아래에","있습니다","피부"],"postings":["0","0","0","0","0","1","1","1","1"]}'));
    assert.deepEqual(s.search(small, 'glide').map(r => r.url), ['/kb/articles/layers/#glide']);
    assert.deepEqual(s.search(small, 'tissue').map(r => r.url),
                     ['/kb/articles/layers/', '/kb/glossary/#term-smas']);
    assert.deepEqual(s.search(small, 'smas').map(r => r.url),
                     ['/kb/glossary/#term-smas', '/kb/articles/layers/']);
    assert.deepEqual(s.search(small, '리프팅').map(r => [r.url, r.lang]),
                     [['/kb/articles/smas-ko/', 'ko']]);
    assert.deepEqual(s.search(small, '아래').map(r => r.url), ['/kb/articles/smas-ko/']);
});

test('a heading number that the list does not have is left out', () => {
    const odd = s.prepare({ format: 2, articles: [article('/a/', 'A', '', [0, 5])],
                            headings: [['Risks', 'risks']], words: [], postings: [] });
    assert.deepEqual(odd.articles[0].headings, [['Risks', 'risks']]);
    assert.deepEqual(s.search(odd, 'risk').map(r => r.url), ['/a/#risks']);
});

test('another format is refused', () => {
    assert.throws(() => s.prepare({ format: 1, articles: [] }), /format 2/);
    assert.throws(() => s.prepare(null), /format 2/);
});

test('snippets and the page strings', () => {
    assert.equal(s.snippet('Short.', 180), 'Short.');
    assert.equal(s.snippet('one two three four five six', 14), 'one two three…');
    assert.equal(s.snippet('  a\n  b  ', 10), 'a b');
    assert.equal(s.fill('{2} results for “{1}”', 'lift', '3'), '3 results for “lift”');
    assert.equal(s.fill('“{1}” 검색 결과 {2}건', '리프팅', '1'), '“리프팅” 검색 결과 1건');
});

test('the other languages\' indexes a page names', () => {
    assert.deepEqual(s.parseOtherIndexes('en=/en/search-index.json'),
                     [{ code: 'en', url: '/en/search-index.json' }]);
    assert.deepEqual(s.parseOtherIndexes(' ko=/search-index.json  ja=/ja/search-index.json '),
                     [{ code: 'ko', url: '/search-index.json' },
                      { code: 'ja', url: '/ja/search-index.json' }]);
    // Malformed pairs and a language named twice are left out; nothing named, nothing.
    assert.deepEqual(s.parseOtherIndexes('=/x.json en= fr en=/a.json EN=/b.json'),
                     [{ code: 'en', url: '/a.json' }]);
    assert.deepEqual(s.parseOtherIndexes(null), []);
    assert.deepEqual(s.parseOtherIndexes(''), []);
});

test('other languages\' matches: apart, each language ranked, labelled with its language', () => {
    const en = index({
        articles: [article('/en/a/body/', 'Recovery', 'Swelling after a thread lift.', [], 'en'),
                   article('/en/a/title/', 'Thread lift', 'What it is.', [], 'en')],
        terms: [{ term: 'Thread lift', url: '/en/glossary/#term-thread-lift',
                  definition: 'Lifting with threads.' }]
    });
    const ja = index({ articles: [article('/ja/a/', 'Thread lift FAQ', '', [], '')] });
    const others = [{ code: 'en', ix: en }, { code: 'ja', ix: ja }];
    const got = s.otherResults(others, 'thread', 20);
    // English first (the page's order), ranked within: title, term, then body; then Japanese.
    assert.deepEqual(got.map(r => [r.url, r.lang, r.hreflang]), [
        ['/en/a/title/', 'en', 'en'],
        ['/en/glossary/#term-thread-lift', 'en', 'en'],  // a term has no lang of its own
        ['/en/a/body/', 'en', 'en'],
        ['/ja/a/', 'ja', 'ja']                            // no lang in its entry: its index's
    ]);
    // At most max in all.
    assert.equal(s.otherResults(others, 'thread', 2).length, 2);
    // An index that did not load is passed over; no match anywhere is an empty list.
    assert.deepEqual(s.otherResults([{ code: 'en', ix: null }, { code: 'ja', ix: ja }], 'faq', 20)
                     .map(r => r.url), ['/ja/a/']);
    assert.deepEqual(s.otherResults(others, 'nothing-here', 20), []);
    assert.deepEqual(s.otherResults([], 'thread', 20), []);
    // The page's own results are untouched by them: search() gives no hreflang.
    assert.equal(s.search(en, 'thread')[0].hreflang, undefined);
});

// ---- issue 19: typos, synonyms, initial consonants, snippets ----

// The glossary's names, as the clinic's glossary has them.
const glossary = [
    { term: 'haematoma', aliases: ['hematoma', 'haematomas'], definition: 'Blood under the skin.',
      url: '/g/#term-haematoma' },
    { term: '실리프팅', aliases: ['실 리프팅'], definition: '실을 넣어 당기는 시술.',
      url: '/g/#term-thread-lift' },
    { term: 'dimpling', aliases: [], definition: 'Small dents.', url: '/g/#term-dimpling' },
];
const ix19 = index({
    articles: [
        article('/en/dimpling/', 'Dimpling after a thread lift', 'Dents that settle.'),
        article('/en/quote/', 'What patients ask', 'Questions we hear.', [], 'en',
                ['One patient wrote "dimpeling" in her message.']),
        article('/en/bleeding/', 'Bleeding and bruising', 'What is normal.', [], 'en',
                ['A haematoma is blood that collects under the skin.']),
        article('/en/us/', 'Spelling in American texts', 'Notes.', [], 'en',
                ['A hematoma needs a doctor when it grows.']),
        article('/ko/lift/', '실리프팅 안내', '얼굴의 층.', [], 'ko'),
        article('/ko/spaced/', '회복 기간', '시술 뒤.', [], 'ko', ['실 리프팅은 붓기가 적습니다.']),
        article('/ko/series/', '시리즈 소개', '연재 글.', [], 'ko'),
        article('/en/smas/', 'The SMAS', 'A layer.', [], 'en',
                ['The superficial musculoaponeurotic system lies under the fat.']),
    ],
    terms: glossary,
    words: [
        [['dimpeling', 'one', 'patient', 'wrote', 'message'], 1],
        [['haematoma', 'blood', 'collects', 'under', 'skin'], 2],
        [['hematoma', 'needs', 'doctor', 'grows'], 3],
        [['실', '리프팅은', '붓기가', '적습니다'], 5],
        [['superficial', 'musculoaponeurotic', 'system', 'lies'], 7],
    ],
});
const urls19 = q => s.search(ix19, q).filter(r => r.kind === 'article').map(r => r.url);

test('typos: five letters or more, one edit (two from nine), ranked below exact matches', () => {
    // "dimpeling" is in one article as written: that one first; the title "Dimpling", one
    // edit away, after it, though a title match otherwise ranks above a body match.
    const got = s.search(ix19, 'dimpeling').filter(r => r.kind === 'article');
    assert.deepEqual(got.map(r => [r.url, r.typo]),
                     [['/en/quote/', false], ['/en/dimpling/', true]]);
    assert.ok(got[0].rank > got[1].rank);
    // A swap of two letters is one edit; a prefix of a longer word counts ("dimplings").
    assert.deepEqual(urls19('dimlping'), ['/en/dimpling/']);
    assert.equal(s.nearStart('dimpeling', 'dimplings', 1), true);
    // Two edits are too many under nine letters, enough from nine.
    assert.deepEqual(urls19('dimpxxng'), []);
    assert.deepEqual(urls19('muskuloaponeurotik'), ['/en/smas/']);
    assert.deepEqual(urls19('muskulaaponeurotik'), []);       // three edits
    // A word of four letters must be spelt right: "smaz" is not "smas", "blud" not "blood".
    assert.deepEqual(urls19('smaz'), []);
    assert.deepEqual(urls19('blud'), []);
    assert.deepEqual(s.parseQuery('smaz dimpling dimpeling').map(t => t.typos),
                     [0, 1, 2]);
    // The glossary term is found with a typo too, below the exact matches.
    assert.equal(s.search(ix19, 'dimpeling').find(r => r.kind === 'term').typo, true);
    // Korean words and numbers are not read as typos.
    assert.equal(s.parseQuery('실리프팅이에요')[0].typos, 0);
    assert.equal(s.parseQuery('12345')[0].typos, 0);
});

test('synonyms: a glossary entry\'s names find each other, both ways', () => {
    assert.deepEqual(urls19('hematoma'), ['/en/bleeding/', '/en/us/']);
    assert.deepEqual(urls19('haematoma'), ['/en/bleeding/', '/en/us/']);
    assert.deepEqual(urls19('haematomas'), ['/en/bleeding/', '/en/us/']);
    // The body sentence that says it is the snippet, its word marked (see below).
    assert.equal(s.search(ix19, 'hematoma').find(r => r.url === '/en/bleeding/').text,
                 'A haematoma is blood that collects under the skin.');
    // Korean with and without the space: 실리프팅 finds "실 리프팅은", and back.
    assert.deepEqual(urls19('실리프팅'), ['/ko/lift/', '/ko/spaced/']);
    assert.deepEqual(urls19('실 리프팅'), ['/ko/lift/', '/ko/spaced/']);
    // Every other word of the query must still match.
    assert.deepEqual(urls19('hematoma doctor'), ['/en/us/']);
});

test('Korean initial consonants (초성) find the words they begin', () => {
    assert.equal(s.initials('실리프팅은'.normalize('NFD')), s.fold('ㅅㄹㅍㅌㅇ'));
    assert.deepEqual(urls19('ㅅㄹㅍㅌ'), ['/ko/lift/']);
    assert.deepEqual(urls19('ㄹㅍㅌ'), ['/ko/lift/', '/ko/spaced/']); // inside words: 리프팅은
    assert.deepEqual(urls19('ㅅㄹ'), ['/ko/lift/', '/ko/series/']); // 실리…, 시리즈
    assert.deepEqual(urls19('ㅎㅂ ㄱㄱ'), ['/ko/spaced/']);       // 회복 기간
    assert.deepEqual(urls19('ㅅㅍ'), []);
    // A query of initials is not a syllable being typed; one consonant still is.
    assert.equal(s.parseQuery('ㅅㄹ')[0].initials, true);
    assert.equal(s.parseQuery('ㅅ')[0].initials, false);
    assert.deepEqual(urls('리프ㅌ'), ['/a/ko/']);
});

test('snippets: a body match shows the sentence that has it, its words marked', () => {
    const r = s.search(ix19, 'musculoaponeurotic')[0];
    assert.equal(r.url, '/en/smas/');
    assert.equal(r.text, 'The superficial musculoaponeurotic system lies under the fat.');
    const doc = { createElement: tag => new Node(tag), createTextNode: t => new Node('#text', t) };
    const p = new Node('p');
    s.appendMarked(doc, p, r.text, r.hit);
    assert.deepEqual(p.kids.map(k => [k.tag, k.textContent]), [
        ['#text', 'The superficial '], ['mark', 'musculoaponeurotic'],
        ['#text', ' system lies under the fat.']]);
    // A typo's word is marked as well; Korean, inside its word with the particle.
    const k = s.search(ix19, '실리프팅').find(x => x.url === '/ko/spaced/');
    assert.equal(k.text, '실 리프팅은 붓기가 적습니다.');
    const q = new Node('p');
    s.appendMarked(doc, q, k.text, k.hit);
    assert.deepEqual(q.kids.filter(x => x.tag === 'mark').map(x => x.textContent), ['실', '리프팅은']);
    // The summary when it has the word; the summary too when no kept sentence has it.
    assert.equal(s.search(ix19, 'dents')[0].text, 'Dents that settle.');
    // A long text is cut to show its first marked word.
    const long = 'word '.repeat(60) + 'haematoma at last.';
    const cut = s.snippet(long, 80, w => w === 'haematoma');
    assert.ok(cut.startsWith('…') && cut.includes('haematoma'), cut);
    assert.ok(cut.length <= 81);
});

// ---- the page, on a small stand-in for the DOM: just what search.js uses ----

class Node {
    constructor(tag, text = '') { this.tag = tag; this.kids = []; this.attrs = {}; this.text = text;
                                  this.hidden = false; this.listeners = {}; this.className = ''; }
    get firstChild() { return this.kids[0] || null; }
    appendChild(k) { this.kids.push(k); return k; }
    set textContent(t) { this.kids = []; this.text = t; }
    get textContent() { return this.text + this.kids.map(k => k.textContent).join(''); }
    setAttribute(n, v) { this.attrs[n] = String(v); }
    getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; }
    addEventListener(e, f) { this.listeners[e] = f; }
    focus() { this.focused = true; }
    all() { return this.kids.flatMap(k => [k, ...k.all()]); }
    querySelectorAll(sel) { // 'a.search-result-link' only
        return this.all().filter(n => n.tag === 'a' && n.className === 'search-result-link');
    }
}

const raw = (url, title, lang) => ({ format: 2, articles: [{ url, title, summary: '', lang,
                                                             headings: [] }],
                                     headings: [], terms: [], words: [], postings: [] });

// A search page as search.xsl writes it; indexes: url -> index JSON, or absent (404).
function page({ own, indexes, otherIndexes, q }) {
    const ids = {};
    const el = (id, tag) => (ids[id] = new Node(tag));
    const form = el('search-form', 'form');
    form.attrs = { 'data-index': own, 'data-results-1': '1 result for “{1}”',
                   'data-results-n': '{2} results for “{1}”', 'data-no-results': 'None for “{1}”',
                   'data-loading': 'Loading…', 'data-unavailable': 'Unavailable.' };
    if (otherIndexes)
        form.attrs['data-other-indexes'] = otherIndexes;
    for (const [id, tag] of [['search-q', 'input'], ['search-status', 'p'],
                             ['search-results', 'ol'], ['search-more', 'button'],
                             ['search-all', 'section'], ['search-other', 'section'],
                             ['search-other-results', 'ol']])
        el(id, tag).hidden = id !== 'search-q' && id !== 'search-status' && id !== 'search-all';
    const fetched = [];
    const doc = {
        documentElement: { getAttribute: () => 'en' },
        getElementById: id => ids[id] || null,
        createElement: tag => new Node(tag),
        createTextNode: t => new Node('#text', t),
        activeElement: null
    };
    const win = {
        location: { href: 'https://example.org/en/search/' + (q ? '?q=' + encodeURIComponent(q) : '') },
        URL, setTimeout: f => { f(); return 1; }, clearTimeout: () => {},
        fetch: url => {
            fetched.push(url);
            return Promise.resolve(url in indexes
                ? { ok: true, json: () => Promise.resolve(indexes[url]) }
                : { ok: false, status: 404, statusText: 'Not Found' });
        }
    };
    return { ids, fetched, doc, win };
}

const settle = () => new Promise(r => setTimeout(r, 10));
const links = list => list.querySelectorAll().map(a => [a.getAttribute('href') ?? a.href,
                                                        a.getAttribute('hreflang')]);

test('the page: its own results first, the other languages\' apart below, loaded lazily', async () => {
    const p = page({
        own: '/en/search-index.json', otherIndexes: 'ko=/search-index.json',
        indexes: { '/en/search-index.json': raw('/en/articles/lift/', 'Thread lift', 'en'),
                   '/search-index.json': raw('/articles/lift/', '실리프팅 thread', 'ko') }
    });
    s.start(p.doc, p.win);
    await settle();
    assert.deepEqual(p.fetched, [], 'nothing is loaded before a query');
    p.ids['search-q'].value = 'thread';
    p.ids['search-q'].listeners.input();
    await settle();
    assert.deepEqual(p.fetched, ['/en/search-index.json', '/search-index.json'],
                     'the own index first, then the others');
    assert.deepEqual(links(p.ids['search-results']), [['/en/articles/lift/', null]]);
    assert.equal(p.ids['search-status'].textContent, '1 result for “thread”');
    const other = p.ids['search-other-results'];
    assert.equal(p.ids['search-other'].hidden, false);
    assert.deepEqual(links(other), [['/articles/lift/', 'ko']]);
    assert.equal(other.kids[0].getAttribute('lang'), 'ko');
    // A query only the page's own language has: the section is hidden, not empty.
    p.ids['search-q'].value = 'lift';
    p.ids['search-q'].listeners.input();
    await settle();
    assert.deepEqual(links(p.ids['search-results']), [['/en/articles/lift/', null]]);
    assert.equal(p.ids['search-other'].hidden, true);
    assert.equal(other.kids.length, 0);
    // A query only the other language has: no own results, theirs below.
    p.ids['search-q'].value = '실리프팅';
    p.ids['search-q'].listeners.input();
    await settle();
    assert.equal(p.ids['search-status'].textContent, 'None for “실리프팅”');
    assert.equal(p.ids['search-other'].hidden, false);
    assert.deepEqual(links(other), [['/articles/lift/', 'ko']]);
    // Emptying the field hides them again; each index was loaded once.
    p.ids['search-q'].value = '';
    p.ids['search-q'].listeners.input();
    await settle();
    assert.equal(p.ids['search-other'].hidden, true);
    assert.equal(p.fetched.length, 2);
});

test('the page: another language\'s index that fails to load says nothing', async () => {
    const p = page({
        own: '/search-index.json', otherIndexes: 'en=/en/missing.json',
        indexes: { '/search-index.json': raw('/articles/lift/', 'Thread lift', 'ko') },
        q: 'thread'
    });
    s.start(p.doc, p.win);
    await settle();
    assert.deepEqual(p.fetched, ['/search-index.json', '/en/missing.json']);
    assert.deepEqual(links(p.ids['search-results']), [['/articles/lift/', null]]);
    assert.equal(p.ids['search-status'].textContent, '1 result for “thread”');
    assert.equal(p.ids['search-other'].hidden, true);
});

test('the page: without other indexes named, nothing else is fetched', async () => {
    const p = page({ own: '/search-index.json',
                     indexes: { '/search-index.json': raw('/a/', 'Thread lift', 'en') },
                     q: 'thread' });
    s.start(p.doc, p.win);
    await settle();
    assert.deepEqual(p.fetched, ['/search-index.json']);
    assert.equal(p.ids['search-other'].hidden, true);
});

// The ranking rule of search.js's header, written out: search() sorts by one number per
// result, which must give this order, for every result and not only the first page.
const before = (p, q) => (p.typo - q.typo) || p.rank - q.rank || q.score - p.score ||
    p.size - q.size || (p.kind === q.kind ? 0 : p.kind === 'article' ? -1 : 1) ||
    p.order - q.order;

test('every match is a result, in the order of the ranking rule', () => {
    // 300 articles matching "lift" in the title, a heading, the summary or the body, as a
    // whole word, a beginning or a typo, with titles of several lengths, and terms.
    const places = ['title', 'heading', 'summary', 'body'];
    const forms = ['lift', 'lifting', 'lifg', 'lifts'];
    const articles = [], words = [];
    for (let i = 0; i < 300; i++) {
        const place = places[i % 4], form = forms[Math.floor(i / 4) % 4];
        const pad = ' word'.repeat(i % 3);
        articles.push(article(`/a/${i}/`, place === 'title' ? `${form} thread${pad}` : `Thread${pad}`,
                              place === 'summary' ? `About ${form}.` : 'About it.',
                              place === 'heading' ? [[`The ${form}`, 'h']] : []));
        words.push([place === 'body' ? [form, 'thread'] : ['thread'], i]);
    }
    const big = index({
        articles, words,
        terms: [{ term: 'lift', aliases: [], definition: 'A lift.', url: '/g/#lift' },
                { term: 'Thread', aliases: [], definition: 'For a lift.', url: '/g/#thread' }],
    });
    for (const q of ['lift', 'liftt thread', 'thread', 'thread lift']) {
        const got = s.search(big, q);
        const sorted = got.slice().sort(before);
        assert.deepEqual(got.map(r => r.url), sorted.map(r => r.url), q);
        assert.ok(new Set(got.map(r => r.url)).size === got.length, q);
    }
    // All 300 articles have "thread", and the term Thread: nothing is cut to a page.
    assert.equal(s.search(big, 'thread').length, 301);
    // "lifg" matches "lift" only with a typo (one edit from five letters: not "lifg"),
    // "lifts" and "lifting" by beginnings: every article with a "lif…" word.
    const lift = s.search(big, 'lift');
    assert.equal(lift.filter(r => r.kind === 'article').length, 224);
    assert.deepEqual(lift.slice(0, 3).map(r => [r.rank, r.score, r.size]),
                     [[0, 4, 2], [0, 4, 2], [0, 4, 2]]);
});

test('a result heading, link and snippet are worked out when read, and may be set', () => {
    const r = s.search(ix, 'thread')[1];
    assert.equal(r.heading, 'Comparing a thread lift');
    assert.equal(r.url, '/a/facelift/#comparing-a-thread-lift');
    assert.equal(r.text, 'Weeks, not days.');
    r.url = '/elsewhere/';
    r.lang = 'ko';
    assert.equal(r.url, '/elsewhere/');
    assert.equal(r.lang, 'ko');
    // Each search gives its own results: the next one is not changed by that.
    assert.equal(s.search(ix, 'thread')[1].url, '/a/facelift/#comparing-a-thread-lift');
    // Not ranked by a heading: no heading, the article's own link.
    assert.equal(s.search(ix, 'thread')[0].heading, '');
    assert.equal(s.search(ix, 'thread')[0].url, '/a/basics/');
});

// ---- snippets from the article's page: a word found only deep in the body ----

// Articles whose words (postings) reach beyond their excerpts (text), as a long body's do.
const ixDeep = index({
    articles: [
        article('/en/risks/', 'Risks of a thread lift', 'What can go wrong.', [['Bruising', 'b']],
                'en', ['Most side effects settle.']),
        article('/en/recovery/', 'Recovery', 'The first weeks.', [], 'en',
                ['Haematoma is rare after threads.']),
        article('/en/knots/', 'Knots at the temple', 'Felt under the skin.', [], 'en', []),
        article('/en/care/', 'Aftercare', 'Sleep, food and work; and a haematoma.', [], 'en', []),
        article('/ko/risks/', '부작용', '생길 수 있는 일.', [], 'ko', ['대부분 가라앉습니다.']),
    ],
    terms: glossary,
    words: [
        [['most', 'side', 'effects', 'settle', 'hematoma', 'knots', 'call', 'swelling'], 0],
        [['haematoma', 'rare', 'after', 'threads', 'knots'], 1],
        [['knots', 'temple'], 2],
        [['대부분', '가라앉습니다', '실리프팅은', '매듭이'], 4],
    ],
});
const deep = (q, url) => s.search(ixDeep, q).find(r => r.url === url);

test('a result needs its article\'s page when its body matched beyond what the index keeps', () => {
    // Only the body has it, and not its excerpt: the page is needed.
    assert.equal(s.needsPage(deep('hematoma', '/en/risks/')), true);
    assert.equal(s.needsPage(deep('매듭', '/ko/risks/')), true);
    // Its excerpt has it (a synonym, here), or its summary: the index's snippet marks it.
    assert.equal(s.needsPage(deep('hematoma', '/en/recovery/')), false);
    assert.equal(s.needsPage(deep('haematoma', '/en/care/')), false);
    // Found by its title or a heading: those are marked already, nothing is loaded.
    assert.equal(deep('knots', '/en/knots/').rank, 0);
    assert.equal(s.needsPage(deep('knots', '/en/knots/')), false);
    assert.equal(s.needsPage(s.search(ixDeep, 'bruising')[0]), false);
    // A glossary term never: its definition is its snippet.
    const term = s.search(ixDeep, 'hematoma').find(r => r.kind === 'term');
    assert.equal(s.needsPage(term), false);
    // Once a snippet with the word is set, no more.
    const r = deep('hematoma', '/en/risks/');
    r.text = 'A haematoma is blood under the skin.';
    assert.equal(s.needsPage(r), false);
});

test('sentences: Intl.Segmenter in the page\'s language, else cut after . ? ! and 。', () => {
    const en = 'Threads settle. Does it hurt? Yes! A 2.5 cm cut (see "Scars.") heals.';
    assert.deepEqual(s.sentences(en, 'en'), ['Threads settle.', 'Does it hurt?', 'Yes!',
                                             'A 2.5 cm cut (see "Scars.") heals.']);
    // Without Intl.Segmenter, a full stop inside quotes ends a sentence too.
    assert.deepEqual(s.sentences(en, 'en', false), ['Threads settle.', 'Does it hurt?', 'Yes!',
                                                    'A 2.5 cm cut (see "Scars.")', 'heals.']);
    const ko = '붓기는 며칠 안에 가라앉습니다. 매듭이 만져지면 병원에 알려 주세요. 괜찮을까요?';
    for (const seg of [undefined, false])
        assert.deepEqual(s.sentences(ko, 'ko', seg),
                         ['붓기는 며칠 안에 가라앉습니다.', '매듭이 만져지면 병원에 알려 주세요.', '괜찮을까요?']);
    assert.deepEqual(s.sentences('一つ目。二つ目。', 'ja', false), ['一つ目。二つ目。']);
    assert.deepEqual(s.sentences('一つ目。 二つ目。', 'ja', false), ['一つ目。', '二つ目。']);
    // A list item without a full stop is one sentence; a language tag that is not one is
    // read with the default rules.
    assert.deepEqual(s.sentences('knots that can be felt', 'en'), ['knots that can be felt']);
    assert.deepEqual(s.sentences('One. Two.', 'not a tag!'), ['One.', 'Two.']);
    assert.deepEqual(s.sentences('', 'en'), []);
});

test('the sentence of an article\'s page that has a matched word, as the marks match', () => {
    const blocks = [
        'Most people go back to work within a week. Swelling settles.',
        'bruising, swelling and soreness',
        'A haematoma is rare. If one side swells suddenly, call the clinic. Bruising fades.',
    ];
    const hit = q => deep(q, '/en/risks/').hit;
    // The first block that has it, and in it the first sentence that has it.
    assert.equal(s.sentenceWithHit(blocks, hit('call'), 'en'),
                 'If one side swells suddenly, call the clinic.');
    assert.equal(s.sentenceWithHit(blocks, hit('swell'), 'en'), 'Swelling settles.');
    // "swells" is one edit from the beginning of "swelling": a typo's match, the same.
    assert.equal(s.sentenceWithHit(blocks, hit('swells'), 'en'), 'Swelling settles.');
    // A synonym from the glossary and a typo count, as they do for the marks.
    assert.equal(s.sentenceWithHit(blocks, hit('hematoma'), 'en'), 'A haematoma is rare.');
    assert.equal(s.sentenceWithHit(blocks, hit('haemotoma'), 'en'), 'A haematoma is rare.');
    assert.equal(s.sentenceWithHit(blocks, w => w === 'nothing', 'en'), '');
    assert.equal(s.sentenceWithHit(blocks, hit('call'), 'en', false),
                 'If one side swells suddenly, call the clinic.');
    // Korean: inside words, particles and all; and a glossary name without its space.
    const ko = ['시술 뒤에는 붓기가 있습니다. 실리프팅은 며칠이면 붓기가 빠집니다.',
                '관자놀이 피부 아래에서 만져지는 매듭이나 실'];
    const hitKo = q => s.search(ixDeep, q).find(r => r.url === '/ko/risks/').hit;
    assert.equal(s.sentenceWithHit(ko, hitKo('리프팅'), 'ko'), '실리프팅은 며칠이면 붓기가 빠집니다.');
    assert.equal(s.sentenceWithHit(ko, hitKo('실 리프팅'), 'ko'), '실리프팅은 며칠이면 붓기가 빠집니다.');
    assert.equal(s.sentenceWithHit(ko, hitKo('매듭'), 'ko'), '관자놀이 피부 아래에서 만져지는 매듭이나 실');
});

// A stand-in for the parsed page's elements: just what bodyBlocks() reads.
function el(tag, attrs, ...kids) {
    const n = { nodeType: 1, localName: tag, attrs, firstChild: null, nextSibling: null,
                getAttribute: a => (a in attrs ? attrs[a] : null) };
    let prev = null;
    for (const k of kids) {
        const c = typeof k === 'string' ? { nodeType: 3, nodeValue: k, nextSibling: null } : k;
        if (prev) prev.nextSibling = c; else n.firstChild = c;
        prev = c;
    }
    return n;
}

test('the prose of an article\'s body: its blocks, without what is not prose', () => {
    const body = el('div', { class: 'article-body' },
        el('p', {}, 'A ', el('a', { class: 'glossary-term', href: '/g/' }, 'thread lift'),
           el('button', { class: 'glossary-term' }, 'thread lift'),
           ' places   threads', el('span', { hidden: '' }, ' (hidden)'), el('sup', { class: 'citation' }, el('a', {}, '1')), '.\n'),
        el('h2', { id: 'risks' }, 'Risks ', el('a', { class: 'heading-anchor' }, '#')),
        el('ul', {}, el('li', {}, 'bruising, ', el('strong', {}, 'swelling'), ' and soreness'),
           el('li', {}, 'knots')),
        el('section', { class: 'care-card care-urgent' },
           el('h3', { class: 'care-heading' }, 'Contact the clinic if you have:'),
           el('div', { class: 'care-body' }, el('ul', {}, el('li', {}, 'a fever')),
              el('p', { class: 'care-contact' }, 'Call the clinic: 02'))),
        el('div', { class: 'comparison-wrap' }, el('table', {}, 'Recovery 1 week')),
        el('figure', { class: 'diagram' }, el('svg', {}, 'SMAS'),
           el('figcaption', { class: 'diagram-caption' }, 'The layers of the face.')),
        el('p', {}, el('span', {}, 'Ask'), ' your doctor.'));
    assert.deepEqual(s.bodyBlocks(body), [
        'A thread lift places threads.', 'bruising, swelling and soreness', 'knots', 'a fever',
        'The layers of the face.', 'Ask your doctor.']);
});

// ---- the page loads articles' pages for such snippets ----

// A search page whose articles' pages are html: url -> the stand-in body of its
// div.article-body (or null: a page without one), or absent (404). The stand-in fetch
// answers a page with its URL as the text; the stand-in DOMParser finds its body by it.
function pageWithArticles({ index: data, articles, lang = 'en', hold = false }) {
    const p = page({ own: '/search-index.json', indexes: { '/search-index.json': data } });
    const fetchIndex = p.win.fetch, waiting = [];
    p.loaded = [];
    p.win.fetch = (url, opts) => {
        if (url.endsWith('.json'))
            return fetchIndex(url, opts);
        p.loaded.push(url);
        const answer = url in articles
            ? { ok: true, text: () => Promise.resolve(url) }
            : { ok: false, status: 404, statusText: 'Not Found' };
        if (!hold)
            return Promise.resolve(answer);
        return new Promise(resolve => waiting.push(() => resolve(answer)));
    };
    p.release = () => waiting.splice(0).forEach(f => f());
    // When the browser is next idle: on call (p.idle()), as the test says.
    const idle = [];
    p.win.requestIdleCallback = (f, opts) => {
        assert.ok(opts.timeout > 0);
        idle.push(f);
    };
    p.idle = () => idle.splice(0).forEach(f => f());
    p.win.DOMParser = class {
        parseFromString(url, type) {
            assert.equal(type, 'text/html');
            return { documentElement: { getAttribute: a => (a === 'lang' ? lang : null) },
                     querySelector: sel => (sel === '.article-body' ? articles[url] : null) };
        }
    };
    return p;
}

const deepIndex = () => ({
    format: 2, headings: [], terms: glossary,
    articles: ['a', 'b', 'c', 'd'].map(x => ({ url: `/en/${x}/`, title: `Article ${x}`,
                                               summary: 'About it.', lang: 'en', headings: [],
                                               text: x === 'd' ? ['A hematoma, in short.'] : [] })),
    words: ['haematoma', 'hematoma'], postings: ['0 1 1', '3'],
});
const prose = text => el('div', { class: 'article-body' }, el('p', {}, 'First part. ' + text),
                         el('ul', {}, el('li', {}, 'Last item')));
// Each result's snippet, its marks in brackets.
const snippets = p => p.ids['search-results'].kids.map(li =>
    li.kids.filter(k => k.className === 'search-result-snippet').map(k => k.kids.map(x =>
        (x.tag === 'mark' ? `[${x.textContent}]` : x.textContent)).join(''))[0]);
const type = async (p, q) => {
    p.ids['search-q'].value = q;
    p.ids['search-q'].listeners.input();
    await settle();
};

test('the page: a body match beyond the excerpt shows a sentence of its page', async () => {
    const p = pageWithArticles({ index: deepIndex(), articles: {
        '/en/a/': prose('A haematoma needs care. Then more.'),
        '/en/b/': prose('Nothing of it here.'),   // the index says b has it: its page does not
        // /en/c/ fails to load (404)
    } });
    s.start(p.doc, p.win);
    await type(p, 'hematoma');
    // The results are shown before anything is loaded: that waits for the browser to be idle.
    assert.equal(p.ids['search-status'].textContent, '5 results for “hematoma”');
    assert.deepEqual(p.loaded, []);
    p.idle();
    await settle();
    // a, b and c matched in their bodies only; d has it in its excerpt: not loaded. The
    // glossary's term comes first, its definition its snippet.
    assert.deepEqual(p.loaded, ['/en/a/', '/en/b/', '/en/c/']);
    const want = ['Blood under the skin.', 'A [haematoma] needs care.', 'About it.', 'About it.',
                  'A [hematoma], in short.'];
    assert.deepEqual(snippets(p), want);
    // Each page once per page view: the same query again, or another, loads nothing more.
    await type(p, '');
    await type(p, 'haematoma');
    p.idle();
    await settle();
    assert.deepEqual(p.loaded, ['/en/a/', '/en/b/', '/en/c/']);
    assert.deepEqual(snippets(p), want);
});

test('the page: two pages at a time, and no snippet for a query typed over', async () => {
    const p = pageWithArticles({ hold: true, index: deepIndex(), articles: {
        '/en/a/': prose('A haematoma needs care.'), '/en/b/': prose('Haematoma again.'),
        '/en/c/': prose('Haematoma, third.') } });
    s.start(p.doc, p.win);
    await type(p, 'hematoma');
    p.idle();
    assert.deepEqual(p.loaded, ['/en/a/', '/en/b/'], 'two at a time');
    p.release();
    await settle();
    assert.deepEqual(p.loaded, ['/en/a/', '/en/b/', '/en/c/']);
    p.release();
    await settle();
    assert.deepEqual(snippets(p).slice(1, 4), ['A [haematoma] needs care.', '[Haematoma] again.',
                                               '[Haematoma], third.']);
    // A query typed while pages load: what comes back is not written into its results.
    const q = pageWithArticles({ hold: true, index: deepIndex(), articles: {
        '/en/a/': prose('A haematoma needs care.') } });
    s.start(q.doc, q.win);
    await type(q, 'hematoma');
    q.idle();
    assert.deepEqual(q.loaded, ['/en/a/', '/en/b/']);
    q.ids['search-q'].value = 'hematom';          // typed on; its search is still to run
    q.release();
    await settle();
    assert.deepEqual(snippets(q).slice(1), ['About it.', 'About it.', 'About it.',
                                            'A [hematoma], in short.']);
    // The new query's run starts again; the waiting page (c) was never loaded for the old.
    assert.deepEqual(q.loaded, ['/en/a/', '/en/b/']);
    q.ids['search-q'].listeners.input();
    await settle();
    q.idle();
    await settle();  // a and b are read again, from what was loaded; then c
    assert.deepEqual(q.loaded, ['/en/a/', '/en/b/', '/en/c/']);
    q.release();
    await settle();
    // (d first now: "hematom" begins its word; a's "haematoma" is one edit away.)
    assert.deepEqual(snippets(q).slice(1, 3), ['A [hematoma], in short.',
                                               'A [haematoma] needs care.']);
});

test('the page: only the results shown load their pages, "Show more" the next ones', async () => {
    const data = deepIndex();
    data.terms = [];
    data.articles = [...Array(25).keys()].map(i => ({ url: `/en/${i}/`, title: `Article ${i}`,
                                                      summary: 'About it.', lang: 'en',
                                                      headings: [], text: [] }));
    data.words = ['haematoma'];
    data.postings = ['0' + ' 1'.repeat(24)];
    const articles = Object.fromEntries(data.articles.map(a => [a.url, prose('Haematoma.')]));
    const p = pageWithArticles({ index: data, articles });
    s.start(p.doc, p.win);
    await type(p, 'haematoma');
    p.idle();
    await settle();
    const first = data.articles.slice(0, 20).map(a => a.url);
    assert.deepEqual(p.loaded, first);
    assert.equal(p.ids['search-more'].hidden, false);
    p.ids['search-more'].listeners.click();
    p.idle();
    await settle();
    assert.deepEqual(p.loaded, data.articles.map(a => a.url));
    assert.deepEqual(new Set(snippets(p)), new Set(['[Haematoma].']));
});
