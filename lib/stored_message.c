/* A message as a key and its arguments, worded in each reader's language
 * (lib/stored_message.h). */
#include "lib/stored_message.h"
#include "lib/lang.h"
#include "lib/lang_tree.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void stored_message_set(struct stored_message *m, const char *key, ...)
{
	memset(m, 0, sizeof *m);
	snprintf(m->key, sizeof m->key, "%s", key);
	va_list ap;
	va_start(ap, key);
	for (const char *a = va_arg(ap, const char *); a && m->n < STORED_MESSAGE_ARGS; a = va_arg(ap, const char *))
		snprintf(m->args[m->n++], sizeof m->args[0], "%s", a);
	va_end(ap);
}

char *stored_message_args_json(const struct stored_message *m)
{
	json_t *list = json_array();
	for (int i = 0; list && i < m->n; i++)
		json_array_append_new(list, json_string(m->args[i]));
	char *text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	return text;
}

void stored_message_words(HDF *lang, const char *kind, const char *key, const char *args_json, const char *stored,
			  char *out, size_t size)
{
	char path[96];
	snprintf(path, sizeof path, "%s.%s", kind, key ? key : "");
	const char *text = key && *key && lang ? hdf_get_value(lang, path, NULL) : NULL;
	if (!text) {
		snprintf(out, size, "%s", stored ? stored : "");
		return;
	}
	const char *args[STORED_MESSAGE_ARGS] = {0};
	json_t *list = args_json && *args_json ? json_loads(args_json, 0, NULL) : NULL;
	int n = 0;
	for (; json_is_array(list) && n < STORED_MESSAGE_ARGS && (size_t)n < json_array_size(list); n++)
		args[n] = json_string_value(json_array_get(list, (size_t)n));
	lang_fill(text, args, n, out, size);
	json_decref(list);
}

void stored_message_english(const char *kind, const struct stored_message *m, char *out, size_t size)
{
	HDF *hdf = NULL;
	NEOERR *err = hdf_init(&hdf);
	if (!err)
		err = lang_tree_read(hdf, "en");
	if (err) {
		nerr_ignore(&err);
		snprintf(out, size, "%s", m->key);
	} else {
		char *args = stored_message_args_json(m);
		stored_message_words(hdf_get_obj(hdf, "Lang"), kind, m->key, args, m->key, out, size);
		free(args);
	}
	hdf_destroy(&hdf);
}
