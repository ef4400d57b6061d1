#!/bin/sh
# Render the sample page XML in this folder without the generator, for a look
# in a browser:  sh templates/examples/render.sh [OUT]   (default /tmp/suture-examples)
# then e.g.  python3 -m http.server -d OUT -b 127.0.0.1 8765
#
# It checks the templates (well-formed, every string in en and ko), runs each
# kind's stylesheet with xsltproc, and does by hand what suture does after the
# stylesheet: the doctype, and the disclaimer in place of the placeholder.
# (xsltproc also adds a <meta http-equiv="Content-Type">, which suture's own
# serialisation does not; it is removed here.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tpl=$(dirname "$here")
out=${1:-/tmp/suture-examples}
mkdir -p "$out/assets" "$out/media"

for f in "$tpl"/*.xsl "$tpl"/strings.xml "$here"/*.xml; do
  xmllint --noout "$f"
done
missing=$(xmllint --xpath 'count(//str[not(t[@lang="en"]) or not(t[@lang="ko"])])' "$tpl/strings.xml")
if [ "$missing" != 0 ]; then
  echo "strings.xml: $missing string(s) without an en and a ko entry" >&2
  exit 1
fi

cp "$tpl/assets/site.css" "$out/assets/"
cp "$here"/media/* "$out/media/"

for x in "$here"/*.xml; do
  name=$(basename "$x" .xml)
  kind=$(xmllint --xpath 'string(/page/@kind)' "$x")
  case $kind in not-found) xsl=404.xsl ;; *) xsl=$kind.xsl ;; esac
  xsltproc "$tpl/$xsl" "$x" > "$out/$name.raw.html"
  python3 - "$out/$name.raw.html" "$out/$name.html" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "")
ko = ' lang="ko' in s[:200]
text = ("<p>이 페이지는 일반적인 정보이며 의사의 진료를 대신하지 않습니다. "
        "시술 결과는 사람마다 다릅니다. 궁금한 점은 상담 시 의료진에게 문의하세요.</p>" if ko else
        "<p>This page is general information, not medical advice. It does not replace a "
        "consultation with a doctor, and results differ from person to person. "
        '<a href="/topics/consultation/">Book a consultation</a> to discuss your situation.</p>')
ph = '<div id="medical-disclaimer"></div>'
if s.count(ph) != 1 or s.count("<h1") != 1:
    sys.exit("%s: expected one placeholder and one <h1>" % sys.argv[1])
s = s.replace(ph, '<aside class="medical-disclaimer" role="note">' + text + "</aside>")
open(sys.argv[2], "w", encoding="utf-8").write("<!DOCTYPE html>\n" + s)
PY
  rm "$out/$name.raw.html"
  echo "$out/$name.html"
done
