#!/usr/bin/python3
"""Write a deterministic benchmark corpus: N realistic articles plus the clinic's settings.

    bench/corpus.py [--articles N] [--seed S] [--languages en|ko,en] OUT

OUT becomes a content folder (site.yaml, data/, glossary.yaml, compliance.yaml, sources.yaml,
media/, pages/ and articles/) like content/. Each article has front matter as SPEC.md describes and a body of
6-8 KB (English) assembled from the blocks of our own articles in its language (headings,
paragraphs, lists, emphasis, links to other corpus articles, glossary terms), with a compare
block in one article out of ten and a care card in each. The same N and seed always give
the same bytes.

--languages en (the default) writes a site in English only: site.yaml, procedures.yaml and
glossary.yaml with the English of each per-language text, articles in articles/.
--languages ko,en writes the clinic's bilingual site: the settings as they are, N articles in
articles/en/ (byte for byte those of the English-only corpus) and N Korean translations of
them in articles/ko/, so that a build of one and of the other can be compared page for page.
"""

import argparse
import functools
import os
import yaml
import random
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "..", "content")


def blocks_of(path):
    """The body blocks (split at blank lines) of one article, without its front matter."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    body = text.split("\n---\n", 1)[1]
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", body) if b.strip()]
    # Fenced blocks span blank lines in theory; ours do not, but keep only whole ones.
    return [b for b in blocks if b.count("```") % 2 == 0]


def english_only(node):
    """node with every per-language mapping ({ko: .., en: ..}) replaced by its English."""
    if isinstance(node, dict):
        if node and all(k in ("ko", "en") for k in node):
            return node["en"]
        return {k: english_only(v) for k, v in node.items()}
    if isinstance(node, list):
        return [english_only(v) for v in node]
    return node


def dump_yaml(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(obj, f, allow_unicode=True, sort_keys=False, width=1000)


def collect(articles_dir):
    """The headings, paragraphs, lists, compare blocks and care cards of the articles in a
    folder."""
    headings, paragraphs, lists, compares, cares = [], [], [], [], []
    for name in sorted(os.listdir(articles_dir)):
        for b in blocks_of(os.path.join(articles_dir, name)):
            if b.startswith("```compare"):
                compares.append(b)
            elif b.startswith("```care"):
                cares.append(b)
            elif b.startswith("```"):
                continue
            elif b.startswith("#"):
                headings.append(b)
            elif b.startswith("- ") or re.match(r"\d+\. ", b):
                lists.append(b)
            else:
                # Internal links name articles of the clinic; the corpus links its own.
                paragraphs.append(re.sub(r"\]\([a-z0-9-]+\.md(#[^)]*)?\)", "](%LINK%)", b))
    return headings, paragraphs, lists, compares, cares


def write_settings(out, languages, first):
    """site.yaml, data/, glossary.yaml, compliance.yaml, sources.yaml, media/ and pages/ into
    out."""
    bilingual = len(languages) > 1
    for name in ("site.yaml", "glossary.yaml"):
        src = os.path.join(CONTENT, name)
        if bilingual:
            shutil.copy(src, out)
            continue
        with open(src, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if name == "site.yaml":
            en = [l for l in doc.pop("languages") if l["code"] == "en"][0]
            doc.pop("translation_max_lag_days", None)
            one = {"title": en["title"], "description": en.get("description", en["title"]),
                   "language": "en"}
            one.update(english_only(doc))
            one["disclaimer"] = en["disclaimer"]
            one["notices"] = en["notices"]
            doc = one
        else:
            doc = english_only(doc)
        dump_yaml(doc, os.path.join(out, name))
    shutil.copy(os.path.join(CONTENT, "compliance.yaml"), out)
    # The paragraphs taken from the clinic's articles cite its sources.
    shutil.copy(os.path.join(CONTENT, "sources.yaml"), out)
    os.makedirs(os.path.join(out, "data"))
    with open(os.path.join(CONTENT, "data", "procedures.yaml"), encoding="utf-8") as f:
        text = f.read()
    if not bilingual:
        text = yaml.safe_dump(english_only(yaml.safe_load(text)), allow_unicode=True,
                              sort_keys=False, width=1000)
    # Procedures name the clinic's article about them; in the corpus, its first article.
    with open(os.path.join(out, "data", "procedures.yaml"), "w", encoding="utf-8") as f:
        f.write(re.sub(r"(?m)^(\s*article:\s*)\S+\.md\s*$", r"\g<1>" + first, text))
    if os.path.isdir(os.path.join(CONTENT, "media")):
        shutil.copytree(os.path.join(CONTENT, "media"), os.path.join(out, "media"))
    # The site's own pages, which site.yaml's footer_pages names: every language's folder,
    # or the English pages alone on a site in English.
    pages = os.path.join(CONTENT, "pages")
    if os.path.isdir(pages):
        shutil.copytree(pages if bilingual else os.path.join(pages, "en"),
                        os.path.join(out, "pages"))


# The section every corpus article opens with, as every real article about a procedure has
# one; and the words of its front matter, per language.
RISKS = {"en": "## Side effects and risks", "ko": "## 위험과 부작용"}
SUMMARY = {"en": "A plain-language explanation of one part of facial lifting (article %d).",
           "ko": "얼굴 리프팅의 한 부분을 쉬운 말로 설명하는 %d번째 글입니다."}
TITLE = {"en": "Article %d: %s", "ko": "%d번째 글: %s"}


@functools.lru_cache(maxsize=None)
def first_reviewer():
    """The id of the first reviewer the clinic's site.yaml declares, which every corpus
    article names (an id site.yaml does not declare is an error)."""
    with open(os.path.join(CONTENT, "site.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)["reviewers"][0]["id"]


def write_articles(out, lang, n, seed, folder, source_dates=None):
    """n articles in lang into folder (under out/articles), from our articles in lang; the
    (month, day) of each, returned, is its source's in source_dates when given (a
    translation dated as its source, so that none is stale)."""
    dates = []
    headings, paragraphs, lists, compares, cares = collect(
        os.path.join(CONTENT, "articles", lang))
    rng = random.Random(seed)
    topics = ["anatomy", "thread-lift", "mini-lift", "side-effects", "consultation"]
    procedures = ["thread-lift", "mini-lift", "facelift"]
    width = len(str(n))
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        name = "article-%0*d" % (width, i)
        parts = []
        size = 0
        target = rng.randint(6000, 8000)
        if lang == "ko":
            target = target * 2 // 3  # the same text in Hangul: about two thirds the bytes
        parts.append(RISKS[lang])
        used_headings = {RISKS[lang]}
        while size < target:
            kind = rng.random()
            if kind < 0.15:
                h = rng.choice(headings)
                if h in used_headings:
                    continue
                used_headings.add(h)
                b = h
            elif kind < 0.30:
                b = rng.choice(lists)
            else:
                b = rng.choice(paragraphs)
                while "%LINK%" in b:
                    b = b.replace("%LINK%", "article-%0*d.md" % (width, rng.randrange(n)), 1)
            parts.append(b)
            size += len(b.encode("utf-8")) + 2 if lang == "ko" else len(b) + 2
        if compares and i % 10 == 0:
            parts.insert(2, rng.choice(compares))
        # Every article says when to get help, as the clinic's rules ask of those about a
        # procedure (care-card-missing); taken in turn, without drawing from rng.
        if cares:
            parts.insert(1, cares[i % len(cares)])
        topic = rng.sample(topics, rng.randint(1, 2))
        month, day = rng.randint(1, 10), rng.randint(1, 28)
        if source_dates:
            month, day = source_dates[i]
        dates.append((month, day))
        front = [
            "---",
            'title: "%s"' % (TITLE[lang] % (i, rng.choice(headings).lstrip("# "))),
            'summary: "%s"' % (SUMMARY[lang] % i),
            "topics: [%s]" % ", ".join(topic),
            "date: 2026-%02d-%02d" % (month, day),
            "reviewed: 2026-%02d-%02d" % (month, day),
            'reviewer: "%s"' % first_reviewer(),
        ]
        if rng.random() < 0.5:
            front.append("procedures: [%s]" % rng.choice(procedures))
        if lang != "en":
            front.append("translation_of: en")
            front.append("source_reviewed: 2026-%02d-%02d" % (month, day))
        front.append("---")
        with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(front) + "\n" + "\n\n".join(parts) + "\n")
    return dates


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--languages", default="en", choices=["en", "ko,en"])
    ap.add_argument("out")
    args = ap.parse_args()
    languages = args.languages.split(",")
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "articles"))
    first = "article-%0*d.md" % (len(str(args.articles)), 0)
    write_settings(out, languages, first)
    articles = os.path.join(out, "articles")
    # English first, with the seed alone: the same articles in both corpora.
    dates = write_articles(out, "en", args.articles, args.seed,
                   os.path.join(articles, "en") if len(languages) > 1 else articles)
    if "ko" in languages:
        # Its own random stream, so that adding Korean changes nothing in English; the
        # Korean article i has the English article i's topics only by chance: a translation
        # in the corpus is a pairing by file name, as on the clinic's site.
        write_articles(out, "ko", args.articles, args.seed + 1, os.path.join(articles, "ko"),
                       dates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
