#ifndef SB_RENDER_H
#define SB_RENDER_H
#include <ClearSilver.h>
#include "cgi-bin/core/request.h"

/* Loads the English language file (each other language at its first
 * use), once per worker and again when it changes, see render.c;
 * render_reload also forgets every parsed template. */
int render_init(void);
void render_reload(void);
/* The language tree (Lang.*) of the request's language, for handlers'
 * messages: shared by every request, never to be changed; NULL until
 * render_init has run. */
HDF *render_lang(void);
/* The tree of another language (the language picker names each language in
 * its own words); NULL when it cannot be read. */
HDF *render_lang_of(const char *code);
/* The language pages and render_lang() use from now on: the request's
 * (request.c chooses it); English for a code that is not well-formed. */
void render_use_language(const char *code);
const char *render_language(void);

/* Renders template inside layout.cs into out, from a parse kept per worker
 * and template (parsed again when a file it read changes). On a template
 * error, returns -1 with a message naming the file and line in err_text. */
int render_page(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size);
/* Renders template alone, without the layout: a document of its own (an
 * export's HTML file), escaped like a page. 0, or -1 as render_page. */
int render_document(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size);
#endif
