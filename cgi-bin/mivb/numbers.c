/* MiVoice Business → Numbers (guide §3.1.2 Numbers; page title MiVoice
 * Business Settings): the user extension ranges (the console's) with the
 * next free DN the PBX has in them, and the PBX's DIDs, searched on the
 * PBX, "N number(s) in total". */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <string.h>

#define DIDS_SHOWN 100

struct fill {
	struct req *r;
	int n;
};

static int add_range(void *ctx, const struct mivb_range *range)
{
	struct fill *f = ctx;
	char key[64];
	snprintf(key, sizeof key, "Ranges.%d", f->n++);
	HDF *row;
	if (hdf_get_node(f->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_valuef(row, "id=%lld", range->id);
	hdf_set_value(row, "start", range->start);
	hdf_set_value(row, "end", range->end);
	return 0;
}

static int add_did(void *ctx, const struct mivb_did *did)
{
	struct fill *f = ctx;
	char key[64];
	snprintf(key, sizeof key, "Dids.%d", f->n++);
	HDF *row;
	if (hdf_get_node(f->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "number", did->number);
	hdf_set_value(row, "target", did->target);
	hdf_set_value(row, "type", strcmp(did->type, "standard") == 0 ? lang(f->r, "mivb.numbers.type_standard") : did->type);
	return 0;
}

/* What the PBX holds: the next free DN and the DIDs. */
static void from_pbx(struct req *r, const char *search)
{
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open <= 0)
		return;
	struct pbx_reply rep = {0};
	char ranges[1024], next[MIVB_DN_MAX + 1] = "";
	int n = mivb_ranges_query(r->db, r->acct.id, ranges, sizeof ranges);
	if (n > 0 && mivb_next_dn(&a, ranges, next, &rep) == 0)
		hdf_set_value(r->hdf, "Numbers.Next", *next ? next : lang(r, "mivb.numbers.next_none"));
	pbx_reply_clear(&rep);
	struct fill f = {r, 0};
	long long total = 0;
	int rc = mivb_dids_list(&a, search, DIDS_SHOWN, add_did, &f, &total, &rep);
	if (rc == 0) {
		char words[128];
		lang_number(r, "mivb.numbers.total", (long)total, words, sizeof words);
		hdf_set_value(r->hdf, "Numbers.Total", words);
		hdf_set_int_value(r->hdf, "Numbers.More", total > DIDS_SHOWN);
	} else {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
}

int numbers_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.numbers.title"));
	struct fill f = {r, 0};
	if (mivb_ranges_each(r->db, r->acct.id, add_range, &f) < 0)
		return SERVER_ERROR;
	const char *search = form(r, "q");
	hdf_set_value(r->hdf, "Numbers.Q", search);
	from_pbx(r, search);
	return DONE;
}
