/* limits.c: the default request limits of api_limits_t, from the API_DEFAULT_* macros
 * in api.h (which mnemod's config table reads too). Kept apart from the server so that
 * code which only needs the numbers (daemon/config.c's tests) links without
 * libmicrohttpd or an agent. */
#include "api/api.h"

void api_limits_default(api_limits_t *l)
{
    l->max_body = API_DEFAULT_MAX_BODY;
    l->max_import_body = API_DEFAULT_MAX_IMPORT_BODY;
    l->max_import_items = API_DEFAULT_MAX_IMPORT_ITEMS;
    l->max_text = API_DEFAULT_MAX_TEXT;
    l->max_message = API_DEFAULT_MAX_MESSAGE;
    l->max_k = API_DEFAULT_MAX_K;
    l->max_page = API_DEFAULT_MAX_PAGE;
    l->max_batch = API_DEFAULT_MAX_BATCH;
    l->max_connections = API_DEFAULT_MAX_CONNECTIONS;
    l->max_inflight_body = API_DEFAULT_MAX_INFLIGHT_BODY;
}
