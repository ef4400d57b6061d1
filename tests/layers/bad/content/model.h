/* a content header that reaches into a later stage */
#include "render/page.h"
#include "content/missing.h"
#include "page.h"
