/*
 * assetnames.h: fingerprinted names for the templates' style sheets and scripts (issue 20,
 * "Publishing"). A file whose name carries a hash of its bytes can be cached by browsers
 * and servers for ever (Cache-Control: immutable, RFC 8246): a changed file gets a new
 * name, and the pages that load it are built with the new one.
 *
 *     site.css  ->  site.3f9a0c12d4e5.css
 *
 * Only .css and .js files are renamed: images keep their names (a page names them in its
 * text, and /favicon.ico-style requests must find them).
 */
#ifndef SUTURE_ASSETNAMES_H
#define SUTURE_ASSETNAMES_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

/* How many hexadecimal digits of the content hash a name carries (48 bits). */
#define ASSETNAMES_HASH_DIGITS 12

/* Whether the file name (no folder) is one suture publishes under a fingerprinted name:
 * it ends in ".css" or ".js" and has something before that. */
bool assetnames_fingerprinted(const char *name);

/*
 * The fingerprinted form of file name (no folder) whose contents are data (len bytes):
 * the hash (base/fingerprint.h, the first ASSETNAMES_HASH_DIGITS hexadecimal digits)
 * before the last extension. The same bytes always give the same name, so a full build
 * and an incremental one publish the same file. Returns a malloc'd string.
 */
char *assetnames_name(const char *name, const char *data, size_t len);

/*
 * In the tree under root (a rendered page), replace every href or src attribute whose
 * value is one of the URLs urls names (pairs: urls->items[2k] the plain URL, such as
 * "/assets/site.css", and urls->items[2k + 1] the fingerprinted one) by its fingerprinted
 * URL. Other values, and the rest of the tree, are left alone. urls may be NULL or empty.
 */
void assetnames_rewrite(xmlNodePtr root, const strlist *urls);

#endif
