/*
 * util.h: every base/ helper at once (alloc.h, str.h, files.h, suggest.h), for files that
 * have not yet named the ones they use.
 */
#ifndef SUTURE_UTIL_H
#define SUTURE_UTIL_H

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "base/suggest.h"

#endif
