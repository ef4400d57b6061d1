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
 * match somewhere.
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
    var FORMAT = 1;
    /* How many results are shown at first, and added by "Show more results". */
    var PAGE = 20;
    /* How long the reader may pause between keys before the results change (ms). */
    var DELAY = 120;
    /* How long a snippet may be (characters). */
    var SNIPPET = 180;

    var WORD = /[\p{L}\p{M}\p{N}]+/gu;
    var HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;

    /* Rank of where a query matched (lower first). */
    var TITLE = 0, HEADING = 1, TERM = 2, BODY = 3, DEFINITION = 4;

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
     * The query's distinct words, each {text, hangul, alt}: its NFD form, whether it is
     * Korean (then it matches inside words too), and for the last one, the reading of a
     * syllable still being typed.
     */
    function parseQuery(query) {
        var seen = Object.create(null), terms = [];
        keys(query).forEach(function (w) {
            if (!seen[w]) {
                seen[w] = true;
                terms.push({text: w, hangul: isHangul(w), alt: null});
            }
        });
        var last = terms[terms.length - 1];
        if (last && last.hangul)
            last.alt = alternative(last.text);
        return terms;
    }

    /* How well s matches the word w: 3 the same, 2 its beginning, 1 inside it, 0 not. */
    function quality(s, w, inside) {
        if (w === s)
            return 3;
        if (w.startsWith(s))
            return 2;
        return inside && w.indexOf(s) >= 0 ? 1 : 0;
    }

    function matchWord(term, w) {
        var q = quality(term.text, w, term.hangul);
        if (!q && term.alt)
            q = Math.min(2, quality(term.alt, w, true));
        return q;
    }

    /* The best match of term among the words ws. */
    function bestIn(term, ws) {
        var best = 0;
        for (var i = 0; i < ws.length && best < 3; i++) {
            var q = matchWord(term, ws[i]);
            if (q > best)
                best = q;
        }
        return best;
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

    /* The parsed search-index.json made ready for search; throws on another format. */
    function prepare(data) {
        if (!data || data.format !== FORMAT || !Array.isArray(data.articles))
            throw new Error('search-index.json: not an index of format ' + FORMAT);
        var list = data.headings || [];
        var articles = data.articles.map(function (a, i) {
            /* Headings are listed once in the index, and numbered. */
            var headings = (a.headings || []).map(function (h) { return list[h]; })
                .filter(Array.isArray);
            return {
                i: i, url: a.url, title: a.title, summary: a.summary || '', lang: a.lang || '',
                headings: headings,
                titleWords: keys(a.title),
                summaryWords: keys(a.summary || ''),
                headingWords: headings.map(function (h) { return keys(h[0]); })
            };
        });
        var terms = (data.terms || []).map(function (t, i) {
            var aliases = t.aliases || [];
            return {
                i: i, url: t.url, term: t.term, aliases: aliases,
                definition: t.definition || '',
                nameWords: keys([t.term].concat(aliases).join(' ')),
                definitionWords: keys(t.definition || '')
            };
        });
        return {
            n: articles.length, articles: articles, terms: terms,
            vocab: (data.words || []).map(key), postings: data.postings || [],
            decoded: []
        };
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

    /*
     * The results for query, best first: {kind: 'article' | 'term', rank (TITLE ... as
     * above), score, url, title, text (summary or definition), heading (the heading's text
     * when the result links to one), lang}.
     */
    function search(ix, query) {
        var terms = parseQuery(query);
        if (!terms.length)
            return [];
        var body = terms.map(function (t) { return bodyMatches(ix, t); });
        var results = [];
        ix.articles.forEach(function (a) {
            var rank = TITLE, score = 0, inHeading = [];
            for (var t = 0; t < terms.length; t++) {
                var term = terms[t];
                var q = bestIn(term, a.titleWords), where = TITLE;
                if (!q) {
                    for (var h = 0; h < a.headingWords.length; h++)
                        q = Math.max(q, bestIn(term, a.headingWords[h]));
                    where = HEADING;
                }
                if (!q) {
                    q = Math.max(bestIn(term, a.summaryWords), body[t][a.i]);
                    where = BODY;
                }
                if (!q)
                    return;
                if (where === HEADING)
                    inHeading.push(term);
                rank = Math.max(rank, where);
                score += q;
            }
            var result = {kind: 'article', rank: rank, score: score, order: a.i,
                          size: rank === TITLE ? a.titleWords.length : 0, url: a.url,
                          title: a.title, text: a.summary, heading: '', lang: a.lang};
            if (rank === HEADING) {
                /* The heading that matches most of the words not in the title. */
                var best = -1, bestCount = 0;
                a.headingWords.forEach(function (ws, h) {
                    var count = 0;
                    inHeading.forEach(function (term) { count += bestIn(term, ws) > 0; });
                    if (count > bestCount) {
                        best = h;
                        bestCount = count;
                    }
                });
                if (best >= 0) {
                    result.heading = a.headings[best][0];
                    result.url = a.url + '#' + a.headings[best][1];
                }
            }
            results.push(result);
        });
        ix.terms.forEach(function (x) {
            var rank = TERM, score = 0;
            for (var t = 0; t < terms.length; t++) {
                var q = bestIn(terms[t], x.nameWords), where = TERM;
                if (!q) {
                    q = bestIn(terms[t], x.definitionWords);
                    where = DEFINITION;
                }
                if (!q)
                    return;
                rank = Math.max(rank, where);
                score += q;
            }
            results.push({kind: 'term', rank: rank, score: score, order: x.i,
                          size: rank === TERM ? keys(x.term).length : 0, url: x.url,
                          title: x.term, text: x.definition, heading: '', lang: ''});
        });
        results.sort(function (p, q) {
            return p.rank - q.rank || q.score - p.score || p.size - q.size ||
                (p.kind === q.kind ? 0 : p.kind === 'article' ? -1 : 1) || p.order - q.order;
        });
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

    /* text shortened to at most max characters, at a space when there is one, with "…". */
    function snippet(text, max) {
        text = String(text).replace(/\s+/g, ' ').trim();
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

    /* Append text to parent, its words that match the query marked with <mark>. */
    function appendMarked(doc, parent, text, terms) {
        var at = 0, m, re = new RegExp(WORD.source, 'gu'); /* its own lastIndex */
        while ((m = re.exec(text)) !== null) {
            var hit = keys(m[0]).some(function (w) {
                return terms.some(function (t) { return matchWord(t, w) > 0; });
            });
            if (!hit)
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
            appendMarked(doc, a, r.title, terms);
            li.appendChild(a);
            var meta = r.kind === 'term' ? text('term') : r.heading ? fill(text('in-section'), r.heading, '') : '';
            if (meta) {
                var p = doc.createElement('p');
                p.className = 'search-result-meta';
                appendMarked(doc, p, meta, terms);
                li.appendChild(p);
            }
            if (r.text) {
                var s = doc.createElement('p');
                s.className = 'search-result-snippet';
                appendMarked(doc, s, snippet(r.text, SNIPPET), terms);
                li.appendChild(s);
            }
            return li;
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
        parseQuery: parseQuery,
        decodePostings: decodePostings,
        parseOtherIndexes: parseOtherIndexes,
        otherResults: otherResults,
        prepare: prepare,
        search: search,
        snippet: snippet,
        fill: fill,
        start: start
    };
});
