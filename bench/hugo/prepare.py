#!/usr/bin/python3
"""Turn a benchmark corpus (bench/corpus.py) into a Hugo source folder.

    bench/hugo/prepare.py CORPUS ASSETS OUT

OUT gets bench/hugo/hugo.yaml and bench/hugo/layouts/, the corpus's articles as
content/articles/*.md, content/compare.md and content/glossary.md (rendered by their own
layouts from data/), the corpus's site.yaml, glossary.yaml and data/procedures.yaml as Hugo
data files, and ASSETS (suture's templates/assets) plus the corpus's media as static files,
so both tools write the same set of pages and copied files.

The articles are copied byte for byte except for links to other articles: suture reads
`[text](article-00042.md#part)` and rewrites it to the target's URL itself; Hugo gets the
rewritten form `/articles/article-00042/#part` directly (plain URLs, not `ref` shortcodes,
so Hugo does no extra work suture does not).

What Hugo still does not do that suture does, so its times cover a little less work:
- ```compare blocks inside articles stay code blocks (suture renders each as a table from
  data/procedures.yaml);
- glossary terms are not linked on their first use in an article;
- links between articles and front matter fields are not checked (suture fails the build on
  a broken link or an unknown field), nor is each page's one disclaimer verified;
- the feed is RSS 2.0, suture's is Atom (the same entries, summaries only);
- Hugo's sitemap.xml leaves out the second and later pages of each topic, which
  suture's lists; Hugo adds a redirect page at each topic's page/1/.
"""

import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)")

# The two pages suture makes from data rather than from an article; the lead paragraphs are
# the ones in templates/strings.xml.
PAGES = {
    "compare": ("Compare procedures",
                "This table sets every procedure described on this site side by side on the "
                "same points. It is a starting point for your consultation, not a "
                "recommendation: which procedure suits you is a decision to make with your "
                "doctor."),
    "glossary": ("Glossary",
                 "Plain-language explanations of the anatomical and medical terms used on "
                 "this site."),
}


def link(m):
    return "](/articles/%s/%s)" % (m.group(1), m.group(2) or "")


def main():
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    corpus, assets, out = sys.argv[1:]
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "content", "articles"))
    os.makedirs(os.path.join(out, "data"))
    shutil.copy(os.path.join(HERE, "hugo.yaml"), out)
    shutil.copytree(os.path.join(HERE, "layouts"), os.path.join(out, "layouts"))
    shutil.copy(os.path.join(corpus, "site.yaml"), os.path.join(out, "data", "site.yaml"))
    shutil.copy(os.path.join(corpus, "glossary.yaml"), os.path.join(out, "data", "glossary.yaml"))
    shutil.copy(os.path.join(corpus, "data", "procedures.yaml"),
                os.path.join(out, "data", "procedures.yaml"))
    shutil.copytree(assets, os.path.join(out, "static", "assets"))
    if os.path.isdir(os.path.join(corpus, "media")):
        shutil.copytree(os.path.join(corpus, "media"), os.path.join(out, "static", "media"))

    for name, (title, summary) in PAGES.items():
        with open(os.path.join(out, "content", name + ".md"), "w", encoding="utf-8") as f:
            f.write('---\ntitle: "%s"\nsummary: "%s"\nlayout: %s\n---\n' % (title, summary, name))

    src = os.path.join(corpus, "articles")
    dst = os.path.join(out, "content", "articles")
    for name in sorted(os.listdir(src)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        # The front matter has no links; rewriting the whole file keeps it as it was.
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write(LINK.sub(link, text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
