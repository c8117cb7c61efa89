/* The order files of a feed (ch2 §3.7), read into the API's documents so
 * that order_parse checks them exactly as it checks a PUT. */
#include "lib/order_feed.h"
#include "lib/sheet/csv_read.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n > t && strcasecmp(s + n - t, tail) == 0;
}

int order_feed_file_name(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	static const char ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
	return n > 0 && n <= ORDER_FEED_NAME_MAX && strspn(name, ok) == n && isalnum((unsigned char)name[0]) &&
	       (ends_with(name, ".json") || ends_with(name, ".csv"));
}

int order_feed_source_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > ORDER_FEED_SOURCE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return 0;
	return s[0] == '/' || strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* ---- JSON: an array of documents, or {"orders": [...]} ---- */

static json_t *parse_json(const char *data, size_t len, char *error, size_t size)
{
	json_error_t e;
	json_t *doc = json_loadb(data, len, 0, &e);
	if (!doc) {
		snprintf(error, size, "not JSON (line %d: %s)", e.line, e.text);
		return NULL;
	}
	json_t *list = json_is_array(doc) ? json_incref(doc) : json_incref(json_object_get(doc, "orders"));
	json_decref(doc);
	if (!json_is_array(list)) {
		json_decref(list);
		snprintf(error, size, "not a list of orders (an array, or {\"orders\": [...]})");
		return NULL;
	}
	size_t i;
	json_t *o;
	json_array_foreach(list, i, o) {
		if (!json_is_object(o)) {
			snprintf(error, size, "order %zu is not a JSON object", i + 1);
			json_decref(list);
			return NULL;
		}
		char at[32];
		snprintf(at, sizeof at, "order %zu", i + 1);
		json_object_set_new(o, "at", json_string(at));
	}
	return list;
}

/* ---- CSV: a header of the API's member names, one order line per row ---- */

enum column_kind { ORDER_TEXT, ORDER_INT, ORDER_BOOL, LINE_TEXT, LINE_INT };
static const struct {
	const char *name;
	enum column_kind kind;
} known[] = {
	{"orderNumber", ORDER_TEXT}, {"partnerBillingId", ORDER_TEXT}, {"sapOrderNumber", ORDER_TEXT},
	{"resellerPo", ORDER_TEXT}, {"customerPo", ORDER_TEXT}, {"endCustomerSap", ORDER_TEXT},
	{"trackingId", ORDER_TEXT}, {"startDate", ORDER_TEXT}, {"termMonths", ORDER_INT},
	{"expiryDate", ORDER_TEXT}, {"activated", ORDER_BOOL}, {"revision", ORDER_INT},
	{"product", LINE_TEXT}, {"plan", LINE_TEXT}, {"planCode", LINE_TEXT}, {"planDetails", LINE_TEXT},
	{"quantity", LINE_INT},
};
#define KNOWN (sizeof known / sizeof known[0])

struct csv {
	int columns[SHEET_MAX_COLUMNS];    /* index into known, -1 none */
	int n_columns, number_column;
	json_t *list, *order;              /* the current order (borrowed from list) */
	char *error;
	size_t error_size;
};

/* A cell as the API would carry it: whole numbers and true/false as JSON
 * values, anything else as text (order_parse then says what is wrong). */
static json_t *cell_value(const char *text, enum column_kind kind)
{
	size_t n = strlen(text), digits = strspn(text, "0123456789");
	if ((kind == ORDER_INT || kind == LINE_INT) && digits == n && n <= 18)
		return json_integer(strtoll(text, NULL, 10));
	if (kind == ORDER_BOOL) {
		if (!strcasecmp(text, "true") || !strcasecmp(text, "yes") || !strcmp(text, "1"))
			return json_true();
		if (!strcasecmp(text, "false") || !strcasecmp(text, "no") || !strcmp(text, "0"))
			return json_false();
	}
	return json_string(text);
}

static int header(struct csv *c, char *const *cells, int n)
{
	c->number_column = -1;
	for (int i = 0; i < n; i++) {
		c->columns[i] = -1;
		if (!*cells[i])
			continue;
		for (size_t k = 0; k < KNOWN; k++)
			if (strcasecmp(cells[i], known[k].name) == 0)
				c->columns[i] = (int)k;
		if (c->columns[i] < 0) {
			snprintf(c->error, c->error_size, "unknown column \"%.60s\" in the header row", cells[i]);
			return 1;
		}
		if (c->columns[i] == 0)
			c->number_column = i;
	}
	c->n_columns = n;
	if (c->number_column < 0) {
		snprintf(c->error, c->error_size, "no orderNumber column in the header row");
		return 1;
	}
	return 0;
}

static int csv_row(void *ctx, long row_number, char *const *cells, int n)
{
	struct csv *c = ctx;
	if (c->n_columns == 0)
		return n == 0 ? 0 : header(c, cells, n);
	if (n == 0)
		return 0;
	if (n > c->n_columns) {
		snprintf(c->error, c->error_size, "row %ld has more cells than the header row", row_number);
		return 1;
	}
	const char *number = c->number_column < n ? cells[c->number_column] : "";
	const char *current = c->order ? json_string_value(json_object_get(c->order, "orderNumber")) : NULL;
	if (!current || strcmp(current, number) != 0) {
		c->order = json_object();
		char at[32];
		snprintf(at, sizeof at, "row %ld", row_number);
		json_object_set_new(c->order, "at", json_string(at));
		json_object_set_new(c->order, "lines", json_array());
		json_array_append_new(c->list, c->order);
		for (int i = 0; i < n; i++) {
			int k = c->columns[i];
			if (k >= 0 && *cells[i] && known[k].kind <= ORDER_BOOL)
				json_object_set_new(c->order, known[k].name, cell_value(cells[i], known[k].kind));
		}
		json_object_set_new(c->order, "orderNumber", json_string(number));
	}
	json_t *line = json_object();
	for (int i = 0; i < n; i++) {
		int k = c->columns[i];
		if (k >= 0 && *cells[i] && known[k].kind >= LINE_TEXT)
			json_object_set_new(line, known[k].name, cell_value(cells[i], known[k].kind));
	}
	json_array_append_new(json_object_get(c->order, "lines"), line);
	return 0;
}

static json_t *parse_csv(const char *data, size_t len, char *error, size_t size)
{
	struct csv c = {.list = json_array(), .error = error, .error_size = size};
	*error = 0;
	enum sheet_status st = csv_read(data, len, csv_row, &c);
	if (st == SHEET_OK && c.n_columns == 0)
		snprintf(error, size, "no header row");
	else if (st == SHEET_NOT_CSV)
		snprintf(error, size, "not CSV text (binary data, or not UTF-8)");
	else if (st != SHEET_OK && !*error)
		snprintf(error, size, "not readable as CSV");
	if (*error) {
		json_decref(c.list);
		return NULL;
	}
	return c.list;
}

json_t *order_feed_parse(const char *name, const char *data, size_t len, char *error, size_t error_size)
{
	if (ends_with(name, ".json"))
		return parse_json(data, len, error, error_size);
	if (ends_with(name, ".csv"))
		return parse_csv(data, len, error, error_size);
	snprintf(error, error_size, "not a .json or .csv file");
	return NULL;
}
