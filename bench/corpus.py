#!/usr/bin/python3
"""Write a deterministic benchmark corpus: N realistic articles plus the clinic's settings.

    bench/corpus.py [--articles N] [--seed S] OUT

OUT becomes a content folder (site.yaml, data/, glossary.yaml, compliance.yaml, media/ and
articles/) like content/. Each article has front matter as SPEC.md describes and a 6-8 KB
body assembled from the blocks of our own articles (headings, paragraphs, lists, emphasis,
links to other corpus articles, glossary terms), with a compare block in one article out
of ten. The same N and seed always give the same bytes.
"""

import argparse
import os
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    articles_dir = os.path.join(CONTENT, "articles")
    sources = sorted(os.listdir(articles_dir))
    headings, paragraphs, lists, compares = [], [], [], []
    for name in sources:
        for b in blocks_of(os.path.join(articles_dir, name)):
            if b.startswith("```compare"):
                compares.append(b)
            elif b.startswith("```"):
                continue
            elif b.startswith("#"):
                headings.append(b)
            elif b.startswith("- ") or re.match(r"\d+\. ", b):
                lists.append(b)
            else:
                # Internal links name articles of the clinic; the corpus links its own.
                paragraphs.append(re.sub(r"\]\([a-z0-9-]+\.md(#[a-z0-9-]+)?\)", "](%LINK%)", b))

    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "articles"))
    for name in ("site.yaml", "glossary.yaml", "compliance.yaml"):
        if os.path.exists(os.path.join(CONTENT, name)):
            shutil.copy(os.path.join(CONTENT, name), out)
    shutil.copytree(os.path.join(CONTENT, "data"), os.path.join(out, "data"))
    # Procedures name the clinic's article about them; in the corpus, its first article.
    data = os.path.join(out, "data", "procedures.yaml")
    with open(data, encoding="utf-8") as f:
        text = f.read()
    first = "article-%0*d.md" % (len(str(args.articles)), 0)
    with open(data, "w", encoding="utf-8") as f:
        f.write(re.sub(r"(?m)^(\s*article:\s*)\S+\.md\s*$", r"\g<1>" + first, text))
    if os.path.isdir(os.path.join(CONTENT, "media")):
        shutil.copytree(os.path.join(CONTENT, "media"), os.path.join(out, "media"))

    topics = ["anatomy", "thread-lift", "mini-lift", "side-effects", "consultation"]
    procedures = ["thread-lift", "mini-lift", "facelift"]
    n = args.articles
    width = len(str(n))
    for i in range(n):
        name = "article-%0*d" % (width, i)
        parts = []
        size = 0
        target = rng.randint(6000, 8000)
        # A risks section first, as every real article about a procedure has one.
        parts.append("## Side effects and risks")
        used_headings = {"## Side effects and risks"}
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
            size += len(b) + 2
        if compares and i % 10 == 0:
            parts.insert(2, rng.choice(compares))
        topic = rng.sample(topics, rng.randint(1, 2))
        month, day = rng.randint(1, 10), rng.randint(1, 28)
        front = [
            "---",
            'title: "Article %d: %s"' % (i, rng.choice(headings).lstrip("# ")),
            'summary: "A plain-language explanation of one part of facial lifting, number %d."' % i,
            "topics: [%s]" % ", ".join(topic),
            "date: 2026-%02d-%02d" % (month, day),
            "reviewed: 2026-%02d-%02d" % (month, day),
            'reviewer: "Medical review team"',
        ]
        if rng.random() < 0.5:
            front.append("procedures: [%s]" % rng.choice(procedures))
        front.append("---")
        with open(os.path.join(out, "articles", name + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(front) + "\n" + "\n\n".join(parts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
