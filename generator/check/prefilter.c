/* prefilter.c: the Vectorscan screen in front of the compliance patterns (see prefilter.h). */
#define _GNU_SOURCE
#include "check/prefilter.h"

#include <errno.h>
#include <fcntl.h>
#include <hs.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>
#include <zlib.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "check/readertext.h"

/* The Vectorscan flags of a pattern: loose ones are plain UTF-8, the rest use Unicode. */
#define S_FLAGS(loose)                                                                     \
    (HS_FLAG_UTF8 | ((loose) ? 0u : HS_FLAG_UCP) | HS_FLAG_CASELESS | HS_FLAG_PREFILTER |  \
     HS_FLAG_ALLOWEMPTY)

/* The first line of a cache file; change the number when the layout below changes. */
static const char S_magic[] = "suture prefilter cache 1\n";

/* Cache files kept in the folder; the least recently used beyond this are removed. */
enum { S_CACHE_KEEP = 8 };

struct prefilter {
    hs_database_t *db;     /* NULL: every pattern is always */
    bool *always;
    size_t *always_ids;    /* the always patterns, ascending */
    size_t n, n_always;
    bool from_cache;
};

struct prefilter_scratch {
    hs_scratch_t *scratch; /* Vectorscan's, grown for each database it meets */
    const hs_database_t *scratch_for;
    /* Another for the literal search: one scratch switching between two databases is
     * checked again at each switch, which made the lint two times slower. */
    hs_scratch_t *literal_scratch;
    const hs_database_t *literal_scratch_for;
    size_t *ids;
    size_t n_ids, cap;
};

/* Any one character: what a character class the prefilter cannot translate becomes. */
static const char S_any_char[] = "[\\x{0}-\\x{10FFFF}]";

/*
 * The index just past the character class that opens at p[i] ('['), or 0 when it does not
 * end. Sets *plain when the prefilter can translate the class item by item (see
 * prefilter_source), false when it must stand in with S_any_char.
 */
static size_t S_class_end(const char *p, size_t i, bool *plain)
{
    bool negated = p[i + 1] == '^';
    size_t j = i + 1 + negated;
    *plain = true;
    if (p[j] == ']')
        j++; /* a ']' first is a literal */
    while (p[j] && p[j] != ']') {
        if (p[j] == '\\' && p[j + 1]) {
            char e = p[j + 1];
            /* Negated: [^\w] must keep the non-ASCII non-word characters. */
            if ((negated && strchr("wsd", e)) || strchr("WSDpPQXRhHvVNE", e))
                *plain = false;
            j += 2;
            continue;
        }
        if (p[j] == '[' && p[j + 1] == ':') {
            /* A POSIX class, [:alpha:]: leave it to Unicode. */
            const char *close = strstr(p + j + 2, ":]");
            if (!close)
                return 0;
            *plain = false;
            j = (size_t)(close - p) + 2;
            continue;
        }
        if ((unsigned char)p[j] >= 0x80) {
            UChar32 cp;
            int32_t at = (int32_t)j;
            U8_NEXT(p, at, -1, cp);
            if (cp < 0 || u_hasBinaryProperty(cp, UCHAR_CASED))
                *plain = false;
            j = (size_t)at;
            continue;
        }
        j++;
    }
    return p[j] == ']' ? j + 1 : 0;
}

/* What the steps of prefilter_source return for a pattern they cannot loosen safely. */
#define S_GIVE_UP ((size_t)-1)

/* The non-ASCII character at p[i], copied to b: the next index, or S_GIVE_UP for a letter
 * with case (or invalid UTF-8). */
static size_t S_loosen_non_ascii(const char *p, size_t i, strbuf *b)
{
    UChar32 cp;
    int32_t at = (int32_t)i;
    U8_NEXT(p, at, -1, cp);
    if (cp < 0 || u_hasBinaryProperty(cp, UCHAR_CASED))
        return S_GIVE_UP;
    strbuf_append(b, p + i, (size_t)at - i);
    return (size_t)at;
}

/* The index after \p or \P at p[i] with its property (\pL or \p{...}), or S_GIVE_UP when
 * the braces do not close. */
static size_t S_property_end(const char *p, size_t i)
{
    size_t end = i + 2;
    if (p[end] == '{') {
        const char *close = strchr(p + end, '}');
        if (!close)
            return S_GIVE_UP;
        end = (size_t)(close - p) + 1;
    } else if (p[end]) {
        end++;
    }
    return end;
}

/*
 * The quantifier {m}, {m,} or {m,n} that opens at p[i]: the index after its '}', with *m_end
 * the index after m's digits; 0 when p[i] opens none (PCRE2 then reads the brace as a
 * literal).
 */
static size_t S_brace_end(const char *p, size_t i, size_t *m_end)
{
    if (p[i] != '{' || p[i + 1] < '0' || p[i + 1] > '9')
        return 0;
    size_t j = i + 1;
    while (p[j] >= '0' && p[j] <= '9')
        j++;
    *m_end = j;
    if (p[j] == ',')
        for (j++; p[j] >= '0' && p[j] <= '9'; j++)
            ;
    return p[j] == '}' ? j + 1 : 0;
}

/*
 * \s outside a class, whose quantifier (if any) starts at p[i], loosened into b: the next
 * index. Normalised reader text holds each run of white space as one ' ' or '\n'
 * (readertext.h), so \s+ there matches exactly one byte and \s* at most one: the quantifier
 * becomes "once" or "optional". Vectorscan scans a fixed run of classes far faster than an
 * open repeat (a third less time for the shipped rules).
 */
static size_t S_loosen_space(const char *p, size_t i, strbuf *b)
{
    strbuf_puts(b, "[\\n ]");
    bool optional = false;
    size_t m_end, end;
    if (p[i] == '+' || p[i] == '*' || p[i] == '?') {
        optional = p[i] != '+';
        i++;
    } else if ((end = S_brace_end(p, i, &m_end))) {
        optional = strspn(p + i + 1, "0") == m_end - i - 1;
        i = end;
    } else {
        return i;
    }
    /* A lazy or possessive quantifier matches the same strings. */
    if (p[i] == '?' || p[i] == '+')
        i++;
    if (optional)
        strbuf_putc(b, '?');
    return i;
}

/* The escape at p[i] (a backslash and the character after it), loosened into b: the next
 * index, or S_GIVE_UP. */
static size_t S_loosen_escape(const char *p, size_t i, bool in_class, strbuf *b)
{
    static const char any_word[] = "[0-9A-Za-z_\\x{80}-\\x{10FFFF}]";
    char e = p[i + 1];
    const char *rep = NULL;
    if (in_class) {
        /* S_class_end let only these escapes through. */
        if (e == 'w')
            rep = "0-9A-Za-z_\\x{80}-\\x{10FFFF}";
        else if (e == 's')
            rep = "\\n ";
        else if (e == 'd')
            rep = "0-9";
    } else {
        switch (e) {
        case 'w': rep = any_word; break;
        case 'W': rep = "[^0-9A-Za-z_]"; break;
        case 's': return S_loosen_space(p, i + 2, b);
        case 'S': rep = "[^\\t\\n\\v\\f\\r ]"; break;
        case 'd': rep = "[0-9]"; break;
        case 'D': rep = "[^0-9]"; break;
        case 'b':
        case 'B': rep = ""; break;
        case 'p':
        case 'P': {
            /* \pL or \p{...}: one character of a property. */
            size_t end = S_property_end(p, i);
            if (end != S_GIVE_UP)
                strbuf_puts(b, S_any_char);
            return end;
        }
        default:
            if (strchr("QEXRhHvVNK", e))
                return S_GIVE_UP;
        }
    }
    if (rep)
        strbuf_puts(b, rep);
    else
        strbuf_append(b, p + i, 2);
    return i + 2;
}

/* The character class that starts at p[i]: "any one character" when it cannot be kept item
 * by item, else its opening copied to b and *in_class set. The next index, or S_GIVE_UP. */
static size_t S_loosen_class_start(const char *p, size_t i, strbuf *b, bool *in_class)
{
    bool plain;
    size_t end = S_class_end(p, i, &plain);
    if (end == 0)
        return S_GIVE_UP;
    if (!plain) {
        strbuf_puts(b, S_any_char);
        return end;
    }
    *in_class = true;
    strbuf_putc(b, '[');
    i++;
    if (p[i] == '^')
        strbuf_putc(b, p[i++]);
    if (p[i] == ']')
        strbuf_putc(b, p[i++]);
    return i;
}

/* {m,n} at p[i] -> {m,} in b: a superset, and cheap for the automaton. The next index, or 0
 * when p[i] does not start one ({m} stays as it is). */
static size_t S_loosen_repeat(const char *p, size_t i, strbuf *b)
{
    size_t m_end, end = S_brace_end(p, i, &m_end);
    if (!end || p[m_end] != ',')
        return 0;
    strbuf_append(b, p + i, m_end - i);
    strbuf_puts(b, ",}");
    return end;
}

/*
 * The looser pattern, or NULL to use the pattern itself with Unicode properties.
 * Vectorscan compiles Unicode \w, \s and \b and long bounded repeats into very large
 * automata (seconds for our rule set), and scans Unicode classes slowly (one such pattern
 * cost a quarter of all scanning time), so the prefilter gets a looser pattern that matches
 * everything the original matches in normalised reader text (where every run of white space
 * is one ' ' or '\n' and every digit ASCII, see readertext.h), and compiles in milliseconds:
 *   - \b and \B are dropped;
 *   - \w becomes "an ASCII word character or any non-ASCII character", \W "not an ASCII
 *     word character", \S, \d and \D their ASCII forms, in a class or out of it;
 *   - \s becomes ' ' or '\n', and its quantifier "once" (+, {1,}...) or "optional" (*, ?,
 *     {0,}...), as normalised text has no longer runs (S_loosen_space);
 *   - {m,n} becomes {m,};
 *   - a character class it cannot translate item by item (a negated class with \w, \s or
 *     \d, any class with \W, \S, \D, a property or a POSIX class, a letter with case outside
 *     ASCII) becomes "any one character", and so does \p{...} or \P{...} outside a class.
 * A pattern it cannot loosen safely (\Q, \X, \R, \h, \v, \N, \K, a letter with case
 * outside ASCII outside a class, a class that does not end) gets NULL.
 */
char *prefilter_source(const char *p)
{
    strbuf b = STRBUF_INIT;
    bool in_class = false;
    for (size_t i = 0; p[i];) {
        unsigned char c = (unsigned char)p[i];
        size_t next;
        if (c >= 0x80) {
            next = S_loosen_non_ascii(p, i, &b);
        } else if (c == '\\' && p[i + 1]) {
            next = S_loosen_escape(p, i, in_class, &b);
        } else if (c == '[' && !in_class) {
            next = S_loosen_class_start(p, i, &b, &in_class);
        } else {
            if (c == ']' && in_class)
                in_class = false;
            next = c == '{' && !in_class ? S_loosen_repeat(p, i, &b) : 0;
            if (!next) {
                strbuf_putc(&b, (char)c);
                next = i + 1;
            }
        }
        if (next == S_GIVE_UP) {
            strbuf_free(&b);
            return NULL;
        }
        i = next;
    }
    return strbuf_detach(&b);
}

/* ---- the cache ---------------------------------------------------------------------------- */

char *prefilter_cache_dir(void)
{
    const char *dir = getenv("SUTURE_CACHE_DIR");
    if (dir)
        return *dir ? xstrdup(dir) : NULL;
    dir = getenv("XDG_CACHE_HOME");
    /* The XDG specification: a relative path is invalid and must be ignored. */
    if (dir && dir[0] == '/')
        return path_join(dir, "suture");
    dir = getenv("HOME");
    if (dir && dir[0] == '/')
        return xasprintf("%s/.cache/suture", dir);
    return NULL;
}

/* FNV-1a, 64 bits: only names the cache file; the whole key inside it is compared. */
static uint64_t S_fnv1a(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* The text that identifies a database: the Vectorscan version and every pattern as compiled. */
static void S_key(strbuf *key, const char *const *exprs, const bool *loose, size_t n)
{
    strbuf_printf(key, "vectorscan %s\n%zu patterns\n", hs_version(), n);
    for (size_t k = 0; k < n; k++) {
        strbuf_printf(key, "%zu %x %zu\n", k, S_FLAGS(loose[k]), strlen(exprs[k]));
        strbuf_puts(key, exprs[k]);
        strbuf_putc(key, '\n');
    }
}

static char *S_cache_path(const char *dir, const strbuf *key)
{
    return xasprintf("%s/prefilter-%016" PRIx64 ".hsdb", dir,
                     S_fnv1a(strbuf_str(key), key->len));
}

static bool S_take(const char **p, const char *end, void *out, size_t len)
{
    if ((size_t)(end - *p) < len)
        return false;
    memcpy(out, *p, len);
    *p += len;
    return true;
}

/*
 * The layout of a cache file: S_magic; the length of the rest of the file and its CRC-32
 * (zlib's), both uint64_t in this machine's byte order; then the key's length and the key,
 * p->n bytes of always flags, and the serialised database's length and bytes (length 0:
 * no database). The CRC guards against a damaged file: hs_deserialize_database checks the
 * platform and version of a database but not every byte of it.
 */
static bool S_cache_read(prefilter *p, const char *path, const strbuf *key)
{
    size_t len = 0;
    char *data = file_read(path, &len);
    if (!data)
        return false;
    const char *at = data, *end = data + len;
    uint64_t rest_len = 0, crc = 0, key_len = 0, db_len = 0;
    bool ok = len > sizeof S_magic - 1 && memcmp(data, S_magic, sizeof S_magic - 1) == 0;
    if (ok) {
        at += sizeof S_magic - 1;
        ok = S_take(&at, end, &rest_len, sizeof rest_len) && S_take(&at, end, &crc, sizeof crc) &&
             rest_len == (uint64_t)(end - at) && rest_len <= UINT_MAX &&
             crc == crc32(crc32(0, Z_NULL, 0), (const Bytef *)at, (uInt)rest_len);
    }
    if (ok)
        ok = S_take(&at, end, &key_len, sizeof key_len) && key_len == key->len &&
             (size_t)(end - at) >= key_len && memcmp(at, strbuf_str(key), key->len) == 0;
    if (ok) {
        at += key->len;
        ok = (size_t)(end - at) >= p->n;
    }
    if (ok) {
        for (size_t k = 0; k < p->n; k++)
            p->always[k] = at[k] != 0;
        at += p->n;
        ok = S_take(&at, end, &db_len, sizeof db_len) && db_len == (uint64_t)(end - at);
    }
    if (ok && db_len > 0)
        ok = hs_deserialize_database(at, (size_t)db_len, &p->db) == HS_SUCCESS;
    free(data);
    if (ok) {
        /* Mark it used now, so the least recently used files are the ones removed. */
        utimensat(AT_FDCWD, path, NULL, 0);
    } else {
        memset(p->always, 0, p->n * sizeof *p->always);
    }
    return ok;
}

typedef struct {
    char *path;
    struct timespec used;
} S_cache_file;

static int S_by_use(const void *a, const void *b)
{
    const struct timespec *x = &((const S_cache_file *)a)->used;
    const struct timespec *y = &((const S_cache_file *)b)->used;
    if (x->tv_sec != y->tv_sec)
        return x->tv_sec > y->tv_sec ? -1 : 1;
    return x->tv_nsec > y->tv_nsec ? -1 : x->tv_nsec < y->tv_nsec;
}

/* Remove all but the S_CACHE_KEEP most recently used cache files of dir. */
static void S_cache_trim(const char *dir)
{
    strlist names = {0};
    if (dir_list(dir, ".hsdb", &names) != 0 || names.len <= S_CACHE_KEEP) {
        strlist_free(&names);
        return;
    }
    S_cache_file *files = xcalloc(names.len, sizeof *files);
    size_t n = 0;
    for (size_t i = 0; i < names.len; i++) {
        struct stat st;
        char *path = path_join(dir, names.items[i]);
        if (!str_starts_with(names.items[i], "prefilter-") || stat(path, &st) != 0) {
            free(path);
            continue;
        }
        files[n++] = (S_cache_file){path, st.st_mtim};
    }
    qsort(files, n, sizeof *files, S_by_use);
    for (size_t i = 0; i < n; i++) {
        if (i >= S_CACHE_KEEP)
            unlink(files[i].path);
        free(files[i].path);
    }
    free(files);
    strlist_free(&names);
}

/* Write p to the cache at path, atomically: a reader sees the old file or the whole new one. */
static void S_cache_write(const prefilter *p, const char *dir, const char *path,
                          const strbuf *key)
{
    char *bytes = NULL;
    size_t db_len = 0;
    if (p->db && hs_serialize_database(p->db, &bytes, &db_len) != HS_SUCCESS)
        return;
    strbuf rest = STRBUF_INIT;
    uint64_t u = key->len;
    strbuf_append(&rest, (const char *)&u, sizeof u);
    strbuf_append(&rest, strbuf_str(key), key->len);
    for (size_t k = 0; k < p->n; k++)
        strbuf_putc(&rest, p->always[k] ? 1 : 0);
    u = db_len;
    strbuf_append(&rest, (const char *)&u, sizeof u);
    if (db_len)
        strbuf_append(&rest, bytes, db_len);
    free(bytes);
    if (rest.len > UINT_MAX) {
        strbuf_free(&rest);
        return;
    }
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, S_magic);
    u = rest.len;
    strbuf_append(&b, (const char *)&u, sizeof u);
    u = crc32(crc32(0, Z_NULL, 0), (const Bytef *)strbuf_str(&rest), (uInt)rest.len);
    strbuf_append(&b, (const char *)&u, sizeof u);
    strbuf_append(&b, strbuf_str(&rest), rest.len);
    strbuf_free(&rest);
    char *tmp = xasprintf("%s/.prefilter-XXXXXX", dir);
    int fd = mkdir_p(dir) == 0 ? mkstemp(tmp) : -1;
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < b.len;) {
        ssize_t w = write(fd, strbuf_str(&b) + done, b.len - done);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        done += ok ? (size_t)w : 0;
    }
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok && fd >= 0)
        unlink(tmp);
    free(tmp);
    strbuf_free(&b);
    if (ok)
        S_cache_trim(dir);
}

/* ---- building ----------------------------------------------------------------------------- */

/*
 * Decide which patterns are always and compile the rest into p->db. Vectorscan 5.4.9 with
 * HS_FLAG_SINGLEMATCH misses a match of a single byte from offset 64 of a text on (a
 * pattern like '%' or '(?<=\d) ?%' once loosened), so such short patterns are always
 * (tests/unit/test_compliance.c). A pattern Vectorscan rejects even in prefilter mode is
 * always, and the rest are compiled again.
 */
static void S_compile(prefilter *p, const char *const *exprs, const bool *loose)
{
    for (size_t k = 0; k < p->n; k++) {
        hs_expr_info_t *info = NULL;
        hs_compile_error_t *err = NULL;
        if (hs_expression_info(exprs[k], S_FLAGS(loose[k]), &info, &err) == HS_SUCCESS) {
            p->always[k] = info->min_width <= 1;
            free(info);
        } else {
            hs_free_compile_error(err);
            p->always[k] = true;
        }
    }
    const char **e = xcalloc(p->n + 1, sizeof *e);
    unsigned *flags = xcalloc(p->n + 1, sizeof *flags);
    unsigned *ids = xcalloc(p->n + 1, sizeof *ids);
    for (;;) {
        unsigned m = 0;
        for (size_t k = 0; k < p->n; k++) {
            if (p->always[k])
                continue;
            e[m] = exprs[k];
            flags[m] = S_FLAGS(loose[k]) | HS_FLAG_SINGLEMATCH;
            ids[m] = (unsigned)k;
            m++;
        }
        if (m == 0)
            break;
        hs_compile_error_t *err = NULL;
        if (hs_compile_multi(e, flags, ids, m, HS_MODE_BLOCK, NULL, &p->db, &err) ==
            HS_SUCCESS)
            break;
        int bad = err ? err->expression : -1;
        hs_free_compile_error(err);
        p->db = NULL;
        if (bad < 0 || (unsigned)bad >= m) {
            /* Not one pattern's fault: do without the prefilter. */
            for (size_t k = 0; k < p->n; k++)
                p->always[k] = true;
            break;
        }
        p->always[ids[bad]] = true;
    }
    free(e);
    free(flags);
    free(ids);
}

prefilter *prefilter_build(const char *const *patterns, size_t n, const char *cache_dir)
{
    prefilter *p = xcalloc(1, sizeof *p);
    p->n = n;
    p->always = xcalloc(n + 1, sizeof *p->always);
    char **loose_src = xcalloc(n + 1, sizeof *loose_src);
    const char **exprs = xcalloc(n + 1, sizeof *exprs);
    bool *loose = xcalloc(n + 1, sizeof *loose);
    for (size_t k = 0; k < n; k++) {
        loose_src[k] = prefilter_source(patterns[k]);
        loose[k] = loose_src[k] != NULL;
        exprs[k] = loose[k] ? loose_src[k] : patterns[k];
    }
    strbuf key = STRBUF_INIT;
    char *path = NULL;
    if (cache_dir) {
        S_key(&key, exprs, loose, n);
        path = S_cache_path(cache_dir, &key);
        p->from_cache = S_cache_read(p, path, &key);
    }
    if (!p->from_cache) {
        S_compile(p, exprs, loose);
        if (path)
            S_cache_write(p, cache_dir, path, &key);
    }
    if (!p->db)
        for (size_t k = 0; k < n; k++)
            p->always[k] = true;
    p->always_ids = xcalloc(n + 1, sizeof *p->always_ids);
    for (size_t k = 0; k < n; k++)
        if (p->always[k])
            p->always_ids[p->n_always++] = k;
    free(path);
    strbuf_free(&key);
    for (size_t k = 0; k < n; k++)
        free(loose_src[k]);
    free(loose_src);
    free(exprs);
    free(loose);
    return p;
}

void prefilter_free(prefilter *p)
{
    if (!p)
        return;
    hs_free_database(p->db);
    free(p->always);
    free(p->always_ids);
    free(p);
}

bool prefilter_from_cache(const prefilter *p)
{
    return p->from_cache;
}

bool prefilter_always(const prefilter *p, size_t k)
{
    return k < p->n && p->always[k];
}

/* ---- screening ---------------------------------------------------------------------------- */

prefilter_scratch *prefilter_scratch_new(void)
{
    return xcalloc(1, sizeof(prefilter_scratch));
}

void prefilter_scratch_free(prefilter_scratch *s)
{
    if (!s)
        return;
    hs_free_scratch(s->scratch);
    hs_free_scratch(s->literal_scratch);
    free(s->ids);
    free(s);
}

static int S_hit(unsigned int id, unsigned long long from, unsigned long long to,
                 unsigned int flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    prefilter_scratch *s = ctx;
    /* SINGLEMATCH reports each pattern once per scan, so n_ids stays below cap. */
    if (s->n_ids < s->cap)
        s->ids[s->n_ids++] = id;
    return 0;
}

static int S_by_id(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

size_t prefilter_screen(const prefilter *p, prefilter_scratch *s, const char *text, size_t len,
                        const size_t **ids)
{
    if (s->cap < p->n) {
        s->ids = xreallocarray(s->ids, p->n, sizeof *s->ids);
        s->cap = p->n;
    }
    s->n_ids = 0;
    if (p->db) {
        /* The loosened patterns assume normalised white space (prefilter_source). */
        if (len > UINT32_MAX || !rtext_space_normalized(text, len))
            return SIZE_MAX;
        if (s->scratch_for != p->db) {
            if (hs_alloc_scratch(p->db, &s->scratch) != HS_SUCCESS)
                return SIZE_MAX;
            s->scratch_for = p->db;
        }
        hs_error_t rc = hs_scan(p->db, text, (unsigned)len, 0, s->scratch, S_hit, s);
        if (rc == HS_INVALID) {
            /* A scratch made for a database freed since, at the same address: grow it. */
            s->n_ids = 0;
            if (hs_alloc_scratch(p->db, &s->scratch) == HS_SUCCESS)
                rc = hs_scan(p->db, text, (unsigned)len, 0, s->scratch, S_hit, s);
        }
        if (rc != HS_SUCCESS)
            return SIZE_MAX;
    }
    if (p->n_always) {
        memcpy(s->ids + s->n_ids, p->always_ids, p->n_always * sizeof *s->ids);
        s->n_ids += p->n_always;
    }
    if (s->n_ids > 1)
        qsort(s->ids, s->n_ids, sizeof *s->ids, S_by_id);
    *ids = s->ids;
    return s->n_ids;
}

/* ---- literal search --------------------------------------------------------------------- */

struct prefilter_literals {
    hs_database_t *db;
    size_t *lens; /* per literal */
    size_t n;
};

prefilter_literals *prefilter_literals_build(const char *const *literals, size_t n)
{
    if (n == 0 || n > UINT_MAX)
        return NULL;
    size_t *lens = xcalloc(n, sizeof *lens);
    unsigned *ids = xcalloc(n, sizeof *ids);
    unsigned *flags = xcalloc(n, sizeof *flags);
    bool ok = true;
    for (size_t k = 0; k < n; k++) {
        lens[k] = strlen(literals[k]);
        ids[k] = (unsigned)k;
        ok &= lens[k] > 0;
    }
    hs_database_t *db = NULL;
    hs_compile_error_t *err = NULL;
    if (ok && hs_compile_lit_multi(literals, flags, ids, lens, (unsigned)n, HS_MODE_BLOCK, NULL,
                                   &db, &err) != HS_SUCCESS) {
        hs_free_compile_error(err);
        db = NULL;
    }
    free(ids);
    free(flags);
    if (!db) {
        free(lens);
        return NULL;
    }
    prefilter_literals *p = xcalloc(1, sizeof *p);
    *p = (prefilter_literals){.db = db, .lens = lens, .n = n};
    return p;
}

void prefilter_literals_free(prefilter_literals *p)
{
    if (!p)
        return;
    hs_free_database(p->db);
    free(p->lens);
    free(p);
}

typedef struct {
    const prefilter_literals *p;
    prefilter_literal_fn fn;
    void *ctx;
} S_literal_scan;

static int S_literal_hit(unsigned int id, unsigned long long from, unsigned long long to,
                         unsigned int flags, void *ctx)
{
    (void)from; /* literal mode gives no start: the literal's length does */
    (void)flags;
    const S_literal_scan *scan = ctx;
    scan->fn(scan->ctx, id, (size_t)to - scan->p->lens[id]);
    return 0;
}

bool prefilter_literals_find(const prefilter_literals *p, prefilter_scratch *s, const char *text,
                             size_t len, prefilter_literal_fn fn, void *ctx)
{
    if (len > UINT32_MAX)
        return false;
    if (s->literal_scratch_for != p->db) {
        /* Grown to serve this database too; a scratch big enough is kept as it is. */
        if (hs_alloc_scratch(p->db, &s->literal_scratch) != HS_SUCCESS)
            return false;
        s->literal_scratch_for = p->db;
    }
    S_literal_scan scan = {p, fn, ctx};
    hs_error_t rc =
        hs_scan(p->db, text, (unsigned)len, 0, s->literal_scratch, S_literal_hit, &scan);
    /* A scratch made for a database freed since, at the same address (rejected before any
     * match is reported): grow it. */
    if (rc == HS_INVALID && hs_alloc_scratch(p->db, &s->literal_scratch) == HS_SUCCESS)
        rc = hs_scan(p->db, text, (unsigned)len, 0, s->literal_scratch, S_literal_hit, &scan);
    return rc == HS_SUCCESS;
}
