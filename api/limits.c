/* limits.c: the default request limits of api_limits_t (api.h). Kept apart from the
 * server so that code which only needs the numbers (daemon/config.c's tests) links
 * without libmicrohttpd or an agent; the config table's defaults must equal these. */
#include "api/api.h"

void api_limits_default(api_limits_t *l)
{
    l->max_body = (size_t)1 << 20;
    l->max_import_body = (size_t)64 << 20;
    l->max_text = 8192;
    l->max_message = 4096;
    l->max_k = 100;
    l->max_page = 500;
    l->max_batch = 1000;
    l->max_connections = 256;
}
