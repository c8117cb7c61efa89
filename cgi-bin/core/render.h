#ifndef SB_RENDER_H
#define SB_RENDER_H
#include <ClearSilver.h>
#include "cgi-bin/core/request.h"

/* Loads the language file once per worker (again when it changes, see
 * render.c); render_reload also forgets every parsed template. */
int render_init(void);
void render_reload(void);
/* The language tree (Lang.*), for handlers' messages: shared by every
 * request, never to be changed; NULL until render_init has run. */
HDF *render_lang(void);

/* Renders template inside layout.cs into out, from a parse kept per worker
 * and template (parsed again when a file it read changes). On a template
 * error, returns -1 with a message naming the file and line in err_text. */
int render_page(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size);
/* Renders template alone, without the layout: a document of its own (an
 * export's HTML file), escaped like a page. 0, or -1 as render_page. */
int render_document(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size);
#endif
