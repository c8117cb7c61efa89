#include "lib/events_prefs.h"

#include <stdio.h>
#include <string.h>

void table_layout_default(const struct table_column *cols, int n, struct table_layout *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < n && i < TABLE_COLUMNS_MAX; i++) {
		out->order[out->n] = i;
		out->shown[out->n++] = cols[i].shown || cols[i].fixed;
	}
}

static int placed(const struct table_layout *l, int col)
{
	for (int i = 0; i < l->n; i++)
		if (l->order[i] == col)
			return 1;
	return 0;
}

static int find(const struct table_column *cols, int n, const char *key, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(cols[i].key) == len && strncmp(cols[i].key, key, len) == 0)
			return i;
	return -1;
}

void table_layout_parse(const struct table_column *cols, int n, const char *text, struct table_layout *out)
{
	memset(out, 0, sizeof *out);
	n = n < TABLE_COLUMNS_MAX ? n : TABLE_COLUMNS_MAX;
	for (const char *p = text ? text : ""; *p;) {
		size_t len = strcspn(p, ",");
		int hidden = *p == '-';
		int col = find(cols, n, p + hidden, len - (size_t)hidden);
		if (col >= 0 && !placed(out, col)) {
			out->order[out->n] = col;
			out->shown[out->n++] = !hidden || cols[col].fixed;
		}
		p += len + (p[len] == ',');
	}
	/* Columns added since: after the column that precedes them in the definition. */
	for (int col = 0; col < n; col++) {
		if (placed(out, col))
			continue;
		int at = 0;
		for (int i = 0; i < out->n; i++)
			if (out->order[i] < col)
				at = i + 1;
		memmove(&out->order[at + 1], &out->order[at], (size_t)(out->n - at) * sizeof out->order[0]);
		memmove(&out->shown[at + 1], &out->shown[at], (size_t)(out->n - at) * sizeof out->shown[0]);
		out->order[at] = col;
		out->shown[at] = cols[col].shown || cols[col].fixed;
		out->n++;
	}
}

void table_layout_format(const struct table_column *cols, const struct table_layout *l, char *out, size_t size)
{
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < l->n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s%s", i ? "," : "", l->shown[i] ? "" : "-",
					cols[l->order[i]].key);
}

void table_layout_move(struct table_layout *l, int i, int step)
{
	int j = i + step;
	if (i < 0 || i >= l->n || j < 0 || j >= l->n)
		return;
	int o = l->order[i], s = l->shown[i];
	l->order[i] = l->order[j];
	l->shown[i] = l->shown[j];
	l->order[j] = o;
	l->shown[j] = s;
}

int table_layout_load(db *d, long long user_id, const char *table_key, const struct table_column *cols, int n,
		      struct table_layout *out)
{
	char text[1024];
	int rc = db_str(d, text, sizeof text, "SELECT columns FROM user_table_prefs WHERE user_id = ? AND table_key = ?", "is",
			user_id, table_key);
	if (rc < 0)
		return -1;
	if (rc == 0)
		table_layout_default(cols, n, out);
	else
		table_layout_parse(cols, n, text, out);
	return 0;
}

int table_layout_save(db *d, long long user_id, const char *table_key, const struct table_column *cols,
		      const struct table_layout *l)
{
	char text[1024];
	table_layout_format(cols, l, text, sizeof text);
	return db_exec(d,
		"INSERT INTO user_table_prefs (user_id, table_key, columns, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP())"
		" ON DUPLICATE KEY UPDATE columns = VALUES(columns), updated_at = VALUES(updated_at)",
		"iss", user_id, table_key, text) < 0 ? -1 : 0;
}
