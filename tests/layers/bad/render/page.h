/* a render header: allowed to include content */
#include "content/model.h"
