/*
 * siteverify.h: the checks of `suture check --site DIR` on a folder of built HTML. CI runs
 * them over the generated site, and they work on any folder of HTML, hand-made pages
 * included, so a page added by hand cannot slip through (SPEC.md, "The disclaimer").
 *
 * Every *.html file under the folder (recursively; names starting with '.' are skipped) is
 * parsed with libxml2's HTML parser and checked; every *.css file is scanned for url() and
 * @import that load from another host; every *.svg file (any case) is checked as suture build
 * checks a diagram (content/svgcheck.h). Files are visited in bytewise order of their path
 * below the folder, so the output is the same on every machine.
 *
 * What is not a plain file inside the folder is never opened (a named pipe would make the
 * check wait for ever) and is reported, whatever its name, with category site-file and the
 * reference README.md, "Where the output goes", line 0: a symbolic link out of the folder (error: as
 * `suture build` refuses one in content/, since a web server that follows it publishes a file
 * of the machine, such as passwd.html -> /etc/passwd), a link to nothing or in a loop
 * (error), a link to something that is not a file, such as a pipe (error), a named pipe, a
 * socket or a device (error), and a link to a folder inside the folder (warning: not
 * followed, the pages there are checked where they are). A link to a file inside the folder
 * is checked as that file.
 *
 * Each finding is one diagnostic (diag_add_ref, severity DIAG_ERROR) whose file is the
 * folder joined with the file's relative path ("site/articles/x/index.html"), whose line
 * is the line of the element at fault (column 1; libxml2's own line and column for
 * parse errors; line and column of the url() in a .css file), whose category is one of the
 * rule ids below, and whose reference names where the rule comes from:
 *
 *   site-disclaimer    no <aside class="medical-disclaimer">, more than one, or one whose
 *                      text differs from opt->disclaimer_text, or, with opt->languages,
 *                      from every language's disclaimer (an excerpt of the first
 *                      difference from the page language's is shown)
 *                                                                  README.md, "Two languages"
 *   site-disclaimer-language
 *                      (with opt->languages) the disclaimer is another language's than the
 *                      page's (<html lang>); on /404.html, an aside made of <div lang>
 *                      parts without one of the site's languages, or a part whose text is
 *                      not its language's                          README.md, "Two languages"
 *   site-lang          <html> without a non-empty lang; a lang that is not a BCP 47 tag
 *                      (slug_is_language_tag, case ignored); with opt->languages, a
 *                      language the site does not declare          "WCAG 2.2 SC 3.1.1"
 *   site-hreflang      <link rel="alternate" hreflang href>: a hreflang that is neither a
 *                      BCP 47 tag nor x-default; an href that leads to no file (as
 *                      site-link) or to no page of this site (another host, outside the
 *                      base path); a page it names whose <html lang> is another language;
 *                      a page it names that does not list this page back, with this page's
 *                      language; a page with alternates that does not list itself
 *                                "Google Search Central: localized versions (hreflang)"
 *   site-title         no <title>, or an empty one                 "WCAG 2.2 SC 2.4.2"
 *   site-description   no <meta name="description">, or an empty content
 *                                                                  README.md, "Where the output goes"
 *   site-h1            no <h1>, or several (reported at the second) README.md, "Where the output goes"
 *   site-link          an internal address that leads to no file: <a>/<area>/<link href>,
 *                      and the internal src of <script>, <iframe>, <frame>, <embed>,
 *                      <video>, <audio>, <source>, <track>, <object data>, <input src>;
 *                      a root-relative address outside the base path; an address that
 *                      climbs above the folder with '../'             README.md, "Where the output goes"
 *   site-anchor        an <a>/<area> whose #fragment names no id (nor <a name>) on the
 *                      page it leads to, this page or another one  "WCAG 2.2 SC 2.4.4"
 *   site-image         an <img> without an alt attribute (alt="" is fine: decoration) or
 *                      without src; an internal image address that leads to no file
 *                      (<img src> and srcset, <source srcset>, <video poster>,
 *                      <input src>, SVG <image href>)                "WCAG 2.2 SC 1.1.1"
 *   site-external      anything the page loads from another host: <script src>; <link>
 *                      with rel stylesheet, icon, apple-touch-icon, mask-icon, preload,
 *                      modulepreload, prefetch, prerender, preconnect, dns-prefetch or
 *                      manifest; <iframe>, <frame>, <object>, <embed>, <img src/srcset>,
 *                      <video src/poster>, <audio>, <source src/srcset>, <track>,
 *                      <input src>, SVG <image href>; url() and @import in <style>, in
 *                      style="" and in .css files
 *                                      README.md, "Compliance checks"
 *   site-html          the file does not parse as HTML without errors: every libxml2
 *                      parser error, in plain words where a common one is recognised.
 *                      One cause, one finding: a file that is not valid UTF-8 gets one
 *                      finding at its first bad byte and is not parsed (libxml2 would
 *                      guess at the rest, and the guesses make knock-on findings); a page
 *                      nested deeper than libxml2's limit (256 levels) gets one finding
 *                      where the parser gave up, and no other check, since the rest of
 *                      the page was not read                     README.md, "Where the output goes"
 *   site-csp           no <meta http-equiv="Content-Security-Policy"> (any case); one
 *                      outside <head> (browsers ignore it) or after a <link>, <script>,
 *                      <style> or <base> of <head> (it covers only what follows it); an
 *                      empty policy; no default-src; a source list (any *-src directive,
 *                      base-uri, form-action) holding anything but 'self' and 'none' (a
 *                      host, a scheme such as data:, *, 'unsafe-inline', a nonce or hash),
 *                      one finding per source; a source list with no source at all
 *                                        "Content Security Policy Level 3 (W3C)"
 *   site-referrer      no <meta name="referrer"> in <head>, or a value other than
 *                      no-referrer, same-origin, strict-origin and
 *                      strict-origin-when-cross-origin (the values that never send the
 *                      page's address to another site, nor over plain HTTP)
 *                                                          "Referrer Policy (W3C)"
 *   site-script        script written into the page, which suture never produces and the
 *                      policy blocks: a <script> without src whose type is empty, a
 *                      JavaScript MIME type or "module" (other types, such as
 *                      application/ld+json, are data blocks and fine); any on* attribute;
 *                      a javascript: or vbscript: address, or a data: address of HTML,
 *                      XHTML, SVG or XML, in href, src, action, formaction, data, poster,
 *                      cite, background, ping or xlink:href (scheme read as browsers read
 *                      it: leading controls and spaces, tabs and new lines dropped, any
 *                      case); a srcdoc attribute. Values are shown with control characters
 *                      escaped, cut after 60 bytes    "Content Security Policy Level 3 (W3C)"
 *   site-svg           an *.svg file, or an outermost <svg> of a page, that suture build would
 *                      not publish as a diagram: script, event attributes, <foreignObject>,
 *                      <style> or style="", references outside the drawing, a DOCTYPE or a
 *                      processing instruction, animation, <image>, elements and attributes
 *                      that are not SVG's (content/svgcheck.h lists them, each with its
 *                      reference; not its <title> and <desc>, which the build asks of the
 *                      diagrams it draws, but a hand-made site may name an SVG by an <img>'s
 *                      alt). In a page, every finding is at the element's line, column 1; in
 *                      a file, at its line and column
 *
 * Addresses. A relative address is resolved against the page's own address (the file's
 * path below the folder); an address ending in '/' or naming a folder means that folder's
 * index.html; the query and fragment are not part of the file; %XX escapes are decoded.
 * Root-relative addresses ("/x/") must start with the base path (the path of
 * opt->base_url, "/" without one). Absolute http(s) addresses and "//host/..." addresses
 * on base_url's host are internal when under its path (and checked), and fine but not
 * checked when outside it; on any other host they are external: fine as links, an error
 * as anything the page loads. mailto:, tel:, data: and other addresses without "//" are
 * not checked as addresses (script addresses are site-script findings). A fragment "#top"
 * needs no element (HTML scrolls to the top). <base href> is not honoured.
 *
 * HTML5. libxml2 2.9's parser knows HTML 4 only and reports every HTML5 element as an
 * unknown tag (XML_HTML_UNKNOWN_TAG). Those reports are dropped for these HTML5 names:
 *
 *   article aside audio bdi canvas data datalist details dialog figcaption figure footer
 *   header hgroup main mark math meter nav output picture progress rp rt ruby search
 *   section slot source summary svg template time track video wbr
 *
 * for custom elements (names with a '-', HTML's "autonomous custom elements") and for
 * anything inside <svg> or <math> (foreign content, such as <path>); every other unknown
 * tag is reported.
 */
#ifndef SUTURE_SITEVERIFY_H
#define SUTURE_SITEVERIFY_H

#include <stddef.h>

#include "base/diag.h"

/* One language of the site (site.yaml's languages, issue 16). */
typedef struct siteverify_language {
    const char *code;            /* its BCP 47 tag, as in site.yaml: "ko", "en" */
    const char *disclaimer_text; /* its disclaimer as a reader sees it (compared as
                                  * disclaimer_text below) */
} siteverify_language;

typedef struct siteverify_options {
    /* The folder of HTML, e.g. "site". */
    const char *dir;
    /* The expected text of the disclaimer aside; NULL checks only that there is exactly
     * one. The comparison ignores white space, so a paragraph break in the page and a space
     * in this text (or no space at all) are the same. */
    const char *disclaimer_text;
    /* The site's base_url, e.g. "https://example.org/kb/": absolute addresses under it are
     * internal, and root-relative ones must start with its path ("/kb/"). A value that is
     * only a path ("/kb/") sets the base path alone. NULL: the base path is "/" and every
     * absolute http(s) address is external. */
    const char *base_url;
    /* The site's languages, in site.yaml's order (n_languages of them; NULL and 0 for a
     * site in one language, whose pages are compared with disclaimer_text). With them, a
     * page's disclaimer must be the one of its language (<html lang>: the declared
     * language with that tag, ASCII case ignored, else the one of its primary subtag); a
     * page whose language is none of them is a site-lang finding, and its disclaimer may be
     * any of theirs. /404.html, which a static host serves for every language, may instead
     * carry one aside holding every language's disclaimer, each in a <div lang="...">. */
    const siteverify_language *languages;
    size_t n_languages;
} siteverify_options;

/*
 * Verify every *.html under opt->dir, every *.css (external url() and @import only) and every
 * *.svg, as described above. Adds one diagnostic per finding to diags: file by file, and in a page
 * the parser's errors first, then disclaimer, lang, title, description, policy, referrer
 * and h1, then the addresses and styles in document order, then script in the page in
 * document order (diag_list_sort orders them by line). A file or
 * sub-folder that cannot be read is reported at that path ("cannot read this file:
 * <reason>", "cannot read this folder: <reason>"; category NULL, no reference) and the run
 * goes on; so are the links, pipes and devices described above (site-file). Sets *files
 * to the number of HTML files checked
 * (files may be NULL). Returns 0, or -1 when opt->dir cannot be read (errno set; nothing
 * added, *files 0).
 *
 * libxml2 must be initialised (page_init, or xmlInitParser) before the first call from a
 * thread other than the main one. While a file is parsed the calling thread's libxml2
 * structured error handler is replaced; the previous one is restored afterwards.
 */
int siteverify_run(const siteverify_options *opt, diag_list *diags, size_t *files);

#endif
