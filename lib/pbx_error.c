/* A PBX sync's failure as a message key and its arguments (lib/pbx_error.h). */
#include "lib/pbx_error.h"
#include "lib/lang.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pbx_error_set(struct pbx_error *e, const char *key, ...)
{
	memset(e, 0, sizeof *e);
	snprintf(e->key, sizeof e->key, "%s", key);
	va_list ap;
	va_start(ap, key);
	for (const char *a = va_arg(ap, const char *); a && e->n < PBX_ERROR_ARGS; a = va_arg(ap, const char *))
		snprintf(e->args[e->n++], sizeof e->args[0], "%s", a);
	va_end(ap);
}

char *pbx_error_args_json(const struct pbx_error *e)
{
	json_t *list = json_array();
	for (int i = 0; list && i < e->n; i++)
		json_array_append_new(list, json_string(e->args[i]));
	char *text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	return text;
}

void pbx_error_words(HDF *lang, const char *key, const char *args_json, const char *stored, char *out, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "pbx.errors.%s", key ? key : "");
	const char *text = key && *key && lang ? hdf_get_value(lang, path, NULL) : NULL;
	if (!text) {
		snprintf(out, size, "%s", stored ? stored : "");
		return;
	}
	const char *args[PBX_ERROR_ARGS] = {0};
	json_t *list = args_json && *args_json ? json_loads(args_json, 0, NULL) : NULL;
	int n = 0;
	for (; json_is_array(list) && n < PBX_ERROR_ARGS && (size_t)n < json_array_size(list); n++)
		args[n] = json_string_value(json_array_get(list, (size_t)n));
	lang_fill(text, args, n, out, size);
	json_decref(list);
}
