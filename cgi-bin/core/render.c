#include "cgi-bin/core/render.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static HDF *lang_tree;
static char lang_file[1024];
static time_t lang_mtime;

static void resolve_lang_file(void)
{
	/* An override directory wins, like for templates. */
	const char *dirs[] = {cfg_str("Templates.Override", NULL), cfg_str("Templates.Dir", "templates")};
	struct stat st;
	for (int i = 0; i < 2; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(lang_file, sizeof lang_file, "%s/lang/en.hdf", dirs[i]);
		if (stat(lang_file, &st) == 0)
			return;
	}
}

static int load_lang(void)
{
	HDF *fresh;
	struct stat st;
	resolve_lang_file();
	if (stat(lang_file, &st) != 0) {
		log_error("language file %s missing", lang_file);
		return -1;
	}
	NEOERR *err = hdf_init(&fresh);
	if (!err)
		err = hdf_read_file(fresh, lang_file);
	if (err) {
		char msg[512];
		neo_error_text(&err, msg, sizeof msg);
		log_error("language file: %s", msg);
		hdf_destroy(&fresh);
		return -1;
	}
	hdf_destroy(&lang_tree);
	lang_tree = fresh;
	lang_mtime = st.st_mtime;
	return 0;
}

int render_init(void) { return load_lang(); }
void render_reload(void) { load_lang(); }

HDF *render_lang(void)
{
	struct stat st;
	/* Re-read when an administrator edits it: no restart needed. */
	if (lang_file[0] && stat(lang_file, &st) == 0 && st.st_mtime != lang_mtime)
		load_lang();
	return lang_tree;
}

static NEOERR *append_output(void *ctx, char *s)
{
	return string_append((STRING *)ctx, s);
}

/* The templates to parse, in order, the last one drawing the result. */
static int render_files(HDF *hdf, const char *const *files, STRING *out, char *err_text, size_t err_size)
{
	CSPARSE *cs = NULL;
	NEOERR *err;
	/* Escape every var: by default; templates opt out only with explicit functions. */
	hdf_set_value(hdf, "Config.VarEscapeMode", "html");
	if (cfg_str("Templates.Override", NULL))
		hdf_set_value(hdf, "hdf.loadpaths.0", cfg_str("Templates.Override", ""));
	hdf_set_value(hdf, "hdf.loadpaths.1", cfg_str("Templates.Dir", "templates"));
	HDF *lang = render_lang();
	if (lang && !hdf_get_obj(hdf, "Lang"))
		hdf_copy(hdf, "Lang", lang);

	err = cs_init(&cs, hdf);
	if (!err)
		err = cgi_register_strfuncs(cs);
	for (const char *const *f = files; *f && !err; f++)
		err = cs_parse_file(cs, *f);
	if (!err)
		err = cs_render(cs, out, append_output);
	cs_destroy(&cs);
	if (!err)
		return 0;
	neo_error_text(&err, err_text, err_size);
	log_error("template %s: %s", files[1], err_text);
	return -1;
}

int render_page(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size)
{
	/* macros.cs, then the screen (which defines content()), then the layout that calls it. */
	const char *const files[] = {"macros.cs", template, "layout.cs", NULL};
	return render_files(hdf, files, out, err_text, err_size);
}

int render_document(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size)
{
	const char *const files[] = {"macros.cs", template, NULL};
	return render_files(hdf, files, out, err_text, err_size);
}
