// test_search.mjs: tests of the matching and ranking in templates/assets/search.js, the
// script of the /search/ page. Not part of `make test` (Node may not be installed where
// the C tests run); run them with Node 18 or later:
//
//     node --test tests/search/
//
// search.js is the one file browsers load; in Node it exports its functions instead of
// starting on a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const s = require('../../templates/assets/search.js');

// An index as generator/searchindex.c writes it (format 1), built by hand: words and
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
    return s.prepare({ format: 1, articles: numbered, headings, terms, words: vocab, postings });
}

const article = (url, title, summary = '', headings = [], lang = 'en') =>
    ({ url, title, summary, lang, headings });

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
        '{"format":1,"articles":[{"url":"/kb/articles/layers/","title":"The layers of the face",' +
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
    const odd = s.prepare({ format: 1, articles: [article('/a/', 'A', '', [0, 5])],
                            headings: [['Risks', 'risks']], words: [], postings: [] });
    assert.deepEqual(odd.articles[0].headings, [['Risks', 'risks']]);
    assert.deepEqual(s.search(odd, 'risk').map(r => r.url), ['/a/#risks']);
});

test('another format is refused', () => {
    assert.throws(() => s.prepare({ format: 2, articles: [] }), /format 1/);
    assert.throws(() => s.prepare(null), /format 1/);
});

test('snippets and the page strings', () => {
    assert.equal(s.snippet('Short.', 180), 'Short.');
    assert.equal(s.snippet('one two three four five six', 14), 'one two three…');
    assert.equal(s.snippet('  a\n  b  ', 10), 'a b');
    assert.equal(s.fill('{2} results for “{1}”', 'lift', '3'), '3 results for “lift”');
    assert.equal(s.fill('“{1}” 검색 결과 {2}건', '리프팅', '1'), '“리프팅” 검색 결과 1건');
});
