/*
 * url.h: reading the scheme of an address as a browser does.
 *
 * Most address work in suture follows RFC 3986 and uses libxml2's URI functions
 * (xmlParseURI, xmlBuildURI, xmlURIUnescapeString). The security rules are the exception:
 * whether "java\tscript:alert(1)" runs is decided by the browser, which reads addresses by
 * the WHATWG URL standard, not by RFC 3986. A browser drops leading C0 controls and spaces
 * and removes tabs and new lines anywhere, so that address is a javascript: address to it,
 * while RFC 3986 sees no scheme at all. Every rule that asks "does this address run script
 * or make a page?" reads the scheme here, in one place, the browser's way.
 */
#ifndef SUTURE_URL_H
#define SUTURE_URL_H

#include <stddef.h>

/*
 * The first byte of address a browser reads: leading C0 controls (0x01-0x1F) and spaces
 * skipped (WHATWG URL, "basic URL parser", step 1). Returns a pointer into address (its
 * terminating NUL when address is all such bytes). address must not be NULL.
 */
const char *url_browser_start(const char *address);

/*
 * The scheme of address as a browser reads it (WHATWG URL, "scheme start state" and
 * "scheme state"): after url_browser_start, tabs, CR and LF are skipped anywhere; a scheme
 * is an ASCII letter then letters, digits, '+', '-' or '.', ended by ':'. Writes the scheme
 * in lower case, NUL-terminated, into scheme (size bytes, at least 1) and returns its
 * length. Returns 0 (scheme "") when address has no scheme (a relative address) or when
 * the scheme would not fit in size - 1 bytes (no scheme of interest is that long). When
 * rest is not NULL, *rest is set to the byte after the ':' in address (unchanged, tabs and
 * all), or to NULL when there is no scheme. Reports no errors; address must not be NULL.
 */
size_t url_browser_scheme(const char *address, char *scheme, size_t size, const char **rest);

#endif
