/*
 * compliance_private.h: what compliance.c shares with clause.c, which reads the clause and
 * negation lists of the same file; no other file includes it.
 */
#ifndef SUTURE_COMPLIANCE_PRIVATE_H
#define SUTURE_COMPLIANCE_PRIVATE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "check/compliance.h"
#include "content/yamldoc.h"

struct rule_pattern {
    pcre2_code *code;
    char *source; /* the pattern as written */
};

/*
 * Read the list of patterns (a single string is a list of one) under key in map into out,
 * each compiled with the options every pattern of the file has; reports, at the pattern,
 * one that does not compile or can match empty text, and an empty or mistyped list.
 */
void compliance_read_patterns(ydoc *doc, yaml_node_t *map, const char *key,
                              rule_patterns *out);
void compliance_patterns_free(rule_patterns *p);

#endif
