/*
 * search.js: search as you type on /search/ (templates/search.xsl).
 *
 * Loaded with <script src defer> on the search page only; nothing else runs script, and
 * the page works without it (its form is a plain GET form and it lists every article).
 * It reads ?q=, fetches the index the form names in data-index (search-index.json, from
 * this site: the page's Content-Security-Policy allows nothing else) the first time it
 * is needed, and lists the matches as the reader types, with their number in the polite
 * live region #search-status. The words it shows come from the page (data-* attributes of
 * the form, from strings.xml in the page's language); the results are built as DOM nodes
 * with textContent, never as HTML.
 *
 * Matching (the index's rules are in generator/searchindex.h): text is normalised (NFKC,
 * lower case) and cut into words (runs of letters, marks and digits), and compared in
 * canonical decomposition (NFD), so that a Korean syllable still being typed ("리프ㅌ")
 * matches the word it begins ("리프팅"). A query word matches a word of the text that it
 * begins ("lift" finds "lifting"); a Korean query word also matches inside a word, since
 * Korean writes particles onto nouns ("리프팅" finds "실리프팅은"). Every query word must
 * match somewhere. Besides (issue 19): a query word of five letters or more (not Korean,
 * not digits) also matches a word it is one edit from the beginning of (two edits from
 * nine letters: nearStart), and such a result ranks below every exact one; a run of query
 * words that is a glossary entry's term or alias may match as any other of its names
 * (Korean ones also without their spaces: plan); a query word of two or more Korean
 * initial consonants ("ㅅㄹㅍㅌ") matches the words whose syllables' initials hold them.
 *
 * Snippets: the summary when it has a matched word, else the first sentence of the
 * article's excerpt (the index's "text") that has one, else the summary; the matched words
 * are marked with <mark>, the snippet starting near the first when it is far in. An article
 * found by a word of its body that neither its summary nor its excerpt has (needsPage) gets
 * its snippet from its own page once the results are shown: the script fetches the page (same origin, as the
 * Content-Security-Policy's default-src 'self' allows), parses it with DOMParser without
 * putting any of it into the search page, reads the prose of its div.article-body (not its
 * headings, drawings, comparison tables, citation numbers, the glossary's buttons, the
 * clinic's telephone lines; the disclaimer, popovers and sources are outside it), and shows
 * the first sentence (Intl.Segmenter in the page's language, else cut after . ? !) that
 * has a matched word, marked the same way. Only for results shown (the first page, those
 * "Show more" adds, the other languages' section), starting when the browser is next idle
 * (requestIdleCallback) so that the results are on screen first and the answer to the
 * query never waits for a page; two pages at a time, each page fetched and read once per
 * visit; a query typed meanwhile drops what was still to come and gets no stale snippet,
 * and a page that fails to load leaves the snippet as it was.
 *
 * Ranking: an article ranks by the weakest place where one of the query's words matches
 * at best: all of them in the title first, then in the title or a heading (the result then
 * links to that heading), then glossary terms whose name or other names match, then
 * articles that match in their summary or body, then glossary terms that match in their
 * definition. Within a rank, whole words before beginnings before matches inside a word,
 * then the shorter title or term where that is what matched (the more specific), then
 * articles before terms, then newest first (the index's order).
 *
 * Other languages: the form's data-other-indexes names the other languages' indexes
 * ("en=/en/search-index.json", pairs separated by spaces). Once a query has been typed
 * and the page's own index has answered, the script loads them too, and lists their
 * matches apart, below the page's own, in #search-other ("In other languages"): each
 * language's results ranked as above, the languages in the order the page names them,
 * each result with its own lang (and hreflang on its link). Nothing of theirs is mixed
 * into or ranked above the page's own results; the section stays hidden when they match
 * nothing, and an index that fails to load is passed over without a word.
 *
 * The functions that do not touch the page are exported for Node
 * (tests/search/test_search.mjs): `node --test tests/search/`.
 */
(function (factory) {
    'use strict';
    var api = factory();
    if (typeof module === 'object' && module.exports) {
        module.exports = api;
    } else if (typeof document !== 'undefined') {
        api.start(document, window);
    }
})(function () {
    'use strict';

    /* The index format this script reads (SEARCHINDEX_FORMAT). */
    var FORMAT = 2;
    /* How many results are shown at first, and added by "Show more results". */
    var PAGE = 20;
    /* How long the reader may pause between keys before the results change (ms). */
    var DELAY = 120;
    /* How long a snippet may be (characters). */
    var SNIPPET = 180;
    /* How many article pages may be loaded at once for snippets (needsPage()). */
    var PAGE_LOADS = 2;
    /* Typo tolerance: a query word of FUZZY_1 letters or more may be 1 edit away from a
     * word of the text, of FUZZY_2 or more 2 edits. */
    var FUZZY_1 = 5, FUZZY_2 = 9;

    var WORD = /[\p{L}\p{M}\p{N}]+/gu;
    var LETTERS = /^\p{L}[\p{L}\p{M}]*$/u;
    var HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;
    /* Initial consonants only (as NFKC makes compatibility jamo, ㅅ U+3145 → ᄉ U+1109). */
    var INITIALS = /^[\u1100-\u1112]{2,}$/;

    /* Rank of where a query matched (lower first). */
    var TITLE = 0, HEADING = 1, TERM = 2, BODY = 3, DEFINITION = 4;
    /* How well a query word matches a word: the same, its beginning, inside it, a typo. */
    var WHOLE = 4, START = 3, INSIDE = 2, TYPO = 1;

    /* Steps 1 and 2 of searchindex.h: NFKC, lower case. */
    function fold(text) {
        return String(text).normalize('NFKC').toLowerCase();
    }

    /* The words of text, as the index cuts them (step 3). */
    function words(text) {
        return fold(text).match(WORD) || [];
    }

    /* The form words are compared in: canonical decomposition. */
    function key(word) {
        return word.normalize('NFD');
    }

    function keys(text) {
        return words(text).map(key);
    }

    function isHangul(text) {
        return HANGUL.test(text);
    }

    /*
     * A final consonant that the next syllable may yet take as its initial, while the reader
     * types: "실" on the way to "실리" is 시 + ㄹ. As initials, and a double final as the
     * final it keeps and the initial it gives (Unicode Hangul Jamo, U+1100 and U+11A8 on).
     */
    var FINAL_AS_INITIAL = {
        '\u11a8': '\u1100', '\u11a9': '\u1101', '\u11ab': '\u1102', '\u11ae': '\u1103',
        '\u11af': '\u1105', '\u11b7': '\u1106', '\u11b8': '\u1107', '\u11ba': '\u1109',
        '\u11bb': '\u110a', '\u11bc': '\u110b', '\u11bd': '\u110c', '\u11be': '\u110e',
        '\u11bf': '\u110f', '\u11c0': '\u1110', '\u11c1': '\u1111', '\u11c2': '\u1112',
        '\u11aa': '\u11a8\u1109', '\u11ac': '\u11ab\u110c', '\u11ad': '\u11ab\u1112',
        '\u11b0': '\u11af\u1100', '\u11b1': '\u11af\u1106', '\u11b2': '\u11af\u1107',
        '\u11b3': '\u11af\u1109', '\u11b4': '\u11af\u1110', '\u11b5': '\u11af\u1111',
        '\u11b6': '\u11af\u1112', '\u11b9': '\u11b8\u1109'
    };

    /* The other reading of a query word (NFD) whose last syllable is being typed, or null. */
    function alternative(word) {
        var last = word.charAt(word.length - 1);
        return FINAL_AS_INITIAL.hasOwnProperty(last)
            ? word.slice(0, -1) + FINAL_AS_INITIAL[last] : null;
    }

    /*
     * The initial consonants of a word (NFD) in order, as conjoining jamo: "실리프팅은" gives
     * ᄉᄅᄑᄐᄋ. Its other letters are left out.
     */
    function initials(word) {
        var out = '';
        for (var i = 0; i < word.length; i++) {
            var c = word.charCodeAt(i);
            if (c >= 0x1100 && c <= 0x1112)
                out += word.charAt(i);
        }
        return out;
    }

    /* A query word: its NFD text, whether it is Korean, made of initial consonants only
     * (초성), how many typos it may have, and the reading of a syllable still being typed. */
    function makeTerm(w, typos) {
        var hangul = isHangul(w), letters = Array.from(w.normalize('NFC')).length;
        return {text: w, hangul: hangul, alt: null, initials: INITIALS.test(w),
                typos: typos && !hangul && LETTERS.test(w)
                    ? (letters >= FUZZY_2 ? 2 : letters >= FUZZY_1 ? 1 : 0) : 0};
    }

    /*
     * The query's distinct words, each {text, hangul, initials, typos, alt}: its NFD form,
     * whether it is Korean (then it matches inside words too), whether it is initial
     * consonants only ("ㅅㄹㅍㅌ"), the edits a typo may make, and for the last one, the
     * reading of a syllable still being typed.
     */
    function parseQuery(query) {
        var seen = Object.create(null), terms = [];
        keys(query).forEach(function (w) {
            if (!seen[w]) {
                seen[w] = true;
                terms.push(makeTerm(w, true));
            }
        });
        var last = terms[terms.length - 1];
        if (last && last.hangul && !last.initials)
            last.alt = alternative(last.text);
        return terms;
    }

    /*
     * Whether the query word q is at most max edits (insertions, deletions, substitutions,
     * swaps of two neighbours: optimal string alignment) from the beginning of w, some
     * prefix of it ("dimpeling" is one from "dimpling" and so from "dimplings").
     */
    function nearStart(q, w, max) {
        var n = q.length, m = Math.min(w.length, n + max);
        if (m < n - max)
            return false;
        var prev2 = null, prev = new Array(m + 1), row;
        for (var j = 0; j <= m; j++)
            prev[j] = j;
        for (var i = 1; i <= n; i++) {
            row = new Array(m + 1);
            row[0] = i;
            var low = i;
            for (j = 1; j <= m; j++) {
                var cost = q.charCodeAt(i - 1) === w.charCodeAt(j - 1) ? 0 : 1;
                var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
                if (prev2 && i > 1 && j > 1 && q.charCodeAt(i - 1) === w.charCodeAt(j - 2) &&
                    q.charCodeAt(i - 2) === w.charCodeAt(j - 1))
                    d = Math.min(d, prev2[j - 2] + 1);
                row[j] = d;
                if (d < low)
                    low = d;
            }
            if (low > max)
                return false;
            prev2 = prev;
            prev = row;
        }
        for (j = Math.max(0, n - max); j <= m; j++)
            if (prev[j] <= max)
                return true;
        return false;
    }

    /* How well s matches the word w: WHOLE, START, INSIDE (when inside is true) or 0. */
    function quality(s, w, inside) {
        if (w === s)
            return WHOLE;
        if (w.startsWith(s))
            return START;
        return inside && w.indexOf(s) >= 0 ? INSIDE : 0;
    }

    /* How well the query word term matches the word w (NFD): as quality(), or TYPO. */
    function matchWord(term, w) {
        if (term.initials) {
            var q0 = quality(term.text, w, true);
            return q0 || quality(term.text, initials(w), true);
        }
        var q = quality(term.text, w, term.hangul);
        if (!q && term.alt)
            q = Math.min(START, quality(term.alt, w, true));
        if (!q && term.typos && nearStart(term.text, w, term.typos))
            q = TYPO;
        return q;
    }

    /*
     * The articles a postings string holds (searchindex.c, S_encode_postings): gaps in base
     * 36 separated by spaces, or "#" and a bit set in hex, bit k of byte j for article 8j+k.
     */
    function decodePostings(s, n) {
        var out = [];
        if (s.charAt(0) === '#') {
            var bytes = (s.length - 1) >> 1;
            for (var j = 0; j < bytes; j++) {
                var byte = parseInt(s.substr(1 + 2 * j, 2), 16);
                for (var k = 0; k < 8; k++)
                    if (byte & (1 << k) && 8 * j + k < n)
                        out.push(8 * j + k);
            }
        } else if (s) {
            var at = 0;
            s.split(' ').forEach(function (gap, i) {
                at = i ? at + parseInt(gap, 36) : parseInt(gap, 36);
                if (at < n)
                    out.push(at);
            });
        }
        return out;
    }

    /*
     * The words of titles, summaries, headings and glossary entries, each once: a word's
     * number in it stands for the word, so that a query word is compared with each word
     * once per search, not once per article. A word is put in canonical decomposition once,
     * the first time it is met (raw: its number by its folded form).
     */
    function Lexicon() {
        this.list = [];
        this.ids = new Map();
        this.raw = new Map();
    }
    Lexicon.prototype.id = function (w) {
        var id = this.raw.get(w);
        if (id === undefined) {
            var k = key(w);
            id = this.ids.get(k);
            if (id === undefined) {
                id = this.list.length;
                this.ids.set(k, id);
                this.list.push(k);
            }
            this.raw.set(w, id);
        }
        return id;
    };
    Lexicon.prototype.of = function (text) {
        var ws = words(text), out = new Int32Array(ws.length);
        for (var i = 0; i < ws.length; i++)
            out[i] = this.id(ws[i]);
        return out;
    };

    /*
     * One place (the titles, say) of every document, by word: lists[i] the word numbers of
     * document i, size the lexicon's; the documents of word k are docs[at[k]] up to
     * docs[at[k + 1]] (a document as often as it has the word), n the number of documents.
     * A search then reads the documents of the few words a query word matches only.
     */
    function invert(lists, size) {
        var at = new Int32Array(size + 1), i, j;
        for (i = 0; i < lists.length; i++)
            for (j = 0; j < lists[i].length; j++)
                at[lists[i][j] + 1]++;
        for (j = 0; j < size; j++)
            at[j + 1] += at[j];
        var next = at.slice(0, size), docs = new Int32Array(at[size]);
        for (i = 0; i < lists.length; i++)
            for (j = 0; j < lists[i].length; j++)
                docs[next[lists[i][j]]++] = i;
        return {n: lists.length, at: at, docs: docs};
    }

    /* All of lists (Int32Arrays) as one. */
    function joined(lists) {
        var size = 0, i;
        for (i = 0; i < lists.length; i++)
            size += lists[i].length;
        var out = new Int32Array(size);
        for (i = 0, size = 0; i < lists.length; i++) {
            out.set(lists[i], size);
            size += lists[i].length;
        }
        return out;
    }

    /* The parsed search-index.json made ready for search; throws on another format. */
    function prepare(data) {
        if (!data || data.format !== FORMAT || !Array.isArray(data.articles))
            throw new Error('search-index.json: not an index of format ' + FORMAT);
        var list = data.headings || [];
        var lex = new Lexicon(), headingWords = [];
        var articles = data.articles.map(function (a, i) {
            /* Headings are listed once in the index, and numbered: their words are read
             * once too. */
            var numbers = (a.headings || []).filter(function (h) {
                return Array.isArray(list[h]);
            });
            var ws = numbers.map(function (h) {
                return headingWords[h] || (headingWords[h] = lex.of(list[h][0]));
            });
            return {
                i: i, url: a.url, title: a.title, summary: a.summary || '', lang: a.lang || '',
                headings: numbers.map(function (h) { return list[h]; }),
                text: Array.isArray(a.text) ? a.text : [],
                titleWords: lex.of(a.title),
                summaryWords: lex.of(a.summary || ''),
                headingWords: ws
            };
        });
        /* Each glossary entry's names (the term and its aliases), a group of synonyms. */
        var synonyms = new Map();
        var terms = (data.terms || []).map(function (t, i) {
            var aliases = t.aliases || [];
            var names = [t.term].concat(aliases).map(keys).filter(function (ws) {
                return ws.length;
            });
            names.forEach(function (ws) {
                [ws.join(' '), compact(ws)].forEach(function (k) {
                    if (k !== null && !(synonyms.get(k) || []).includes(i))
                        synonyms.set(k, (synonyms.get(k) || []).concat([i]));
                });
            });
            return {
                i: i, url: t.url, term: t.term, aliases: aliases, names: names,
                definition: t.definition || '',
                termWords: lex.of(t.term),
                nameWords: lex.of([t.term].concat(aliases).join(' ')),
                definitionWords: lex.of(t.definition || '')
            };
        });
        /* A postings entry that is a number is that earlier word's. */
        var postings = (data.postings || []).map(function (p, k, all) {
            return typeof p === 'number' && p >= 0 && p < k && typeof all[p] === 'string'
                ? all[p] : typeof p === 'string' ? p : '';
        });
        var size = lex.list.length;
        return {
            n: articles.length, articles: articles, terms: terms, lexicon: lex.list,
            synonyms: synonyms, vocab: (data.words || []).map(key), postings: postings,
            decoded: [],
            places: {
                title: invert(articles.map(function (a) { return a.titleWords; }), size),
                headings: invert(articles.map(function (a) { return joined(a.headingWords); }),
                                 size),
                summary: invert(articles.map(function (a) { return a.summaryWords; }), size),
                names: invert(terms.map(function (x) { return x.nameWords; }), size),
                definition: invert(terms.map(function (x) { return x.definitionWords; }), size)
            }
        };
    }

    /* Korean words written together (실 리프팅 → 실리프팅), or null for other words. */
    function compact(ws) {
        return ws.length > 1 && ws.every(isHangul) ? ws.join('') : null;
    }

    /*
     * The query as clauses, each a list of readings, each a list of query words: every
     * clause must match, by any of its readings, every word of that reading. A run of query
     * words that is one of a glossary entry's names (its term or an alias, Korean ones with
     * or without their spaces) gets the entry's other names as readings: "hematoma" finds
     * "haematoma", "실 리프팅" finds "실리프팅" and back.
     */
    function plan(ix, terms) {
        var clauses = [];
        for (var i = 0; i < terms.length;) {
            var found = null, len = 0;
            for (len = terms.length - i; len >= 1 && !found; len--) {
                var run = terms.slice(i, i + len).map(function (t) { return t.text; });
                found = ix.synonyms.get(run.join(' ')) ||
                        (compact(run) !== null ? ix.synonyms.get(compact(run)) : null);
            }
            len++;
            var readings = [terms.slice(i, i + len)], seen = new Set([readings[0].map(function (t) {
                return t.text;
            }).join(' ')]);
            (found || []).forEach(function (g) {
                ix.terms[g].names.forEach(function (ws) {
                    [ws, compact(ws) !== null ? [compact(ws)] : null].forEach(function (r) {
                        if (r && !seen.has(r.join(' '))) {
                            seen.add(r.join(' '));
                            readings.push(r.map(function (w) { return makeTerm(w, false); }));
                        }
                    });
                });
            });
            clauses.push(readings);
            i += len;
        }
        return clauses;
    }

    /* The words of every reading of every clause, each once. */
    function wordsOf(clauses) {
        var out = [];
        clauses.forEach(function (c) {
            c.forEach(function (r) {
                r.forEach(function (t) {
                    if (out.indexOf(t) < 0)
                        out.push(t);
                });
            });
        });
        return out;
    }

    /* How well term matches each word of the lexicon: {q: by word number, hits: the
     * numbers of the words it matches}. */
    function lexiconMatches(ix, term) {
        var q = new Uint8Array(ix.lexicon.length), hits = [];
        for (var k = 0; k < ix.lexicon.length; k++)
            if ((q[k] = matchWord(term, ix.lexicon[k])))
                hits.push(k);
        return {q: q, hits: hits};
    }

    /* For each article, the best match of term in its body (through the vocabulary). */
    function bodyMatches(ix, term) {
        var best = new Uint8Array(ix.n);
        for (var k = 0; k < ix.vocab.length; k++) {
            var q = matchWord(term, ix.vocab[k]);
            if (!q)
                continue;
            var ids = ix.decoded[k] || (ix.decoded[k] = decodePostings(ix.postings[k] || '', ix.n));
            for (var m = 0; m < ids.length; m++)
                if (best[ids[m]] < q)
                    best[ids[m]] = q;
        }
        return best;
    }

    /* The best of the qualities q (by word number) of the words ws. */
    function bestOf(q, ws) {
        var best = 0;
        for (var i = 0; i < ws.length; i++)
            if (q[ws[i]] > best)
                best = q[ws[i]];
        return best;
    }

    /*
     * Where and how well a reading matches document i: tables maps each query word to its
     * quality in each place (Uint8Arrays by document, one per place from the best rank
     * down, ranks[p] the rank of place p). A word takes the first place where it matches
     * without a typo, else the first with one; the reading its weakest place and word.
     * {where, q} or null.
     */
    function readingMatch(reading, tables, ranks, i) {
        var code = readingCode(reading.map(function (t) { return tables.get(t); }), ranks, i);
        return code < 0 ? null : {where: code >> 3, q: 7 - (code & 7)};
    }

    /* The best reading of each clause in document i, or null when one does not match. */
    function clausesMatch(clauses, tables, ranks, i) {
        var out = [];
        for (var c = 0; c < clauses.length; c++) {
            var best = null;
            for (var r = 0; r < clauses[c].length; r++) {
                var m = readingMatch(clauses[c][r], tables, ranks, i);
                if (m && (!best || m.where < best.where || (m.where === best.where && m.q > best.q))) {
                    best = m;
                    best.reading = clauses[c][r];
                }
            }
            if (!best)
                return null;
            out.push(best);
        }
        return out;
    }

    /*
     * For each document of a place (as invert() gives it), the best quality of q (by
     * lexicon number) of its words, hits the numbers of the words q has; in out when given,
     * where a better one already there is kept.
     */
    function tableOf(place, q, hits, out) {
        var at = place.at, docs = place.docs;
        out = out || new Uint8Array(place.n);
        for (var h = 0; h < hits.length; h++) {
            var v = q[hits[h]];
            for (var j = at[hits[h]], end = at[hits[h] + 1]; j < end; j++)
                if (out[docs[j]] < v)
                    out[docs[j]] = v;
        }
        return out;
    }

    /*
     * readingMatch() as one number, for the loop over every document: a reading's words'
     * places (one list of tables per word, as tables maps them) in document i give
     * rank * 8 + 7 - quality, lower the better, or -1 when a word does not match.
     */
    function readingCode(words, ranks, i) {
        var where = 0, q = WHOLE;
        for (var t = 0; t < words.length; t++) {
            var places = words[t], at = -1, got = 0;
            for (var p = 0; p < places.length; p++) {
                var x = places[p][i];
                if (x > TYPO) {
                    at = p;
                    got = x;
                    break;
                }
                if (x && at < 0) {
                    at = p;
                    got = x;
                }
            }
            if (at < 0)
                return -1;
            if (ranks[at] > where)
                where = ranks[at];
            if (got < q)
                q = got;
        }
        return where * 8 + 7 - q;
    }

    /*
     * Results sort by one number each (search()): typo, rank, score (higher first), size,
     * articles before terms, order; each field below its bound, and the number below 2^53.
     */
    var ORDER = 268435456; /* 2^28: documents of one kind */
    function sortKey(typo, rank, score, size, term, order) {
        return (((((typo ? 8 : 0) + rank) * 256 + 255 - Math.min(score, 255)) * 4096 +
                 Math.min(size, 4095)) * 2 + term) * ORDER + order;
    }

    /*
     * The documents (count of them) that match every clause (each a list of readings, each
     * a list of query words' places: tables), and how: rank, score and typo by document
     * number (rank 255: no match). ranks as readingMatch().
     */
    function matchAll(clauses, tables, ranks, count) {
        var rank = new Uint8Array(count).fill(255), score = new Uint16Array(count);
        var typo = new Uint8Array(count), found = [];
        var places = clauses.map(function (c) {
            return c.map(function (r) {
                return r.map(function (t) { return tables.get(t); });
            });
        });
        for (var i = 0; i < count; i++) {
            var worst = ranks[0], sum = 0, typos = 0, c;
            for (c = 0; c < places.length; c++) {
                var best = -1;
                for (var r = 0; r < places[c].length; r++) {
                    var code = readingCode(places[c][r], ranks, i);
                    if (code >= 0 && (best < 0 || code < best))
                        best = code;
                }
                if (best < 0)
                    break;
                var where = best >> 3, q = 7 - (best & 7);
                if (where > worst)
                    worst = where;
                sum += q;
                typos |= q === TYPO;
            }
            if (c < places.length)
                continue;
            rank[i] = worst;
            score[i] = sum;
            typo[i] = typos;
            found.push(i);
        }
        return {rank: rank, score: score, typo: typo, found: found};
    }

    /*
     * A property of Result worked out when first read (get(result)), for the few results
     * shown; it may be set like any other.
     */
    function lazy(proto, name, get) {
        function own(obj, value) {
            Object.defineProperty(obj, name, {value: value, writable: true, enumerable: true,
                                              configurable: true});
            return value;
        }
        Object.defineProperty(proto, name, {
            configurable: true, enumerable: true,
            get: function () { return own(this, get(this)); },
            set: function (value) { own(this, value); }
        });
    }

    /* An article's result (see search()); m: its search's matches (a search's context). */
    function Result(m, a) {
        this.kind = 'article';
        this.rank = m.rank[a.i];
        this.score = m.score[a.i];
        this.typo = m.typo[a.i] === 1;
        this.order = a.i;
        this.size = this.rank === TITLE ? a.titleWords.length : 0;
        this.title = a.title;
        this.lang = a.lang;
        this.hit = m.hit;
        this.article = a;
        this.matches = m;
    }
    /* The summary, or else the sentence of the body that has what matched. */
    lazy(Result.prototype, 'text', function (r) {
        var a = r.article;
        return keys(a.summary).some(r.hit) ? a.summary : firstWithHit(a.text, r.hit) || a.summary;
    });
    /* When the article ranks by a heading, the heading that matches most of the words not
     * in the title ([text, id]), else null. */
    lazy(Result.prototype, 'section', function (r) {
        if (r.rank !== HEADING)
            return null;
        var m = r.matches, a = r.article, inHeading = [];
        clausesMatch(m.clauses, m.tables, [TITLE, HEADING, BODY], a.i).forEach(function (c) {
            if (c.where === HEADING)
                inHeading = inHeading.concat(c.reading);
        });
        var best = -1, bestCount = 0;
        a.headingWords.forEach(function (ws, h) {
            var count = 0;
            inHeading.forEach(function (t) { count += bestOf(m.lexq.get(t), ws) > 0; });
            if (count > bestCount) {
                best = h;
                bestCount = count;
            }
        });
        return best >= 0 ? a.headings[best] : null;
    });
    lazy(Result.prototype, 'heading', function (r) {
        return r.section ? r.section[0] : '';
    });
    lazy(Result.prototype, 'url', function (r) {
        return r.section ? r.article.url + '#' + r.section[1] : r.article.url;
    });

    /* A function telling whether a word (NFD) is one the query matches (for <mark>). */
    function matcher(all) {
        return function (w) {
            return all.some(function (t) { return matchWord(t, w) > 0; });
        };
    }

    /* The first of texts (in order) that has a word the query matches, or ''. */
    function firstWithHit(texts, hit) {
        for (var i = 0; i < texts.length; i++)
            if (keys(texts[i]).some(hit))
                return texts[i];
        return '';
    }

    /* ---- snippets from the article's page (for a word found only deep in its body) ---- */

    /*
     * Whether a result's snippet should come from its article's page: an article that
     * matched in its body (rank BODY) and whose snippet, as the index gives it (the summary
     * or a sentence of the excerpt), has no matched word.
     */
    function needsPage(r) {
        return r.kind === 'article' && r.rank === BODY && !!r.article &&
            !keys(r.text).some(r.hit);
    }

    /* Phrasing elements, whose text runs on with their neighbours' (searchindex.c's). */
    var INLINE = new RegExp('^(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|' +
                            'samp|small|span|strong|sub|sup|time|u|var)$');
    /* What of an article's body is not its prose: what the index leaves out (searchindex.c,
     * S_left_out: headings, drawings, comparison tables, consent notices, heading anchors,
     * citation numbers), the glossary's buttons (hidden copies of the term beside its
     * link) and anything hidden, and the telephone lines of a care card. */
    var NOT_PROSE_TAGS = /^(h[1-6]|img|script|style|template|svg|button|noscript)$/;
    var NOT_PROSE_CLASSES = ['comparison-wrap', 'consent-notice', 'heading-anchor', 'citation',
                             'care-contact'];

    function isProse(el) {
        if (NOT_PROSE_TAGS.test(String(el.localName).toLowerCase()) ||
            el.getAttribute('hidden') !== null)
            return false;
        var cls = ' ' + String(el.getAttribute('class') || '').replace(/\s+/g, ' ') + ' ';
        return !NOT_PROSE_CLASSES.some(function (c) { return cls.indexOf(' ' + c + ' ') >= 0; });
    }

    /*
     * The prose of an article's body (the page's div.article-body, a DOM element) as a list
     * of blocks (paragraphs, list items, cells, captions), each a string with its white
     * space collapsed: as the index reads the body, sentences never run from one block into
     * the next.
     */
    function bodyBlocks(root) {
        var blocks = [], at = '';
        function end() {
            var t = at.replace(/\s+/g, ' ').trim();
            if (t)
                blocks.push(t);
            at = '';
        }
        (function walk(node) {
            for (var n = node.firstChild; n; n = n.nextSibling) {
                if (n.nodeType === 3 || n.nodeType === 4) {
                    at += n.nodeValue;
                } else if (n.nodeType === 1 && isProse(n)) {
                    var inline = INLINE.test(String(n.localName).toLowerCase());
                    if (!inline)
                        end();
                    walk(n);
                    if (!inline)
                        end();
                }
            }
        })(root);
        end();
        return blocks;
    }

    /* A sentence segmenter for each language asked for (null where there is none). */
    var segmenters = new Map();
    function segmenter(lang) {
        if (!segmenters.has(lang)) {
            var seg = null;
            if (typeof Intl === 'object' && typeof Intl.Segmenter === 'function') {
                try {
                    seg = new Intl.Segmenter(lang || undefined, {granularity: 'sentence'});
                } catch (e) { /* not a language tag: the default language's rules */
                    seg = new Intl.Segmenter(undefined, {granularity: 'sentence'});
                }
            }
            segmenters.set(lang, seg);
        }
        return segmenters.get(lang);
    }

    /*
     * The sentences of text (one block), trimmed: Intl.Segmenter's in the language lang
     * where the browser has it, else cut after '.', '?', '!' or '。' (and closing quotes or
     * brackets) followed by white space, as the index cuts them. useSegmenter false: the
     * latter always.
     */
    function sentences(text, lang, useSegmenter) {
        var out = [], seg = useSegmenter === false ? null : segmenter(lang || '');
        if (seg) {
            for (var s of seg.segment(text)) {
                var t = s.segment.trim();
                if (t)
                    out.push(t);
            }
            return out;
        }
        var re = /[.?!\u3002]+["'\u2019\u201d)\]]*\s+/g, from = 0, m;
        while ((m = re.exec(text)) !== null) {
            var part = text.slice(from, m.index + m[0].length).trim();
            if (part)
                out.push(part);
            from = m.index + m[0].length;
        }
        if (text.slice(from).trim())
            out.push(text.slice(from).trim());
        return out;
    }

    /*
     * The first sentence of blocks (bodyBlocks()) that has a word hit (a result's matcher)
     * is true of, in the language lang, or ''.
     */
    function sentenceWithHit(blocks, hit, lang, useSegmenter) {
        for (var i = 0; i < blocks.length; i++) {
            if (!keys(blocks[i]).some(hit))
                continue;
            var found = firstWithHit(sentences(blocks[i], lang, useSegmenter), hit);
            if (found)
                return found;
        }
        return '';
    }

    /*
     * The results for query, best first: {kind: 'article' | 'term', rank (TITLE ... as
     * above), score, typo (whether a word matched only with a typo), url, title, text (the
     * snippet's source: the summary, or the sentence of the body that matched, or the
     * definition), heading (the heading's text when the result links to one), lang, hit
     * (whether a word of the text is one the query matched)}.
     */
    function search(ix, query) {
        var clauses = plan(ix, parseQuery(query));
        if (!clauses.length)
            return [];
        var all = wordsOf(clauses), places = ix.places;
        var lexq = new Map(), articleTables = new Map(), termTables = new Map();
        /* A word that several readings have is looked up once (same). */
        var same = new Map();
        all.forEach(function (t) {
            var id = [t.text, t.typos, t.alt, t.initials].join(' '), got = same.get(id);
            if (!got) {
                var m = lexiconMatches(ix, t), q = m.q, hits = m.hits;
                same.set(id, got = {
                    q: q,
                    articles: [tableOf(places.title, q, hits), tableOf(places.headings, q, hits),
                               tableOf(places.summary, q, hits, bodyMatches(ix, t))],
                    terms: [tableOf(places.names, q, hits), tableOf(places.definition, q, hits)]
                });
            }
            lexq.set(t, got.q);
            articleTables.set(t, got.articles);
            termTables.set(t, got.terms);
        });
        var am = matchAll(clauses, articleTables, [TITLE, HEADING, BODY], ix.n);
        var tm = matchAll(clauses, termTables, [TERM, DEFINITION], ix.terms.length);
        am.hit = matcher(all);
        am.clauses = clauses;
        am.tables = articleTables;
        am.lexq = lexq;
        /* Sorted by one number each (sortKey), then made results in that order. */
        var order = new Float64Array(am.found.length + tm.found.length), n = 0;
        am.found.forEach(function (i) {
            order[n++] = sortKey(am.typo[i], am.rank[i], am.score[i],
                                 am.rank[i] === TITLE ? ix.articles[i].titleWords.length : 0,
                                 0, i);
        });
        tm.found.forEach(function (i) {
            order[n++] = sortKey(tm.typo[i], tm.rank[i], tm.score[i],
                                 tm.rank[i] === TERM ? ix.terms[i].termWords.length : 0, 1, i);
        });
        order.sort();
        var results = new Array(n);
        for (var k = 0; k < n; k++) {
            var i = order[k] % ORDER;
            if (Math.floor(order[k] / ORDER) % 2 === 0) {
                results[k] = new Result(am, ix.articles[i]);
            } else {
                var x = ix.terms[i], rank = tm.rank[i];
                results[k] = {kind: 'term', rank: rank, score: tm.score[i], typo: tm.typo[i] === 1,
                              order: i, size: rank === TERM ? x.termWords.length : 0,
                              url: x.url, title: x.term, text: x.definition, heading: '',
                              lang: '', hit: am.hit};
            }
        }
        return results;
    }

    /*
     * The other languages' indexes a form names (data-other-indexes): "code=url" pairs
     * separated by white space, as [{code, url}] in that order; a pair without a code or
     * a url, or a language named twice, is left out.
     */
    function parseOtherIndexes(attr) {
        var seen = Object.create(null), out = [];
        String(attr || '').split(/\s+/).forEach(function (pair) {
            var at = pair.indexOf('=');
            var code = at > 0 ? pair.slice(0, at) : '', url = at > 0 ? pair.slice(at + 1) : '';
            if (code && url && !seen[code.toLowerCase()]) {
                seen[code.toLowerCase()] = true;
                out.push({code: code, url: url});
            }
        });
        return out;
    }

    /*
     * The matches of query in the other languages' indexes, for the section below the
     * page's own results: others is [{code, ix}] (ix from prepare(), or null when it did not
     * load: left out), in the page's order. Each language's results are ranked by search()
     * and kept together, the languages in that order, at most max in all; each result has
     * lang (its own, else its index's code) and hreflang (its index's code). Empty when
     * nothing matches.
     */
    function otherResults(others, query, max) {
        var out = [];
        others.forEach(function (o) {
            if (!o.ix)
                return;
            search(o.ix, query).forEach(function (r) {
                r.lang = r.lang || o.code;
                r.hreflang = o.code;
                out.push(r);
            });
        });
        return out.slice(0, max);
    }

    /*
     * text shortened to at most max characters, at a space when there is one, with "…".
     * With hit (a function of a word's NFD form), when the first word it is true of would
     * be cut off, the snippet starts a few words before that word instead, with "…".
     */
    function snippet(text, max, hit) {
        text = String(text).replace(/\s+/g, ' ').trim();
        if (hit) {
            var m, re = new RegExp(WORD.source, 'gu'), first = -1;
            while (first < 0 && (m = re.exec(text)) !== null)
                if (keys(m[0]).some(hit))
                    first = m.index;
            if (first > max / 2 && text.length > max) {
                var from = text.lastIndexOf(' ', first - Math.floor(max / 4));
                text = '…' + text.slice(from < 0 ? first : from + 1);
            }
        }
        if (text.length <= max)
            return text;
        var cut = text.slice(0, max);
        var space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '') + '…';
    }

    /* A string of the page with its slots {1} and {2} filled. */
    function fill(template, arg1, arg2) {
        return String(template || '').split('{1}').join(arg1).split('{2}').join(arg2);
    }

    /* ---- the page ---- */

    /*
     * Append text to parent, the words that hit (a function of a word's NFD form) is true of
     * marked with <mark>; DOM nodes with text only, never HTML.
     */
    function appendMarked(doc, parent, text, hit) {
        var at = 0, m, re = new RegExp(WORD.source, 'gu'); /* its own lastIndex */
        while ((m = re.exec(text)) !== null) {
            if (!hit || !keys(m[0]).some(hit))
                continue;
            if (m.index > at)
                parent.appendChild(doc.createTextNode(text.slice(at, m.index)));
            var mark = doc.createElement('mark');
            mark.textContent = m[0];
            parent.appendChild(mark);
            at = m.index + m[0].length;
        }
        if (at < text.length)
            parent.appendChild(doc.createTextNode(text.slice(at)));
    }

    function start(doc, win) {
        var form = doc.getElementById('search-form');
        var input = doc.getElementById('search-q');
        var status = doc.getElementById('search-status');
        var list = doc.getElementById('search-results');
        var more = doc.getElementById('search-more');
        var all = doc.getElementById('search-all');
        var otherSection = doc.getElementById('search-other');
        var otherList = doc.getElementById('search-other-results');
        var hint = doc.getElementById('search-hint');
        if (!form || !input || !status || !list || !more || !win.fetch)
            return;
        /* The page's words for the script (search.xsl's data-* attributes). */
        function text(name) {
            return form.getAttribute('data-' + name) || '';
        }
        var pageLang = (doc.documentElement.getAttribute('lang') || '').toLowerCase();
        var ix = null, failed = false, loading = null;
        var results = [], shown = 0, terms = [], timer = 0, announced = null;
        if (hint)
            hint.hidden = false;
        var others = otherSection && otherList
            ? parseOtherIndexes(form.getAttribute('data-other-indexes')) : [];

        function fetchIndex(url) {
            return win.fetch(url, {credentials: 'same-origin'})
                .then(function (r) {
                    if (!r.ok)
                        throw new Error(r.status + ' ' + r.statusText);
                    return r.json();
                })
                .then(prepare);
        }

        function load() {
            if (!loading) {
                loading = fetchIndex(form.getAttribute('data-index'))
                    .then(function (prepared) { ix = prepared; })
                    .catch(function () { failed = true; });
            }
            return loading;
        }

        function say(message) {
            if (message !== announced) {
                status.textContent = message;
                announced = message;
            }
        }

        function item(r) {
            var li = doc.createElement('li');
            li.className = 'search-result search-result-' + r.kind;
            if (r.lang && r.lang.toLowerCase() !== pageLang)
                li.setAttribute('lang', r.lang);
            var a = doc.createElement('a');
            a.className = 'search-result-link';
            a.href = r.url;
            if (r.hreflang)
                a.setAttribute('hreflang', r.hreflang);
            appendMarked(doc, a, r.title, r.hit);
            li.appendChild(a);
            var meta = r.kind === 'term' ? text('term') : r.heading ? fill(text('in-section'), r.heading, '') : '';
            if (meta) {
                var p = doc.createElement('p');
                p.className = 'search-result-meta';
                appendMarked(doc, p, meta, r.kind === 'term' ? null : r.hit);
                li.appendChild(p);
            }
            var s = r.text ? writeSnippet(li, null, r) : null;
            if (needsPage(r))
                fromPage(r, li, s);
            return li;
        }

        /* Write r's snippet (from r.text) into s, a result's p made for it in li when null;
         * returns s. */
        function writeSnippet(li, s, r) {
            if (!s) {
                s = doc.createElement('p');
                s.className = 'search-result-snippet';
                li.appendChild(s);
            }
            s.textContent = '';
            appendMarked(doc, s, snippet(r.text, SNIPPET, r.hit), r.hit);
            return s;
        }

        /*
         * The snippets that come from the articles' pages (needsPage()). Each page is fetched
         * once (texts: its URL to a promise of its HTML, or of null when it failed) and read
         * once (prose: its URL to {lang, blocks}, or null without a body), and only while a
         * result that wants it is still listed for the query in the field (current(): run()
         * counts generations). The results are put on screen first: the loading starts when
         * the page is next idle, at most PAGE_LOADS at a time, in the order the results were
         * shown. A failure leaves the snippet be.
         */
        var texts = new Map(), prose = new Map(), waiting = [], loadingPages = 0;
        var generation = 0, pumping = false;

        function textOf(url) {
            if (!texts.has(url)) {
                texts.set(url, win.fetch(url, {credentials: 'same-origin'})
                    .then(function (r) {
                        if (!r.ok)
                            throw new Error(r.status + ' ' + r.statusText);
                        return r.text();
                    })
                    .catch(function () { return null; }));
            }
            return texts.get(url);
        }

        /* The page's prose, read once: parsed, never put into this page (its scripts do not
         * run, nothing it names is loaded). */
        function proseOf(url, html) {
            if (!prose.has(url)) {
                var got = null;
                try {
                    var page = html && new win.DOMParser().parseFromString(html, 'text/html');
                    var body = page && page.querySelector('.article-body');
                    got = body ? {lang: page.documentElement.getAttribute('lang') || '',
                                  blocks: bodyBlocks(body)} : null;
                } catch (e) { /* not a page: the snippet stays */ }
                prose.set(url, got);
            }
            return prose.get(url);
        }

        function current(job) {
            return job.generation === generation && input.value.trim() === job.query;
        }

        function idle(f) {
            if (win.requestIdleCallback)
                win.requestIdleCallback(f, {timeout: 500});
            else
                win.setTimeout(f, 0);
        }

        function fromPage(r, li, s) {
            if (!win.DOMParser)
                return;
            waiting.push({r: r, li: li, s: s, url: r.article.url.split('#')[0],
                          generation: generation, query: input.value.trim()});
            if (!pumping) {
                pumping = true;
                idle(function () {
                    pumping = false;
                    nextPages();
                });
            }
        }

        function nextPages() {
            while (loadingPages < PAGE_LOADS && waiting.length) {
                var job = waiting.shift();
                if (!current(job))
                    continue;
                loadingPages++;
                textOf(job.url).then(showFromPage.bind(null, job));
            }
        }

        function showFromPage(job, html) {
            loadingPages--;
            nextPages();
            var page = current(job) ? proseOf(job.url, html) : null;
            if (!page)
                return;
            var r = job.r;
            var found = sentenceWithHit(page.blocks, r.hit, page.lang || r.lang || pageLang);
            if (found) {
                r.text = found;
                writeSnippet(job.li, job.s, r);
            }
        }

        /* Show the next PAGE results; returns the first new link. */
        function showMore() {
            var first = null;
            results.slice(shown, shown + PAGE).forEach(function (r) {
                var li = item(r);
                first = first || li.firstChild;
                list.appendChild(li);
            });
            shown = Math.min(results.length, shown + PAGE);
            more.hidden = shown >= results.length;
            return first;
        }

        function setQueryInAddress(query) {
            if (!win.history || !win.history.replaceState)
                return;
            var url = new win.URL(win.location.href);
            if (query)
                url.searchParams.set('q', query);
            else
                url.searchParams.delete('q');
            win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
        }

        /* The other languages' indexes, each loaded once (a failure leaves its ix null). */
        function loadOthers() {
            return Promise.all(others.map(function (o) {
                if (!o.loading)
                    o.loading = fetchIndex(o.url)
                        .then(function (prepared) { o.ix = prepared; })
                        .catch(function () { o.ix = null; });
                return o.loading;
            }));
        }

        /* The section of the other languages' matches for query ('' hides it). */
        function showOthers(query) {
            if (!others.length)
                return;
            otherList.textContent = '';
            otherSection.hidden = true;
            if (!query)
                return;
            loadOthers().then(function () {
                if (input.value.trim() !== query)
                    return; /* the reader typed on: the next run shows its own */
                otherList.textContent = '';
                otherResults(others, query, PAGE).forEach(function (r) {
                    otherList.appendChild(item(r));
                });
                otherSection.hidden = !otherList.firstChild;
            });
        }

        function showAll(show) {
            if (all)
                all.hidden = !show;
        }

        function run() {
            var query = input.value.trim();
            generation++;
            waiting = [];
            setQueryInAddress(query);
            terms = parseQuery(query);
            list.textContent = '';
            results = [];
            shown = 0;
            more.hidden = true;
            list.hidden = true;
            if (!terms.length) {
                say('');
                showAll(true);
                showOthers('');
                return;
            }
            if (!ix) {
                if (failed) {
                    say(text('unavailable'));
                    showAll(true);
                    showOthers(query);
                    return;
                }
                say(text('loading'));
                showOthers('');
                load().then(run);
                return;
            }
            showOthers(query);
            results = search(ix, query);
            if (!results.length) {
                say(fill(text('no-results'), query, '0'));
                showAll(true);
                return;
            }
            showMore();
            list.hidden = false;
            showAll(false);
            say(results.length === 1 ? fill(text('results-1'), query, '1')
                                     : fill(text('results-n'), query, String(results.length)));
        }

        function later() {
            win.clearTimeout(timer);
            timer = win.setTimeout(run, DELAY);
        }

        function links() {
            return Array.prototype.slice.call(list.querySelectorAll('a.search-result-link'));
        }

        input.addEventListener('input', later);
        input.addEventListener('focus', load);
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            win.clearTimeout(timer);
            run();
        });
        input.addEventListener('keydown', function (e) {
            if (e.key === 'ArrowDown' && !list.hidden) {
                var first = links()[0];
                if (first) {
                    e.preventDefault();
                    first.focus();
                }
            } else if (e.key === 'Escape' && input.value) {
                e.preventDefault();
                input.value = '';
                win.clearTimeout(timer);
                run();
            }
        });
        /* Up and down move between the results; up from the first, or Escape, goes back to
         * the search field. */
        list.addEventListener('keydown', function (e) {
            var shownLinks = links(), at = shownLinks.indexOf(doc.activeElement);
            if (at < 0)
                return;
            if (e.key === 'ArrowDown' && at + 1 < shownLinks.length) {
                e.preventDefault();
                shownLinks[at + 1].focus();
            } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                (at > 0 ? shownLinks[at - 1] : input).focus();
            } else if (e.key === 'Escape') {
                e.preventDefault();
                input.focus();
            }
        });
        more.addEventListener('click', function () {
            var first = showMore();
            if (first)
                first.focus();
        });

        var initial = new win.URL(win.location.href).searchParams.get('q');
        if (initial) {
            input.value = initial;
            run();
        }
    }

    return {
        FORMAT: FORMAT,
        fold: fold,
        words: words,
        key: key,
        isHangul: isHangul,
        alternative: alternative,
        initials: initials,
        nearStart: nearStart,
        parseQuery: parseQuery,
        appendMarked: appendMarked,
        decodePostings: decodePostings,
        parseOtherIndexes: parseOtherIndexes,
        otherResults: otherResults,
        prepare: prepare,
        search: search,
        snippet: snippet,
        needsPage: needsPage,
        bodyBlocks: bodyBlocks,
        sentences: sentences,
        sentenceWithHit: sentenceWithHit,
        fill: fill,
        start: start
    };
});
