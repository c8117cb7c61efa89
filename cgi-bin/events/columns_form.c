#include "cgi-bin/events/columns_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The list's query string to go back to: URL characters only. */
static const char *back_query(struct req *r)
{
	static const char url_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%&=+";
	const char *b = form(r, "back");
	return strspn(b, url_chars) == strlen(b) && strlen(b) < 900 ? b : "";
}

static int position_of(const struct columns_def *def, const struct table_layout *l, const char *key)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(def->cols[l->order[i]].key, key) == 0)
			return i;
	return -1;
}

int columns_form_get(struct req *r, const struct columns_def *def, const char *list_path)
{
	struct table_layout l;
	if (table_layout_load(r->db, r->me.id, def->table_key, def->cols, def->n, &l) != 0)
		return SERVER_ERROR;
	char key[64], label[96];
	for (int i = 0; i < l.n; i++) {
		const struct table_column *c = &def->cols[l.order[i]];
		snprintf(key, sizeof key, "ColumnsForm.%d.key", i);
		hdf_set_value(r->hdf, key, c->key);
		snprintf(label, sizeof label, "%s.%s", def->lang_group, c->key);
		snprintf(key, sizeof key, "ColumnsForm.%d.label", i);
		hdf_set_value(r->hdf, key, lang(r, label));
		snprintf(key, sizeof key, "ColumnsForm.%d.shown", i);
		hdf_set_int_value(r->hdf, key, l.shown[i]);
		snprintf(key, sizeof key, "ColumnsForm.%d.fixed", i);
		hdf_set_int_value(r->hdf, key, c->fixed);
	}
	const char *back = *form(r, "back") ? back_query(r) : hdf_get_value(r->hdf, "CGI.QueryString", "");
	if (strspn(back, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%&=+") != strlen(back))
		back = "";
	char list[1200];
	snprintf(list, sizeof list, "%s%s%s", list_path, *back ? "?" : "", back);
	hdf_set_value(r->hdf, "Columns.Back", list);
	hdf_set_value(r->hdf, "Columns.BackQuery", back);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "events.event_columns.title"));
	return DONE;
}

int columns_form_post(struct req *r, const struct columns_def *def, const char *list_path, const char *form_path)
{
	if (form_has_errors(r))
		return invalid(r);
	struct table_layout l;
	if (in_checked(r, "reset")) {
		table_layout_default(def->cols, def->n, &l);
	} else {
		/* The order sent, then every column's checkbox. */
		const char *keys[TABLE_COLUMNS_MAX], *shown[TABLE_COLUMNS_MAX];
		int n = in_list(r, "order", keys, TABLE_COLUMNS_MAX);
		int s = in_list(r, "shown", shown, TABLE_COLUMNS_MAX);
		char text[1024] = "";
		size_t len = 0;
		for (int i = 0; i < n; i++) {
			int on = 0;
			for (int j = 0; j < s; j++)
				on |= strcmp(keys[i], shown[j]) == 0;
			len += (size_t)snprintf(text + len, len < sizeof text ? sizeof text - len : 0, "%s%s%s", i ? "," : "",
						on ? "" : "-", keys[i]);
		}
		table_layout_parse(def->cols, def->n, text, &l);
		/* A column kept out of the order sent keeps its checkbox's state. */
		for (int i = 0; i < l.n; i++) {
			int on = 0;
			for (int j = 0; j < s; j++)
				on |= strcmp(def->cols[l.order[i]].key, shown[j]) == 0;
			l.shown[i] = on || def->cols[l.order[i]].fixed;
		}
	}
	const char *move = in(r, "move");
	const char *colon = strchr(move, ':');
	if (colon) {
		char key[48];
		snprintf(key, sizeof key, "%.*s", (int)(colon - move) < 47 ? (int)(colon - move) : 47, move);
		table_layout_move(&l, position_of(def, &l, key), strcmp(colon + 1, "up") == 0 ? -1 : 1);
	}
	if (table_layout_save(r->db, r->me.id, def->table_key, def->cols, &l) != 0)
		return SERVER_ERROR;
	const char *back = back_query(r);
	if (colon)
		return done(r, NULL, "%s?back=%s", form_path, back);
	return done(r, "flash.columns_saved", "%s%s%s", list_path, *back ? "?" : "", back);
}
