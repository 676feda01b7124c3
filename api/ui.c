/* ui.c: GET /ui and /ui/{file}, the memory inspector (docs/API.md "The inspector"): the
 * static files of ui/, compiled into mnemod by api/ui_embed.c, served without a token
 * (they hold no data; every panel reads the API with the token the user enters). /ui/
 * is the page too (its files are named from the root). A name the table lacks is 404. The replies forbid framing, sniffing and any script, style or
 * connection from elsewhere, so the page can only talk to this mnemod. */
#include "api/internal.h"

#include <stdlib.h>
#include <string.h>

/* The media type of each kind of file ui/ holds; a file of another kind is not served. */
static const struct {
    const char *ext, *type;
} ui_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
};

static const char *const ui_headers[] = {
    "Content-Security-Policy",
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options", "nosniff",
    "Referrer-Policy", "no-referrer",
    /* a new mnemod may bring new files: revalidate rather than keep a stale page */
    "Cache-Control", "no-cache",
    NULL,
};

static const char *type_of(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ui_types / sizeof ui_types[0]; i++) {
        size_t e = strlen(ui_types[i].ext);
        if (n > e && !strcmp(name + n - e, ui_types[i].ext)) return ui_types[i].type;
    }
    return NULL;
}

void api_h_ui(api_req_t *rq)
{
    const char *name = rq->param ? rq->param : "index.html";
    const char *type = type_of(name);
    for (size_t i = 0; type && i < api_ui_n_files; i++) {
        const api_ui_file_t *f = &api_ui_files[i];
        if (strcmp(f->name, name)) continue;
        char *buf = malloc(f->len ? f->len : 1);    /* api_send frees it */
        if (!buf) {
            api_error(rq, 500, API_CODE_INTERNAL, "out of memory");
            return;
        }
        memcpy(buf, f->data, f->len);
        api_send_headers(rq, 200, type, buf, f->len, ui_headers);
        return;
    }
    api_error(rq, 404, API_CODE_NOT_FOUND, "no file %s in /ui", name);
}
