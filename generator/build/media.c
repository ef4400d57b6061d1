/*
 * media.c: the diagrams of content/media/ in the build: each read and checked once however
 * many articles show it, and every drawing checked before it is published, its mistakes
 * told in its folder's language (build_private.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fts.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "build/build_private.h"
#include "content/svgcheck.h"

const xmlDoc *build_diagram(build *b, const char *path, int *err)
{
    pthread_mutex_lock(&b->diagram_lock);
    build_diagram_file *d = NULL;
    for (size_t i = 0; i < b->n_diagrams && !d; i++)
        if (strcmp(b->diagrams[i].path, path) == 0)
            d = &b->diagrams[i];
    if (!d) {
        /* Read and checked once per build, however many articles show it. */
        b->diagrams = xreallocarray(b->diagrams, b->n_diagrams + 1, sizeof *b->diagrams);
        d = &b->diagrams[b->n_diagrams++];
        *d = (build_diagram_file){.path = xstrdup(path)};
        size_t len, errors = 0;
        char *text = file_read(path, &len);
        if (!text)
            d->err = errno ? errno : EIO;
        else
            d->doc = svgcheck_parse(path, text, len, 0, "svg", NULL, &errors);
        free(text);
    }
    const xmlDoc *doc = d->doc;
    *err = d->err;
    pthread_mutex_unlock(&b->diagram_lock);
    return doc;
}

bool build_media_korean(const build *b, const char *path)
{
    size_t root = strlen(b->media_dir);
    if (strncmp(path, b->media_dir, root) != 0)
        return false;
    /* Every folder between content/media/ and the file's name. */
    for (const char *p = path + root; *p;) {
        p += strspn(p, "/");
        size_t n = strcspn(p, "/");
        if (!p[n])
            break; /* the file's own name */
        char *folder = xstrndup(p, n);
        bool korean = slug_language_in(folder, "ko");
        free(folder);
        if (korean)
            return true;
        p += n;
    }
    return false;
}

/* What build_check_media found in one file of content/media/. */
static void S_check_media_file(build *b, const char *path, const char *name)
{
    size_t n = strlen(name);
    bool korean = build_media_korean(b, path);
    if (n >= 5 && strcasecmp(name + n - 5, ".svgz") == 0) {
        diag_error(b->diags, path, 0, 0, "svg", "%s",
                   korean ? "압축된 SVG(.svgz)는 게시하기 전에 검사할 수 없습니다. 그림을 "
                            "일반 .svg 파일로 저장해 주십시오"
                          : "a compressed SVG cannot be checked before it is published; save "
                            "the drawing as plain .svg");
        return;
    }
    if (n < 4 || strcasecmp(name + n - 4, ".svg") != 0)
        return;
    size_t len;
    char *text = file_read(path, &len);
    if (!text)
        return; /* build_copy_dir says why it cannot be published */
    xmlDocPtr doc = svgcheck_parse(path, text, len, korean ? SVGCHECK_KOREAN : 0, "svg",
                                   b->diags, NULL);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (root && !xmlHasProp(root, BAD_CAST "viewBox"))
        diag_error(b->diags, path, (unsigned)xmlGetLineNo(root), 1, "svg", "%s",
                   korean ? "다이어그램에 viewBox가 없어 휴대폰 화면 너비에 맞게 줄어들지 "
                            "못합니다. <svg>에 viewBox=\"0 0 WIDTH HEIGHT\"를 추가해 "
                            "주십시오(그림의 크기입니다. 너비를 360에서 640 사이로 하면 "
                            "휴대폰에서도 글자를 읽을 수 있습니다)"
                          : "the diagram has no viewBox, so it cannot shrink to a phone's "
                            "width; add viewBox=\"0 0 WIDTH HEIGHT\" to its <svg> (its "
                            "drawing's size, 360 to 640 wide keeps the labels readable on a "
                            "phone)");
    xmlFreeDoc(doc);
    free(text);
}

void build_check_media(build *b)
{
    char *const roots[] = {b->media_dir, NULL};
    if (!path_is_dir(b->media_dir))
        return;
    FTS *fts = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
    if (!fts)
        return; /* build_copy_dir reports a folder it cannot read */
    FTSENT *e;
    while ((e = fts_read(fts))) {
        struct stat st;
        /* A link to a file inside content/ is published as that file (build_copy_dir). */
        if (e->fts_info == FTS_F ||
            (e->fts_info == FTS_SL && stat(e->fts_path, &st) == 0 && S_ISREG(st.st_mode)))
            S_check_media_file(b, e->fts_path, e->fts_name);
    }
    fts_close(fts);
}

