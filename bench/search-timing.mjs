// bench/search-timing.mjs: how long search.js takes to answer a query against a built
// site's index, in Chromium with the CPU slowed 4 times (a mid-range phone's profile, as
// issue 19 asks: under 50 ms a query). A tool, not a test: it prints, asserts nothing.
//
//     node bench/search-timing.mjs SITE [RUNS]
//
// SITE is a built site folder (for example build/bench/site-bilingual-10000 from make
// bench, or any `suture build --out` folder); each of its search-index.json files is
// loaded once and the queries below run RUNS times each (default 7), in the page, through
// search.js's own search(); the median, the slowest and the first (before anything the
// script keeps between searches, such as decoded postings) of each are printed. playwright-core is
// taken from tests/browser/node_modules and Chromium from /usr/bin/chromium (CHROMIUM=…).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(join(resolve('tests/browser'), 'package.json'));
const { chromium } = require('playwright-core');
const site = process.argv[2];
const runs = Number(process.argv[3] || 7);
if (!site || !existsSync(site)) {
    console.error('usage: node bench/search-timing.mjs SITE [RUNS]');
    process.exit(2);
}
// The queries of issue 19 in each language: exact, a typo, initial consonants, a synonym,
// and a common word that matches nearly every article of bench/corpus.py's sites.
const QUERIES = {
    en: [['exact', 'swelling'], ['prefix', 'thre'], ['typo', 'dimpeling'],
         ['typo, 9+ letters', 'musculoaponeurotik'], ['synonym', 'hematoma'],
         ['two words', 'thread lift'], ['broad', 'the']],
    ko: [['exact', '붓기'], ['inside words', '리프팅'], ['초성', 'ㅅㄹㅍㅌ'],
         ['synonym', '실 리프팅'], ['two words', '실리프팅 흉터'], ['broad', '수술']],
};
const indexes = [];
(function walk(dir, depth) {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === 'search-index.json')
            indexes.push(path);
        else if (depth < 2 && statSync(path).isDirectory())
            walk(path, depth + 1);
    }
})(site, 0);
// SEARCH_JS=path times another copy of the script (an older one, against its own index).
const script = readFileSync(process.env.SEARCH_JS || 'templates/assets/search.js', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
                                        args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setContent('<!doctype html><title>timing</title>');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
// search.js defines module.exports when there is a module: give it one, then the page is
// not started.
await page.evaluate(src => { window.module = { exports: {} }; (0, eval)(src); }, script);
for (const path of indexes) {
    const data = readFileSync(path, 'utf8');
    const lang = JSON.parse(data).articles[0]?.lang === 'ko' ? 'ko' : 'en';
    const prepareMs = await page.evaluate(text => {
        const t0 = performance.now();
        window.ix = module.exports.prepare(JSON.parse(text));
        return performance.now() - t0;
    }, data);
    console.log(`${path}: ${(data.length / 1e6).toFixed(1)} MB, parsed and prepared in ` +
                `${prepareMs.toFixed(0)} ms (4x CPU throttling)`);
    const medians = [];
    for (const [kind, q] of QUERIES[lang]) {
        const times = await page.evaluate(([query, n]) => {
            const out = [];
            let count = 0;
            for (let i = 0; i < n; i++) {
                const t0 = performance.now();
                count = module.exports.search(window.ix, query).length;
                out.push(performance.now() - t0);
            }
            return { out, count };
        }, [q, runs]);
        const sorted = times.out.slice().sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)];
        medians.push(median);
        console.log(`  ${kind.padEnd(18)} ${JSON.stringify(q).padEnd(22)} median ` +
                    `${median.toFixed(1).padStart(6)} ms, slowest ${sorted.at(-1).toFixed(1)} ms, ` +
                    `first ${times.out[0].toFixed(1)} ms, ` +
                    `${times.count} results`);
    }
    const all = medians.slice().sort((a, b) => a - b);
    console.log(`  median of the queries' medians: ${all[Math.floor(all.length / 2)].toFixed(1)} ms`);
}
await browser.close();
