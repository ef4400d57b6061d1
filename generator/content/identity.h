/*
 * identity.h: which of the site's identity values are still examples (issue "named medical
 * reviewers, the clinic's identity, and suture build --release").
 *
 * Until the clinic's real details are known, content/site.yaml ships plainly marked example
 * values: a clinic called "예시 성형외과", a reviewer called "Example Reviewer", the phone
 * number +82 2-0000-0000, the address https://example.org/. `suture build --release`, the
 * build that publishes, refuses every value these functions call an example
 * (config_check_release in config.h), so that no example can reach the public site.
 *
 * The rule, in one place:
 *   - a text (a name, an address, credentials, a registration or licence number) is an
 *     example when it contains the word "example" in any case ("EXAMPLE-0000",
 *     "(Example) Seoul") or "예시" ("예시 성형외과", "(예시) 서울특별시");
 *   - a telephone number is an example when its text is, or when its subscriber number,
 *     the last two groups of digits ("0000-0000" of "+82 2-0000-0000", "000 0000" of
 *     "02 000 0000"), is all 0 and at least seven digits long: no subscriber number is
 *     000-0000 or 0000-0000 (in Korea a local number never starts with 0, the trunk
 *     prefix), so such a number can ring nobody. A number written without separators is
 *     one group, and is not caught unless the text says "example";
 *   - an address (base_url) is an example when its text is, or when its host is one of
 *     the names reserved so that they can never be a real site's (RFC 2606 and RFC 6761):
 *     example.com, example.net, example.org and their subdomains, any name under the
 *     top-level domains .example, .test, .invalid and .localhost, and localhost itself.
 *
 * What the rule cannot know: a value that looks real but is not the clinic's (a typo in
 * the number, a name copied from another site). It catches what we marked, and the names
 * and numbers nobody can have, nothing more; the people who fill in site.yaml check the rest.
 */
#ifndef SUTURE_IDENTITY_H
#define SUTURE_IDENTITY_H

#include <stdbool.h>

/* Whether text (UTF-8, NUL-terminated; NULL is not) contains "example" in any ASCII case,
 * or "예시". */
bool identity_is_example_text(const char *text);

/* Whether phone (a telephone number as written, "+82 2-0000-0000") is an example: its text
 * is (identity_is_example_text), or its last two groups of digits (runs of digits, split by
 * anything else) are all 0 and hold at least seven digits. NULL is not. */
bool identity_is_example_phone(const char *phone);

/* Whether url (an absolute http(s) address, "https://example.org/kb/") is an example: its
 * text is, or its host (compared without ASCII case and without a final '.') is a reserved
 * name as listed above. A url without a host to read is not called an example here
 * (config_load refuses it already). NULL is not. */
bool identity_is_example_url(const char *url);

#endif
