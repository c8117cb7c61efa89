/* A language's text outside a request (lib/lang_tree.h). */
#include "lib/lang_tree.h"
#include "lib/lang.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* One language file into Lang, from the override directory first (an
 * administrator's fr.hdf wins for French). 1 read, 0 none there. */
static NEOERR *read_lang_file(HDF *lang, const char *code, int *found)
{
	const char *dirs[2];
	int n = template_dirs(dirs);
	char path[1024];
	struct stat st;
	*found = 0;
	for (int i = 0; i < n && lang_code_ok(code); i++) {
		snprintf(path, sizeof path, "%s/lang/%s.hdf", dirs[i], code);
		if (stat(path, &st) == 0) {
			*found = 1;
			return hdf_read_file(lang, path);
		}
	}
	return STATUS_OK;
}

NEOERR *lang_tree_read(HDF *hdf, const char *code)
{
	HDF *lang = hdf_get_obj(hdf, "Lang");
	if (!lang) {
		NEOERR *err = hdf_set_value(hdf, "Lang", "");
		if (err)
			return err;
		lang = hdf_get_obj(hdf, "Lang");
	}
	int found = 0;
	NEOERR *err = read_lang_file(lang, "en", &found);
	if (!err && !found)
		return nerr_raise(NERR_NOT_FOUND, "no language file lang/en.hdf");
	if (!err && code && strcmp(code, "en") != 0)
		err = read_lang_file(lang, code, &found);
	return err;
}
