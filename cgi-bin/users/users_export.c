/* Export of the Users list: every user the list's current search and
 * filters match, in its sort order, as a CSV file (the NAME, EMAIL
 * ADDRESS, EXT, MODIFIED ON (BY), LICENSES and ROLE columns, and the
 * status). All matches, not only the page shown; values a spreadsheet
 * would run as formulas are neutralised (lib/sheet/sheet_cell.h). In the
 * request's language: its words, its dates, and the separator its
 * spreadsheets split a CSV file on (lib/lang.h). */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_filter.h"
#include "cgi-bin/users/users_sort.h"
#include "lib/lang.h"
#include "lib/sheet/csv_write.h"

#include <stdio.h>
#include <stdlib.h>

struct export {
	struct req *r;
	struct csv_out csv;
};

static int write_row(void *ctx, const struct user_list_row *u)
{
	struct export *e = ctx;
	char key[64], modified[1200], when[64];
	snprintf(key, sizeof key, "users.roles.%s", u->role);
	lang_format_datetime(e->r->language, u->modified, when, sizeof when);
	if (*u->updated_by_name)
		snprintf(modified, sizeof modified, "%s (%s)", when, u->updated_by_name);
	else
		snprintf(modified, sizeof modified, "%s", when);
	csv_field(&e->csv, u->display_name);
	csv_field(&e->csv, u->email);
	csv_field(&e->csv, u->extension);
	csv_field(&e->csv, modified);
	csv_field(&e->csv, u->licenses);
	csv_field(&e->csv, *u->custom_role ? u->custom_role : lang(e->r, key));
	csv_field(&e->csv, lang(e->r, u->registered ? "users.users.registered" : "users.users.unregistered"));
	csv_end_record(&e->csv);
	return e->csv.failed ? -1 : 0;
}

int users_export_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, users_sorts);
	struct user_match m;
	if (user_filter_read(r, &m, l.q) != 0)
		return SERVER_ERROR;
	struct export e = {r, {0}};
	csv_begin(&e.csv);
	e.csv.sep = lang_locale(r->language)->csv_sep;
	static const char *const headers[] = {"col_name", "col_email", "col_ext", "col_modified", "col_licenses",
					      "col_role", "col_status"};
	char key[64];
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		snprintf(key, sizeof key, "users.users.%s", headers[i]);
		csv_field(&e.csv, lang(r, key));
	}
	csv_end_record(&e.csv);
	int rows = users_each(r->db, &m, (enum user_sort)l.sort->code, l.descending, write_row, &e);
	if (csv_finish(&e.csv, &r->body, &r->body_len) != 0 || rows < 0) {
		free(r->body);
		r->body = NULL;
		return SERVER_ERROR;
	}
	r->content_type = "text/csv; charset=utf-8";
	r->download_name = "users.csv";
	return DONE;
}
